struct Order {
  1: shared.Money total
}
