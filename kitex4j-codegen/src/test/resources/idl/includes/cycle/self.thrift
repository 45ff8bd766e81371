include "self.thrift"
struct S {}
