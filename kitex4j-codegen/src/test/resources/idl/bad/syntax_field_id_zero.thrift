struct User {
  0: i64 id
}
