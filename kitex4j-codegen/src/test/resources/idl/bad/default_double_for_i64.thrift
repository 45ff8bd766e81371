struct Limits {
  1: i64 count = 1.5
}
