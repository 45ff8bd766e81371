// closes the cycle
include "a.thrift"
struct C { 1: i32 x }
