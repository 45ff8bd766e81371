include "bottom.thrift"
include "../diamond/bottom.thrift"
struct Twice { 1: bottom.Bottom b }
