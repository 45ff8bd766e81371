namespace java io.kitex4j.example.order

include "user.thrift"                  // same directory
include "base.thrift"                  // through -I
include "../shared/shared.thrift"

enum OrderState {
  CREATED,      // 0
  PAID,         // 1
  SHIPPED = 10,
  DELIVERED,    // 11
  CANCELLED = -1,
}

struct LineItem {
  1: required string sku,
  2: required i32 quantity = 1,
  3: required shared.Money unit_price,
}

struct Order {
  1: required i64 id,
  2: required user.User buyer,
  3: list<LineItem> items,
  4: OrderState state = OrderState.CREATED,
  5: optional shared.Money total = shared.ZERO,
  6: optional map<string, list<map<i32, set<LineItem>>>> fulfilment,
}

exception OrderRejected {
  1: required base.ErrorCode code = base.ErrorCode.INVALID_ARGUMENT,
  2: string reason,
}

/** OrderService -> AdminUserService -> UserService -> HealthService. */
service OrderService extends user.AdminUserService {
  Order PlaceOrder(1: i64 buyer_id, 2: list<LineItem> items)
      throws (1: base.ServiceException err, 2: OrderRejected rejected, 3: user.UserNotFound no_user)
  Order GetOrder(1: i64 id) throws (1: base.ServiceException err)
  list<Order> ListOrders(1: i64 buyer_id, 2: base.Paging paging)
  oneway void Cancel(1: i64 id)
}

service OrderAuditService extends OrderService {
  list<Order> Audit(1: base.Timestamp since)
}
