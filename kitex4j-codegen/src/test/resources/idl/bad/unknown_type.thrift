struct Order {
  1: i64 id
  2: Usr buyer
}
struct User {}
