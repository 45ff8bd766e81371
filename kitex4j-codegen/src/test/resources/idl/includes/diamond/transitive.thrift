include "left.thrift"
struct Transitive {
  1: bottom.Bottom b
}
