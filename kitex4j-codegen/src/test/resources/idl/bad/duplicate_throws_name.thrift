exception A {}
exception B {}
service S {
  void f() throws (1: A e, 2: B e)
}
