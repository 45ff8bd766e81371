include "nowhere.thrift"
struct Order {
  1: nowhere.Thing thing
}
