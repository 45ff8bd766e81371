const i32 LIMIT = MAX_LIMIT
const i32 MAX_LIMT = 10
