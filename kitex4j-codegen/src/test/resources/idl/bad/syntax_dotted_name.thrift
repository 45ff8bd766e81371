struct com.User {
  1: i64 id
}
