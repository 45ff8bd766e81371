// Shared money types. base.thrift is not next to this file: it is found through -I.
namespace java io.kitex4j.example.shared
namespace go kitex.example.shared

include "base.thrift"

enum Currency {
  USD = 1,
  EUR = 2,
  CNY = 3,
}

struct Money {
  1: required i64 units,
  2: required Currency currency = Currency.USD,
  3: optional i32 nanos = 0,
}

const Money ZERO = {"units": 0, "currency": Currency.USD}
const map<Currency, string> SYMBOLS = {Currency.USD: "$", Currency.EUR: "€", Currency.CNY: "¥"}

service HealthService {
  /** Whether the service is healthy. */
  bool healthy(1: base.Base base) throws (1: base.ServiceException err)
}
