struct User {}
enum Role { ADMIN }
union User {}
