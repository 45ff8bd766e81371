struct Point {
  1: i32 x
}
const Point ORIGIN = 0
