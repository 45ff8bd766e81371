struct Point {
  1: i32 left
  2: i32 top
}
const Point P = {"left": 1, "tpo": 2}
