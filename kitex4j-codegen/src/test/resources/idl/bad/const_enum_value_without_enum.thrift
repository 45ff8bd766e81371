enum Numberz { ONE = 1 }
const Numberz N = ONE
