struct User {
  1.5: i64 id
}
