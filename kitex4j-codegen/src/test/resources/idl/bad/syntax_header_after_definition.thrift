struct User {}
namespace java com.example
