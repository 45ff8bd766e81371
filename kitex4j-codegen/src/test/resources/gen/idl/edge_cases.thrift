/** Names and shapes that stress the Java generator (not a realistic IDL). */
namespace java io.kitex4j.example.edge

/** Shadows java.lang.String in this package: generated code must qualify java.lang.String. */
struct String {
  1: string value,
}

struct Object {
  1: String s,
  2: string plain,
}

/** Lower-case type names that locals and fields of generated code would otherwise obscure. */
struct v {
  1: i32 x,
}

struct out {
  1: v v,
  2: out_holder holder,
}

struct out_holder {
  1: string in,
}

enum value {
  value = 1,
  getValue = 2,
  findByValue = 3,
}

struct bar {
  1: bar_ref bar,
  2: value value,
  3: list<value> values,
  4: map<value, v> by_value,
}

struct bar_ref {
  1: i32 n,
}

/** Fields whose Java names or accessors collide. */
struct Collisions {
  1: string string_thing,
  2: string stringThing,
  3: i32 class,
  4: value status,
  5: i32 status_value,
  6: i32 _leading,
  7: i32 trailing_,
  8: optional i64 CODEC,
  9: bool issetBits0,
}

/** More than 32 primitive fields: two isset words. */
struct ManyPrimitives {
  1: i32 f1, 2: i32 f2, 3: i32 f3, 4: i32 f4, 5: i32 f5, 6: i32 f6, 7: i32 f7, 8: i32 f8,
  9: i32 f9, 10: i32 f10, 11: i32 f11, 12: i32 f12, 13: i32 f13, 14: i32 f14, 15: i32 f15, 16: i32 f16,
  17: i32 f17, 18: i32 f18, 19: i32 f19, 20: i32 f20, 21: i32 f21, 22: i32 f22, 23: i32 f23, 24: i32 f24,
  25: i32 f25, 26: i32 f26, 27: i32 f27, 28: i32 f28, 29: i32 f29, 30: i32 f30, 31: i32 f31, 32: i32 f32,
  33: optional i32 f33, 34: optional bool f34, 35: optional double f35, 36: optional i8 f36,
}

/** Exception fields that meet Throwable's methods. */
exception Trouble {
  1: i32 message,
  2: string cause,
  3: list<string> stack_trace,
  4: string localized_message,
}

exception Plain {
  1: string message,
}

/** A union named like the nested selector enum, with binary members. */
union Field {
  1: binary data,
  2: list<binary> chunks,
  3: value kind,
  4: i32 number,
}

union Empty {}

struct EmptyHolder {
  1: optional Empty e,
}

struct BinaryContainers {
  1: set<binary> set_of_bytes,
  2: map<binary, list<binary>> map_of_bytes,
  3: optional map<string, set<binary>> nested,
  4: binary plain,
}

/** Binary in a set element or a map key, at any depth, is a ByteBuffer; elsewhere byte[]. */
struct HashedBinary {
  1: set<list<binary>> lists,
  2: map<set<binary>, binary> by_set,
  3: list<set<binary>> sets,
  4: map<string, map<binary, binary>> nested,
  5: set<binary> defaults = ["x", "y"],
  6: map<binary, map<binary, list<binary>>> deep_values,
  7: set<map<string, binary>> hashed_values,
}

union BlobChoice {
  1: set<binary> blobs,
  2: map<binary, i32> counts,
  3: list<binary> chunks,
}

/** Enum values in containers: numbers the enum does not define are dropped on read. */
struct EnumContainers {
  1: list<value> list_of,
  2: set<value> set_of,
  3: map<value, string> by_key,
  4: map<string, value> by_value,
  5: map<value, value> both,
  6: map<string, list<value>> nested,
  7: map<value, list<value>> key_and_list,
}

/** Every scalar type, with defaults, alone and in containers. */
struct Scalars {
  1: uuid id,
  2: optional uuid maybe,
  3: list<uuid> ids,
  4: i8 tiny = -1,
  5: i16 small = 300,
  6: double ratio = 0.25,
  7: map<uuid, double> weights,
  8: set<bool> flags,
  9: optional binary blob = "blob",
  10: optional uuid fixed = "00112233-4455-6677-8899-aabbccddeeff",
  11: list<i8> bytes,
  12: map<i16, i64> shorts,
}

const uuid FIXED_ID = "00112233-4455-6677-8899-aabbccddeeff"
const value DEFAULT_VALUE = value.getValue
const list<value> VALUES = [value.value, 3]
const map<value, list<map<string, value>>> NESTED_MAP = {value.value: [{"a": value.findByValue}], 2: []}
const String STRING_CONST = {"value": "s"}
const string java_unicode = "café \\u0041 € 🌍 \\"
const i32 Object = 7
const set<binary> BLOB_SET = ["a", "b"]
const map<binary, list<binary>> BLOB_MAP = {"k": ["v"]}

service NoFunctions {}

service OneFunction {
  string only(1: string in),
}

/** Functions whose Java names collide with Object, the stub, or each other. */
service Names extends OneFunction {
  void toString(),
  i32 hashCode(1: i32 equals),
  void withOptions(1: string options),
  string foo(1: string client, 2: string r),
  string fooAsync(1: string options),
  void get_user(),
  void getUser(),
  void descriptor(),
  value kind(1: value value, 2: list<value> values) throws (1: Trouble t, 2: Plain p, 3: Trouble again),
  oneway void notify(1: i32 args),
}

service Names2 extends Names {
  void Stub(),
  void Iface(),
}

/** Enum arguments and results: numbers pass through the args/result wrappers and the raw methods. */
service Enums {
  value echo(1: value v),
  value pick(1: i32 n, 2: value fallback) throws (1: Plain p),
  void take(1: value v),
  oneway void fire(1: value v),
  list<value> many(1: list<value> vs),
  set<binary> distinct(1: list<binary> all),
  /** A function named like another one's raw method keeps its name; echo's becomes echoRaw_. */
  i32 echoRaw(1: i32 n),
}

service MoreEnums extends Enums {
  value again(1: value v),
}
