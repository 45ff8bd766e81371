struct Point {
  1: i32 x
}
const Point P = {1: 1}
