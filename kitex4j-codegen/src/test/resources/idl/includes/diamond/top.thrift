include "left.thrift"
include "right.thrift"
struct Top {
  1: left.Left left
  2: right.Right right
}
