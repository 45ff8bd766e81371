namespace java com.example

strcut User {
  1: i64 id
}
