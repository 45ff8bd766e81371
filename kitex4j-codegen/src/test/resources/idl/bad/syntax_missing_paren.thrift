service UserService {
  void ping(1: i64 id
}
