package io.kitex4j.codegen.thrift.internal.resolve;

import io.kitex4j.codegen.thrift.internal.DiagnosticSink;
import io.kitex4j.codegen.thrift.internal.parser.Syntax;
import io.kitex4j.codegen.thrift.model.BaseType;
import io.kitex4j.codegen.thrift.model.BoolValue;
import io.kitex4j.codegen.thrift.model.Const;
import io.kitex4j.codegen.thrift.model.ConstValue;
import io.kitex4j.codegen.thrift.model.Definition;
import io.kitex4j.codegen.thrift.model.DoubleValue;
import io.kitex4j.codegen.thrift.model.EnumDef;
import io.kitex4j.codegen.thrift.model.EnumRef;
import io.kitex4j.codegen.thrift.model.EnumValue;
import io.kitex4j.codegen.thrift.model.Field;
import io.kitex4j.codegen.thrift.model.FunctionDef;
import io.kitex4j.codegen.thrift.model.IdentifierRef;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import io.kitex4j.codegen.thrift.model.IdlType;
import io.kitex4j.codegen.thrift.model.Include;
import io.kitex4j.codegen.thrift.model.IntValue;
import io.kitex4j.codegen.thrift.model.ListType;
import io.kitex4j.codegen.thrift.model.ListValue;
import io.kitex4j.codegen.thrift.model.MapType;
import io.kitex4j.codegen.thrift.model.MapValue;
import io.kitex4j.codegen.thrift.model.ServiceDef;
import io.kitex4j.codegen.thrift.model.SetType;
import io.kitex4j.codegen.thrift.model.StringValue;
import io.kitex4j.codegen.thrift.model.StructDef;
import io.kitex4j.codegen.thrift.model.StructRef;
import io.kitex4j.codegen.thrift.model.Typedef;
import io.kitex4j.codegen.thrift.model.TypedefRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds the model of one file from its syntax tree, given the already built programs of the
 * files it includes. Reports unknown names, names of the wrong kind, typedef cycles and constant
 * cycles; what cannot be resolved becomes {@link Poison}.
 */
public final class ProgramResolver {

  private final SourceGraph.Source source;
  private final Map<Path, IdlProgram> programs;
  private final DiagnosticSink sink;
  private final Poison poison;
  private final Scope scope;
  private final Set<String> cyclicTypedefs = new HashSet<>();
  private IdlProgram program;
  private final Supplier<IdlProgram> programLink = () -> program;

  private ProgramResolver(
      SourceGraph.Source source, Map<Path, IdlProgram> programs, DiagnosticSink sink, Poison poison) {
    this.source = source;
    this.programs = programs;
    this.sink = sink;
    this.poison = poison;
    this.scope = new Scope(source, programs, sink);
  }

  /** Builds the program of {@code source}; included programs must be in {@code programs}. */
  public static IdlProgram resolve(
      SourceGraph.Source source, Map<Path, IdlProgram> programs, DiagnosticSink sink, Poison poison) {
    return new ProgramResolver(source, programs, sink, poison).build();
  }

  private IdlProgram build() {
    Syntax.File file = source.syntax();
    cyclicTypedefs.addAll(Cycles.reportTypedefCycles(file, scope, sink));
    Cycles.reportConstCycles(scope, sink);
    List<Definition> definitions = new ArrayList<>();
    for (Syntax.Definition d : file.definitions()) {
      Definition built = definition(d);
      definitions.add(built);
      if (built instanceof Const c) {
        scope.builtConsts.putIfAbsent(c.name(), c);
      } else {
        scope.builtTypes.putIfAbsent(built.name(), built);
      }
    }
    List<Include> includes = new ArrayList<>();
    for (SourceGraph.ResolvedInclude include : source.includes()) {
      include.target().map(programs::get).ifPresent(p -> includes.add(
          new Include(include.declaration().path(), p, include.declaration().location())));
    }
    program = new IdlProgram(source.path(), file.doc(), file.namespaces(), includes, file.cppIncludes(),
        definitions);
    return program;
  }

  // ------------------------------------------------------------------ definitions

  private Definition definition(Syntax.Definition d) {
    if (d instanceof Syntax.Const c) {
      return new Const(c.name(), type(c.type()), value(c.value()), c.doc(), c.location(), programLink);
    }
    if (d instanceof Syntax.Typedef t) {
      IdlType target = cyclicTypedefs.contains(t.name()) ? poison.type(t.type().location()) : type(t.type());
      return new Typedef(t.name(), target, t.doc(), t.annotations(), t.location(), programLink);
    }
    if (d instanceof Syntax.Enum e) {
      return enumDef(e);
    }
    if (d instanceof Syntax.Struct s) {
      return new StructDef(s.kind(), s.name(), fields(s.fields()), s.doc(), s.annotations(), s.location(),
          programLink);
    }
    Syntax.Service s = (Syntax.Service) d;
    List<FunctionDef> functions = new ArrayList<>();
    for (Syntax.Function f : s.functions()) {
      functions.add(new FunctionDef(f.name(), f.oneway(), f.returnType().map(this::type), fields(f.arguments()),
          fields(f.exceptions()), f.annotations(), f.doc(), f.location()));
    }
    return new ServiceDef(s.name(), s.extendsName().map(Syntax.Name::text), extendsLink(s), functions, s.doc(),
        s.annotations(), s.location(), programLink);
  }

