struct Plain {}
typedef Plain Alias
service S {
  void f() throws (1: Alias e)
}
