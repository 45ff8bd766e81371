package io.kitex4j.codegen.thrift.internal.resolve;

import io.kitex4j.codegen.thrift.internal.DiagnosticSink;
import io.kitex4j.codegen.thrift.internal.Suggestions;
import io.kitex4j.codegen.thrift.internal.parser.Syntax;
import io.kitex4j.codegen.thrift.model.Const;
import io.kitex4j.codegen.thrift.model.Definition;
import io.kitex4j.codegen.thrift.model.EnumDef;
import io.kitex4j.codegen.thrift.model.EnumValue;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import io.kitex4j.codegen.thrift.model.Referent;
import io.kitex4j.codegen.thrift.model.ServiceDef;
import io.kitex4j.codegen.thrift.model.StructDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The names one file can use: its own definitions (types and services share one namespace,
 * constants have their own, as in Apache Thrift) and the definitions of the files it includes
 * directly, prefixed with the included file's name. Reports duplicate definitions.
 */
final class Scope {

  /** A resolved type or service name: either defined in this file or in an included one. */
  record TypeSymbol(Syntax.Definition local, Definition external) {
    String kind() {
      return local != null ? local.kindName() : kindOf(external);
    }
  }

  /**
   * A resolved constant name.
   *
   * @param target supplies the constant or enum value; null when the name is unresolved
   * @param error why it is unresolved; null when resolved or when the failure was already reported
   * @param localConst the name of the constant of this file it denotes, if any (for cycle checks)
   */
  record ConstSymbol(Supplier<Referent> target, String error, String localConst) {}

  private final Map<String, Syntax.Definition> localTypes = new LinkedHashMap<>();
  private final Map<String, Syntax.Const> localConsts = new LinkedHashMap<>();
  private final Map<String, IdlProgram> includes = new LinkedHashMap<>();
  private final Set<String> brokenIncludes = new HashSet<>();

  /** Built definitions of this file, filled by the resolver; suppliers read them later. */
  final Map<String, Definition> builtTypes = new HashMap<>();
  final Map<String, Const> builtConsts = new HashMap<>();

  Scope(SourceGraph.Source source, Map<Path, IdlProgram> programs, DiagnosticSink sink) {
    for (SourceGraph.ResolvedInclude include : source.includes()) {
      IdlProgram program = include.target().map(programs::get).orElse(null);
      if (program != null) {
        includes.putIfAbsent(program.name(), program);
      } else {
        String written = include.declaration().path();
        String fileName = written.substring(Math.max(written.lastIndexOf('/'), written.lastIndexOf('\\')) + 1);
        brokenIncludes.add(fileName.endsWith(".thrift") ? fileName.substring(0, fileName.length() - 7) : fileName);
      }
    }
    for (Syntax.Definition d : source.syntax().definitions()) {
      Syntax.Definition previous = d instanceof Syntax.Const c
          ? localConsts.putIfAbsent(c.name(), c)
          : localTypes.putIfAbsent(d.name(), d);
      if (previous != null) {
        sink.error(d.location(), "'" + d.name() + "' is already defined as " + article(previous.kindName())
            + " at line " + previous.location().line());
      }
    }
  }

  List<Syntax.Const> localConsts() {
    return List.copyOf(localConsts.values());
  }

  Optional<Syntax.Definition> localType(String name) {
    return Optional.ofNullable(localTypes.get(name));
  }

  /** A type or service by name as written. */
  Optional<TypeSymbol> findType(String name) {
    Syntax.Definition local = localTypes.get(name);
    if (local != null) {
      return Optional.of(new TypeSymbol(local, null));
    }
    return qualified(name).flatMap(q -> {
      IdlProgram program = includes.get(q.include);
      return program == null ? Optional.empty() : program.findType(q.rest).map(d -> new TypeSymbol(null, d));
    });
  }

  /** Whether the name's prefix is an include that failed (already reported). */
  boolean isBroken(String name) {
    return qualified(name).map(q -> brokenIncludes.contains(q.include)).orElse(false);
  }

  /**
   * Why a name used as a type ({@code services == false}) or after {@code extends}
   * ({@code services == true}) did not resolve.
   */
  String unknownType(String name, boolean services) {
    String what = services ? "service" : "type";
    if (findConst(name).target() != null) {
      return "'" + name + "' is a constant, not a " + what;
    }
    String suggestion = Suggestions.didYouMean(name, typeNames(services));
    int dot = name.lastIndexOf('.');
    if (dot > 0 && qualified(name).isEmpty()) {
      return "unknown " + what + " '" + name + "': no included file is named '" + name.substring(0, dot) + "'"
          + suggestion;
    }
    return "unknown " + what + " '" + name + "'" + suggestion;
  }

