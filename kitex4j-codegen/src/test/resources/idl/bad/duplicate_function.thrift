service S {
  void ping()
  i32 ping(1: i32 x)
}
