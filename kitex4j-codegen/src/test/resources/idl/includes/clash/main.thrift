include "a/common.thrift"
include "b/common.thrift"
struct Clash {}