  /** A constant or enum value by name as written. */
  ConstSymbol findConst(String name) {
    if (localConsts.containsKey(name)) {
      return new ConstSymbol(() -> builtConsts.get(name), null, name);
    }
    int dot = name.lastIndexOf('.');
    if (dot > 0 && localTypes.get(name.substring(0, dot)) instanceof Syntax.Enum e) {
      String value = name.substring(dot + 1);
      boolean exists = e.values().stream().anyMatch(v -> v.name().equals(value));
      if (!exists) {
        return noSuchValue(e.name(), value, e.values().stream().map(Syntax.EnumValue::name).toList());
      }
      return new ConstSymbol(() -> ((EnumDef) builtTypes.get(e.name())).findValue(value).orElse(null), null, null);
    }
    Optional<Qualified> q = qualified(name);
    if (q.isPresent()) {
      IdlProgram program = includes.get(q.get().include);
      if (program == null) {
        return new ConstSymbol(null, null, null);
      }
      String rest = q.get().rest;
      Optional<Const> direct = program.findConst(rest);
      if (direct.isPresent()) {
        Referent c = direct.get();
        return new ConstSymbol(() -> c, null, null);
      }
      int restDot = rest.lastIndexOf('.');
      if (restDot > 0 && program.findType(rest.substring(0, restDot)).orElse(null) instanceof EnumDef e) {
        Optional<EnumValue> v = e.findValue(rest.substring(restDot + 1));
        if (v.isEmpty()) {
          return noSuchValue(q.get().include + "." + e.name(), rest.substring(restDot + 1),
              e.values().stream().map(EnumValue::name).toList());
        }
        Referent value = v.get();
        return new ConstSymbol(() -> value, null, null);
      }
    }
    Optional<TypeSymbol> type = findType(name);
    if (type.isPresent()) {
      return new ConstSymbol(null, "'" + name + "' is " + article(type.get().kind()) + ", not a constant", null);
    }
    return new ConstSymbol(null, "unknown constant '" + name + "'" + Suggestions.didYouMean(name, constNames()), null);
  }

  private static ConstSymbol noSuchValue(String enumName, String value, List<String> values) {
    return new ConstSymbol(null, "enum '" + enumName + "' has no value '" + value + "'"
        + Suggestions.didYouMean(value, values), null);
  }

  /** The names a type use (or, for {@code services}, an extends clause) could have meant. */
  private List<String> typeNames(boolean services) {
    List<String> names = new ArrayList<>();
    localTypes.forEach((n, d) -> {
      if ((d instanceof Syntax.Service) == services) {
        names.add(n);
      }
    });
    includes.forEach((inc, p) -> p.definitions().forEach(d -> {
      if (!(d instanceof Const) && (d instanceof ServiceDef) == services) {
        names.add(inc + "." + d.name());
      }
    }));
    return names;
  }

  private List<String> constNames() {
    List<String> names = new ArrayList<>(localConsts.keySet());
    localTypes.values().forEach(d -> {
      if (d instanceof Syntax.Enum e) {
        e.values().forEach(v -> names.add(e.name() + "." + v.name()));
      }
    });
    includes.forEach((inc, p) -> {
      p.consts().forEach(c -> names.add(inc + "." + c.name()));
      p.enums().forEach(e -> e.values().forEach(v -> names.add(inc + "." + e.name() + "." + v.name())));
    });
    return names;
  }

  private record Qualified(String include, String rest) {}

  /** Splits {@code inc.Rest} at the longest include name that prefixes it. */
  private Optional<Qualified> qualified(String name) {
    String best = null;
    for (String inc : allIncludeNames()) {
      if (name.startsWith(inc + ".") && (best == null || inc.length() > best.length())) {
        best = inc;
      }
    }
    return best == null ? Optional.empty() : Optional.of(new Qualified(best, name.substring(best.length() + 1)));
  }

  private Set<String> allIncludeNames() {
    Set<String> names = new HashSet<>(includes.keySet());
    names.addAll(brokenIncludes);
    return names;
  }

  static String kindOf(Definition d) {
    if (d instanceof StructDef s) {
      return s.kind().keyword();
    }
    if (d instanceof EnumDef) {
      return "enum";
    }
    if (d instanceof ServiceDef) {
      return "service";
    }
    if (d instanceof Const) {
      return "constant";
    }
    return "typedef";
  }

  static String article(String kind) {
    return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
  }
}
