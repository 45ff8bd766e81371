struct Limits {
  1: i16 medium = -32769
}
