// Java keywords are ordinary Thrift identifiers; generators must escape them.
namespace java io.kitex4j.example.keywords

enum synchronized {
  volatile = 1,
  transient = 2,
  native = 3,
}

typedef i32 int
typedef string String

struct class {
  1: int public,
  2: String private,
  3: bool default,
  4: list<string> package,
  5: i64 new,
  6: double return,
  7: optional synchronized static = synchronized.volatile,
  8: string import,
  9: string null,
}

union switch {
  1: i32 case,
  2: string goto,
}

exception throwable {
  1: string this,
  2: string super,
}

/** Thrift keywords are allowed as field names too (Apache Thrift 0.22 FieldName). */
struct ThriftWords {
  1: string type,
  2: i32 enum,
  3: string service,
  4: list<i32> list,
  5: string required,
  6: bool oneway,
}

const int final = 1
const class instanceof = {"public": final, "default": true}

service interface {
  class import(1: class this, 2: int final) throws (1: throwable catch),
  void throw(1: switch try),
  oneway void void_(1: int abstract),
}
