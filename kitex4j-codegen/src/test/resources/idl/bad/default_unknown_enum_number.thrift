enum Color { RED, GREEN }
struct Paint {
  1: Color color = 7
}
