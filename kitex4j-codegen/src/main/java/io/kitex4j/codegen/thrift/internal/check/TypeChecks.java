package io.kitex4j.codegen.thrift.internal.check;

import io.kitex4j.codegen.thrift.internal.DiagnosticSink;
import io.kitex4j.codegen.thrift.internal.resolve.Poison;
import io.kitex4j.codegen.thrift.model.IdlType;
import io.kitex4j.codegen.thrift.model.ListType;
import io.kitex4j.codegen.thrift.model.MapType;
import io.kitex4j.codegen.thrift.model.SetType;
import io.kitex4j.codegen.thrift.model.StructRef;

/**
 * Warns about map key types that are not usable as keys everywhere: containers (Go cannot hash
 * slices or maps, Java keys must not be mutated) and structs (Kitex for Go keys them by pointer,
 * so equal structs do not match). Walks nested types, not into named definitions (each typedef
 * is checked where it is defined).
 */
final class TypeChecks {

  private final DiagnosticSink sink;
  private final Poison poison;

  TypeChecks(DiagnosticSink sink, Poison poison) {
    this.sink = sink;
    this.poison = poison;
  }

  void check(IdlType type) {
    if (type instanceof ListType l) {
      check(l.elementType());
    } else if (type instanceof SetType s) {
      check(s.elementType());
    } else if (type instanceof MapType m) {
      mapKey(m.keyType());
      check(m.keyType());
      check(m.valueType());
    }
  }

  private void mapKey(IdlType key) {
    IdlType t = key.trueType();
    if (poison.contains(t)) {
      return;
    }
    if (t.isContainer()) {
      sink.warn(key.location(), "map key type '" + key.idlName() + "' is a container, which not every "
          + "language can use as a key (Go cannot); prefer a base type, an enum or a string");
    } else if (t instanceof StructRef s) {
      sink.warn(key.location(), "map key type '" + key.idlName() + "' is "
          + (s.definition().isUnion() || s.definition().isException() ? "an " : "a ")
          + s.definition().kind().keyword() + ", which Kitex for Go keys by pointer so equal "
          + "values do not match; prefer a base type, an enum or a string");
    }
  }
}
