service Base {
  void ping()
}
service Middle extends Base {}
service Child extends Middle {
  void ping()
}
