struct User {
  id: i64 id
}
