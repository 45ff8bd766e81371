enum Color {
  RED = one
}
