/**
 * The user service: a realistic Kitex-style IDL.
 */
namespace java io.kitex4j.example.user
namespace go kitex.example.user
namespace py example.user

include "base.thrift"                  // through -I
include "../shared/shared.thrift"      // relative to this file

enum UserStatus {
  ACTIVE = 1,
  SUSPENDED = 2,
  DELETED = 3,
}

struct Address {
  1: required string street,
  2: optional string city,
  3: optional string country = "US",
}

/** Exactly one way to reach a user. */
union Contact {
  1: string email,
  2: string phone,
  3: Address address,
}

struct User {
  1: required i64 id,
  2: required string name,
  3: optional shared.Money balance,
  4: base.CreatedAt created_at,
  /** Users know users: a recursive field. */
  5: optional list<User> friends,
  6: optional UserStatus status = UserStatus.ACTIVE,
  7: optional list<Contact> contacts = [],
  8: optional map<shared.Currency, shared.Money> wallets,
}

struct GetUserReq {
  1: required i64 id,
  255: optional base.Base base,
}

struct GetUserResp {
  1: optional User user,
  255: required base.BaseResp base_resp,
}

struct ListUsersReq {
  1: base.Paging paging = {"offset": 0, "limit": 50},
  2: optional set<UserStatus> statuses = [UserStatus.ACTIVE, UserStatus.SUSPENDED],
  255: optional base.Base base,
}

struct ListUsersResp {
  1: list<User> users,
  2: i64 total,
  255: required base.BaseResp base_resp,
}

exception UserNotFound {
  1: required i64 id,
  2: optional string message = "user not found",
}

service UserService extends shared.HealthService {
  GetUserResp GetUser(1: GetUserReq req)
      throws (1: base.ServiceException err, 2: UserNotFound not_found) (api.get = "/user/:id")

  ListUsersResp ListUsers(1: ListUsersReq req) throws (1: base.ServiceException err);

  /** Fire and forget. */
  oneway void Touch(1: i64 id, 2: base.Timestamp at),
}

service AdminUserService extends UserService {
  void BanUser(1: i64 id, 2: string reason) throws (1: base.ServiceException err)
  void RestoreUser(1: i64 id)
}
