struct Limits {
  1: i32 large = 0x80000000
}
