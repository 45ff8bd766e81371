struct Limits {
  1: i32 max = "ten"
}
