enum Color { RED }
enum Shape { CIRCLE }
struct Paint {
  1: Shape shape = Color.RED
}
