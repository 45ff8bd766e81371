struct Point {}
const i32 X = Point
