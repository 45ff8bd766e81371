service S {
  oneway i32 fire(1: i32 x)
}
