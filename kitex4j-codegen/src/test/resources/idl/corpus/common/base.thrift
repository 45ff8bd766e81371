/**
 * Base definitions shared by every example service.
 * Included through an include directory (-I common), never by a relative path.
 */
namespace java io.kitex4j.example.base
namespace go kitex.example.base
namespace * example.base

typedef i64 Timestamp
typedef string TraceId (go.tag = "json:\"trace_id\"")
/** A typedef of a typedef: generators may unwrap the chain or keep the alias. */
typedef Timestamp CreatedAt

/** Error codes returned by all services. */
enum ErrorCode {
  OK = 0,
  /** The request was malformed. */
  INVALID_ARGUMENT = 400 (http.status = "400"),
  NOT_FOUND = 404,
  INTERNAL = 0x1F4,   // 500
  UNAVAILABLE         // 501, implicit
}

const i32 DEFAULT_PAGE_SIZE = 20
const string SERVICE_PREFIX = 'kitex4j.'

struct Base {
  1: string log_id = "",
  2: string caller = "",
  3: optional map<string, string> extra,
}

struct BaseResp {
  1: string status_message = "OK",
  2: i32 status_code = 0,
  3: optional map<string, string> extra,
}

/** Thrown by every service on failure. */
exception ServiceException {
  1: required ErrorCode code,
  2: optional string message,
  3: optional TraceId trace_id,
}

struct Paging {
  1: i32 offset = 0
  2: i32 limit = DEFAULT_PAGE_SIZE
}
