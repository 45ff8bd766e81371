const i32 LIMIT = 1
const i32 LIMIT = 2
