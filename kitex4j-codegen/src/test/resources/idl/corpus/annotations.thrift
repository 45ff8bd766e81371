/** Program doc of annotations.thrift: annotations everywhere Thrift allows them. */
namespace java io.kitex4j.example.annotated (java.final = "true")
namespace go example.annotated
namespace py.twisted example.annotated.twisted
namespace * example.annotated
cpp_include "<unordered_map>"

/** A typedef with annotations on the type and on the typedef. */
typedef i64 (js.type = "Long") Id (go.type = "int64")

/**
 * Status of a thing.
 * Second line.
 */
enum Status {
  /** Doc on a value. */
  ACTIVE = 1 (display = "Active"),
  INACTIVE = 2 (display = "Inactive"; deprecated),
} (java.annotation = "@Deprecated")

struct Annotated {
  /** Field doc. */
  1: required string name (go.tag = 'json:"name"', api.query = "name"),
  2: optional list<string> (cpp.template = "std::vector") tags,
  3: map cpp_type "std::unordered_map<int32_t, std::string>" <i32, string> (x.y = "z") index,
  4: set<i64> (python.immutable = "") ids;
  5: Id id (api.path = "id")
  6: optional list<list<i32> (inner = "1")> (outer = "2") matrix
  7: optional Status status = Status.ACTIVE (api.none)
} (api.struct = "true", empty_value, repeated = "first", repeated = "second")

union AnnotatedUnion {
  1: string a (u.field = "1"),
  2: i32 b,
} (u.kind = "union")

exception AnnotatedException {
  1: string message (e.field = "m"),
} (e.kind = "exception")

/** Service doc. */
service AnnotatedService {
  /** Function doc. */
  Annotated Get(1: Id id (api.path = "id")) (api.get = "/annotated/:id", api.serializer = "json")
  /**
   * Multi-line function doc.
   *   Indented line.
   */
  oneway void Fire(1: string event) (priority = "low");
  string (ret.type = "x") Echo(1: string (arg.type = "y") text) throws (1: AnnotatedException e (t.field = "1")),
} (api.base_domain = "example.com")
