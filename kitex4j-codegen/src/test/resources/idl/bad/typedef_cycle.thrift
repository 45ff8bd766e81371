typedef Alias Other
typedef Other Alias