  private EnumDef enumDef(Syntax.Enum e) {
    EnumDef[] self = new EnumDef[1];
    List<EnumValue> values = new ArrayList<>();
    for (Syntax.EnumValue v : e.values()) {
      values.add(new EnumValue(v.name(), v.value(), v.explicit(), v.annotations(), v.doc(), v.location(),
          () -> self[0]));
    }
    self[0] = new EnumDef(e.name(), values, e.doc(), e.annotations(), e.location(), programLink);
    return self[0];
  }

  private List<Field> fields(List<Syntax.Field> fields) {
    List<Field> built = new ArrayList<>();
    for (Syntax.Field f : fields) {
      built.add(new Field(f.id(), f.implicitId(), f.name(), f.requiredness(), type(f.type()),
          f.defaultValue().map(this::value), f.reference(), f.annotations(), f.doc(), f.location()));
    }
    return built;
  }

  private Supplier<ServiceDef> extendsLink(Syntax.Service s) {
    if (s.extendsName().isEmpty()) {
      return () -> null;
    }
    Syntax.Name base = s.extendsName().get();
    Optional<Scope.TypeSymbol> symbol = scope.findType(base.text());
    if (symbol.isEmpty()) {
      if (!scope.isBroken(base.text())) {
        sink.error(base.location(), scope.unknownType(base.text(), true));
      }
      return () -> null;
    }
    Scope.TypeSymbol found = symbol.get();
    if (!found.kind().equals("service")) {
      sink.error(base.location(), "service '" + s.name() + "' cannot extend '" + base.text() + "': it is "
          + Scope.article(found.kind()) + ", not a service");
      return () -> null;
    }
    if (found.external() != null) {
      ServiceDef external = (ServiceDef) found.external();
      return () -> external;
    }
    return () -> (ServiceDef) scope.builtTypes.get(base.text());
  }

  // ------------------------------------------------------------------ types

  private IdlType type(Syntax.Type t) {
    if (t instanceof Syntax.Base b) {
      return new BaseType(b.kind(), b.annotations(), b.location());
    }
    if (t instanceof Syntax.ListOf l) {
      return new ListType(type(l.element()), l.cppType(), l.annotations(), l.location());
    }
    if (t instanceof Syntax.SetOf s) {
      return new SetType(type(s.element()), s.cppType(), s.annotations(), s.location());
    }
    if (t instanceof Syntax.MapOf m) {
      return new MapType(type(m.key()), type(m.value()), m.cppType(), m.annotations(), m.location());
    }
    return named((Syntax.Named) t);
  }

  private IdlType named(Syntax.Named n) {
    String name = n.name();
    Optional<Scope.TypeSymbol> symbol = scope.findType(name);
    if (symbol.isEmpty()) {
      if (!scope.isBroken(name)) {
        sink.error(n.location(), scope.unknownType(name, false));
      }
      return poison.type(n.location());
    }
    Scope.TypeSymbol found = symbol.get();
    if (found.kind().equals("service")) {
      sink.error(n.location(), "'" + name + "' is a service, not a type");
      return poison.type(n.location());
    }
    Definition external = found.external();
    Supplier<Definition> target = external != null ? () -> external : () -> scope.builtTypes.get(found.local().name());
    return switch (found.kind()) {
      case "typedef" -> new TypedefRef(name, n.location(), () -> (Typedef) target.get());
      case "enum" -> new EnumRef(name, n.location(), () -> (EnumDef) target.get());
      default -> new StructRef(name, n.location(), () -> (StructDef) target.get());
    };
  }

  // ------------------------------------------------------------------ values

  private ConstValue value(Syntax.Value v) {
    if (v instanceof Syntax.IntLit i) {
      return new IntValue(i.value(), i.location());
    }
    if (v instanceof Syntax.DoubleLit d) {
      return new DoubleValue(d.value(), d.location());
    }
    if (v instanceof Syntax.StringLit s) {
      return new StringValue(s.value(), s.location());
    }
    if (v instanceof Syntax.BoolLit b) {
      return new BoolValue(b.value(), b.location());
    }
    if (v instanceof Syntax.ListLit l) {
      return new ListValue(l.elements().stream().map(this::value).toList(), l.location());
    }
    if (v instanceof Syntax.MapLit m) {
      List<MapValue.Entry> entries = new ArrayList<>();
      m.entries().forEach(e -> entries.add(new MapValue.Entry(value(e.key()), value(e.value()))));
      return new MapValue(entries, m.location());
    }
    Syntax.Ident id = (Syntax.Ident) v;
    Scope.ConstSymbol symbol = scope.findConst(id.name());
    if (symbol.target() == null) {
      if (symbol.error() != null) {
        sink.error(id.location(), symbol.error());
      }
      return poison.identifier(id.name(), id.location());
    }
    return new IdentifierRef(id.name(), id.location(), symbol.target());
  }
}
