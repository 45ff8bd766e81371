service UserService {}
struct Order {
  1: UserService svc
}
