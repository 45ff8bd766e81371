package io.kitex4j.codegen.thrift.internal.check;

import io.kitex4j.codegen.thrift.internal.DiagnosticSink;
import io.kitex4j.codegen.thrift.internal.resolve.Poison;
import io.kitex4j.codegen.thrift.model.Const;
import io.kitex4j.codegen.thrift.model.Definition;
import io.kitex4j.codegen.thrift.model.EnumDef;
import io.kitex4j.codegen.thrift.model.EnumValue;
import io.kitex4j.codegen.thrift.model.Field;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import io.kitex4j.codegen.thrift.model.Requiredness;
import io.kitex4j.codegen.thrift.model.ServiceDef;
import io.kitex4j.codegen.thrift.model.StructDef;
import io.kitex4j.codegen.thrift.model.Typedef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks that need resolved names, run over the model of every loaded program: fields
 * (duplicate ids and names, defaults, required union fields), enums (duplicate names and
 * numbers), constants, services ({@link ServiceChecks}) and map key types ({@link TypeChecks}).
 */
public final class SemanticChecker {

  private final DiagnosticSink sink;
  private final Poison poison;
  private final ValueChecker values;
  private final TypeChecks types;

  private SemanticChecker(DiagnosticSink sink, Poison poison) {
    this.sink = sink;
    this.poison = poison;
    this.values = new ValueChecker(sink, poison);
    this.types = new TypeChecks(sink, poison);
  }

  /** Checks every program, reporting to {@code sink}. */
  public static void check(List<IdlProgram> programs, DiagnosticSink sink, Poison poison) {
    SemanticChecker checker = new SemanticChecker(sink, poison);
    programs.forEach(checker::program);
  }

  private void program(IdlProgram program) {
    ServiceChecks services = new ServiceChecks(sink, poison, this);
    for (Definition d : program.definitions()) {
      if (d instanceof StructDef s) {
        fields(s.fields(), s.kind().keyword() + " '" + s.name() + "'");
        if (s.isUnion()) {
          s.fields().stream().filter(f -> f.requiredness() == Requiredness.REQUIRED).forEach(f ->
              sink.warn(f.location(), "field '" + f.name() + "' of union '" + s.name()
                  + "' is required, but a union sets exactly one field; make it optional"));
        }
      } else if (d instanceof EnumDef e) {
        enumValues(e);
      } else if (d instanceof Const c) {
        types.check(c.type());
        values.check(c.value(), c.type(), "constant '" + c.name() + "'");
      } else if (d instanceof Typedef t) {
        types.check(t.type());
      } else {
        services.check((ServiceDef) d);
      }
    }
  }

  /** Checks a field list: struct fields, function arguments or a throws list. */
  void fields(List<Field> fields, String owner) {
    Map<Integer, Field> byId = new HashMap<>();
    Map<String, Field> byName = new HashMap<>();
    for (Field f : fields) {
      Field sameId = byId.putIfAbsent(f.id(), f);
      if (sameId != null && !f.implicitId()) {
        sink.error(f.location(), "duplicate field id " + f.id() + " in " + owner + ": already used by '"
            + sameId.name() + "' at line " + sameId.location().line());
      }
      Field sameName = byName.putIfAbsent(f.name(), f);
      if (sameName != null) {
        sink.error(f.location(), "duplicate field name '" + f.name() + "' in " + owner
            + ": already declared at line " + sameName.location().line());
      }
      types.check(f.type());
      f.defaultValue().ifPresent(v -> values.check(v, f.type(), "default value of field '" + f.name() + "'"));
    }
  }

  private void enumValues(EnumDef e) {
    Map<String, EnumValue> byName = new HashMap<>();
    Map<Integer, EnumValue> byNumber = new HashMap<>();
    for (EnumValue v : e.values()) {
      EnumValue sameName = byName.putIfAbsent(v.name(), v);
      if (sameName != null) {
        sink.error(v.location(), "duplicate value name '" + v.name() + "' in enum '" + e.name()
            + "': already declared at line " + sameName.location().line());
        continue;
      }
      EnumValue sameNumber = byNumber.putIfAbsent(v.value(), v);
      if (sameNumber != null) {
        sink.warn(v.location(), "'" + v.name() + "' has the same number " + v.value() + " as '"
            + sameNumber.name() + "' (line " + sameNumber.location().line() + ") in enum '" + e.name()
            + "'; reading " + v.value() + " yields '" + sameNumber.name() + "'");
      }
    }
  }

  TypeChecks types() {
    return types;
  }
}
