exception Oops {}
service S {
  void f() throws 1: Oops e
}
