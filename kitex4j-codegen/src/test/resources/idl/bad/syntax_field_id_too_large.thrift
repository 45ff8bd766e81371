struct User {
  1: i64 id
  40000: string name
}
