include "c.thrift"
struct B { 1: c.C c }
