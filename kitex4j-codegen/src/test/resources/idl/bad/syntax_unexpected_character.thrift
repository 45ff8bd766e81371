struct User {
  1: i64 id @ 
}
