# Every constant form Apache Thrift accepts. (This line is a shell-style comment.)
namespace java io.kitex4j.example.constants

include "base.thrift"

enum Level {
  LOW = -1,
  MEDIUM,        // 0
  HIGH = 10,
}

struct Limits {
  1: i32 min,
  2: i32 max,
  3: optional Level level,
}

union Choice {
  1: i32 number,
  2: string text,
}

const i8 TINY = -128
const i16 SHORT_MAX = 32767
const i32 HEX = 0x7FFFFFFF
const i32 NEG_HEX = -0x10
const i32 PLUS = +42
const i64 BIG = 9223372036854775807
const i64 SMALLEST = -9223372036854775808
const double PI = 3.14159
const double AVOGADRO = 6.022e23
const double NEG_EXP = -1.5E-3
const double HALF = .5
const double FROM_INT = 2
const bool YES = true
const bool NO = false
const bool ONE_IS_TRUE = 1
const string DQ = "double \"quoted\"\n\ttab"
const string SQ = 'single \'quoted\' with "double" inside'
const string BACKSLASH = "C:\\path\\file"
const binary BYTES = "raw bytes"
const uuid ID = "00112233-4455-6677-8899-aabbccddeeff"
const list<i32> PRIMES = [2, 3, 5, 7, 11]
const list<string> SEMICOLONS = ["a"; "b"; "c"]
const list<i32> NO_SEPARATORS = [1 2 3]
const set<string> TAGS = ["x", "y"]
const map<string, i32> AGES = {"alice": 30, "bob": 25,}
const map<i32, list<string>> NESTED = {1: ["a"], 2: ["b", "c"], 3: []}
const Level DEFAULT_LEVEL = Level.MEDIUM
const Level NUMERIC_LEVEL = 10
const i32 LEVEL_AS_INT = Level.HIGH
const i32 ALIAS = HEX
const Limits LIMITS = {"min": 1, "max": HEX, "level": Level.LOW}
const list<Limits> LIMIT_LIST = [LIMITS, {"min": 0, "max": 10}]
const Choice CHOICE = {"text": "hello"}
const map<Level, Limits> BY_LEVEL = {Level.LOW: {"min": 0, "max": 1}, Level.HIGH: LIMITS}
const i64 FROM_INCLUDE = base.DEFAULT_PAGE_SIZE
const base.ErrorCode CODE = base.ErrorCode.NOT_FOUND
const base.Timestamp EPOCH = 0
const list<i32> EMPTY_LIST = []
const map<string, string> EMPTY_MAP = {}
const set<i32> EMPTY_SET = {}
const base.Paging FIRST_PAGE = {"offset": 0, "limit": base.DEFAULT_PAGE_SIZE}
const string FORWARD = LATER          // constants may refer to constants declared later
const string LATER = "declared after its use"

struct Defaults {
  1: i32 a = ALIAS,
  2: Level level = Level.HIGH,
  3: list<Limits> limits = [LIMITS],
  4: string s = SQ,
  5: double d = 1,
  6: optional Limits l = {"min": 1},
  7: map<Level, list<i32>> by_level = {Level.LOW: [1, 2], Level.HIGH: PRIMES},
  8: optional bool flag = true,
  9: optional i64 big = BIG,
  10: optional base.ErrorCode code = base.ErrorCode.OK,
}
