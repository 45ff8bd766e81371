exception Oops {}
service S {
  oneway void fire() throws (1: Oops e)
}
