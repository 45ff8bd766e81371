include "./bottom.thrift"
struct Right { 1: bottom.Bottom bottom }
