const string NAME = "x"
const i32 COUNT = NAME
