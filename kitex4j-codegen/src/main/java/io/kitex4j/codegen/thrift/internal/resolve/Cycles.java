package io.kitex4j.codegen.thrift.internal.resolve;

import io.kitex4j.codegen.thrift.internal.DiagnosticSink;
import io.kitex4j.codegen.thrift.internal.parser.Syntax;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds and reports reference cycles among the typedefs and among the constants of one file
 * (cycles across files are impossible: includes form no cycle). Depth-first search; every cycle
 * of the graph contains at least one node of a reported cycle, so cutting the reported nodes
 * removes all cycles.
 */
final class Cycles {

  private Cycles() {}

  /** Reports typedefs that refer to themselves, directly or through containers; returns their names. */
  static Set<String> reportTypedefCycles(Syntax.File file, Scope scope, DiagnosticSink sink) {
    List<String> names = file.definitions().stream()
        .filter(d -> d instanceof Syntax.Typedef && scope.localType(d.name()).orElse(null) == d)
        .map(Syntax.Definition::name)
        .toList();
    Set<String> cyclic = new HashSet<>();
    for (List<String> cycle : find(names, name ->
        namesIn(((Syntax.Typedef) scope.localType(name).orElseThrow()).type(), new ArrayList<>()))) {
      Syntax.Definition first = scope.localType(cycle.get(0)).orElseThrow();
      sink.error(first.location(), cycle.size() == 2
          ? "typedef '" + cycle.get(0) + "' refers to itself"
          : "typedef cycle: " + String.join(" -> ", cycle));
      cyclic.addAll(cycle);
    }
    return cyclic;
  }

  /** Reports constants whose values refer back to themselves. */
  static void reportConstCycles(Scope scope, DiagnosticSink sink) {
    List<Syntax.Const> consts = scope.localConsts();
    List<String> names = consts.stream().map(Syntax.Const::name).toList();
    for (List<String> cycle : find(names, name ->
        constsIn(consts.get(names.indexOf(name)).value(), scope, new ArrayList<>()))) {
      Syntax.Const first = consts.get(names.indexOf(cycle.get(0)));
      sink.error(first.location(), cycle.size() == 2
          ? "constant '" + cycle.get(0) + "' refers to itself"
          : "constant cycle: " + String.join(" -> ", cycle));
    }
  }

  private static List<String> namesIn(Syntax.Type t, List<String> out) {
    if (t instanceof Syntax.Named n) {
      out.add(n.name());
    } else if (t instanceof Syntax.ListOf l) {
      namesIn(l.element(), out);
    } else if (t instanceof Syntax.SetOf s) {
      namesIn(s.element(), out);
    } else if (t instanceof Syntax.MapOf m) {
      namesIn(m.key(), out);
      namesIn(m.value(), out);
    }
    return out;
  }

  private static List<String> constsIn(Syntax.Value v, Scope scope, List<String> out) {
    if (v instanceof Syntax.Ident id) {
      String local = scope.findConst(id.name()).localConst();
      if (local != null) {
        out.add(local);
      }
    } else if (v instanceof Syntax.ListLit l) {
      l.elements().forEach(e -> constsIn(e, scope, out));
    } else if (v instanceof Syntax.MapLit m) {
      m.entries().forEach(e -> {
        constsIn(e.key(), scope, out);
        constsIn(e.value(), scope, out);
      });
    }
    return out;
  }

  /**
   * The cycles found, each as the names along it with the first repeated at the end
   * ({@code [A, B, A]}, or {@code [A, A]} for a self-reference).
   *
   * @param nodes the node names in declaration order
   * @param edges the names a node refers to (names outside {@code nodes} are ignored)
   */
  static List<List<String>> find(List<String> nodes, Function<String, List<String>> edges) {
    Map<String, Integer> state = new HashMap<>(); // absent: new, 1: on the path, 2: done
    List<List<String>> cycles = new ArrayList<>();
    for (String node : nodes) {
      if (!state.containsKey(node)) {
        visit(node, nodes, edges, state, new ArrayList<>(), cycles);
      }
    }
    return cycles;
  }

  private static void visit(String node, List<String> nodes, Function<String, List<String>> edges,
      Map<String, Integer> state, List<String> path, List<List<String>> cycles) {
    state.put(node, 1);
    path.add(node);
    for (String next : edges.apply(node)) {
      if (!nodes.contains(next)) {
        continue;
      }
      Integer s = state.get(next);
      if (s == null) {
        visit(next, nodes, edges, state, path, cycles);
      } else if (s == 1) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
        cycle.add(next);
        cycles.add(List.copyOf(cycle));
      }
    }
    path.remove(path.size() - 1);
    state.put(node, 2);
  }
}
