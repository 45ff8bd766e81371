include "bottom.thrift"
struct Left { 1: bottom.Bottom bottom }
