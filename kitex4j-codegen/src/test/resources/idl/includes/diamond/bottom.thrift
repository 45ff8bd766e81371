struct Bottom { 1: i32 x }
