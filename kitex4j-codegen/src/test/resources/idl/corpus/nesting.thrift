namespace java io.kitex4j.example.nesting

struct Leaf {
  1: string name,
}

struct Deep {
  1: map<string, list<map<i32, set<Leaf>>>> tree,
  2: list<list<list<list<i64>>>> cube,
  3: map<string, map<string, map<string, Leaf>>> three_levels,
  4: set<list<map<string, binary>>> mixed,
  5: list<map<i32, list<set<Leaf>>>> alternating,
}

/** A struct that refers to itself. */
struct TreeNode {
  1: string value,
  2: list<TreeNode> children,
  3: optional TreeNode parent,
  4: optional map<string, TreeNode> by_name,
}

/** Person and Company refer to each other. */
struct Person {
  1: string name,
  2: optional Company employer,
}

struct Company {
  1: string name,
  2: list<Person> employees,
  3: optional Person ceo,
}

/** A union that is recursive through a struct. */
union Expr {
  1: i64 literal,
  2: BinaryOp binary,
  3: list<Expr> sequence,
}

struct BinaryOp {
  1: string op,
  2: Expr left,
  3: Expr right,
}

typedef list<TreeNode> Forest
typedef map<string, Forest> ForestByName
typedef ForestByName Woods

struct Park {
  1: Woods woods,
  2: list<Woods> many_woods,
}

service NestingService {
  map<string, list<map<i32, set<Leaf>>>> echo(1: map<string, list<map<i32, set<Leaf>>>> value),
  Woods plant(1: Forest forest),
}
