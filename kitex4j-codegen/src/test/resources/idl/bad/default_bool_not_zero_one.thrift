struct Flags {
  1: bool on = 2
}
