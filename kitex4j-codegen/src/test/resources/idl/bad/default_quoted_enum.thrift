enum Color { RED }
struct Paint {
  1: Color color = "RED"
}
