const i32 LIMIT =
