const i32 LIMIT = LIMIT
