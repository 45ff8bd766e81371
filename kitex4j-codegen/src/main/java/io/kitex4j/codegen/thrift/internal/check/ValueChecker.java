package io.kitex4j.codegen.thrift.internal.check;

import io.kitex4j.codegen.thrift.internal.DiagnosticSink;
import io.kitex4j.codegen.thrift.internal.Suggestions;
import io.kitex4j.codegen.thrift.internal.resolve.Poison;
import io.kitex4j.codegen.thrift.model.BaseType;
import io.kitex4j.codegen.thrift.model.BoolValue;
import io.kitex4j.codegen.thrift.model.Const;
import io.kitex4j.codegen.thrift.model.ConstValue;
import io.kitex4j.codegen.thrift.model.DoubleValue;
import io.kitex4j.codegen.thrift.model.EnumDef;
import io.kitex4j.codegen.thrift.model.EnumRef;
import io.kitex4j.codegen.thrift.model.EnumValue;
import io.kitex4j.codegen.thrift.model.Field;
import io.kitex4j.codegen.thrift.model.IdentifierRef;
import io.kitex4j.codegen.thrift.model.IdlType;
import io.kitex4j.codegen.thrift.model.IntValue;
import io.kitex4j.codegen.thrift.model.ListType;
import io.kitex4j.codegen.thrift.model.ListValue;
import io.kitex4j.codegen.thrift.model.MapType;
import io.kitex4j.codegen.thrift.model.MapValue;
import io.kitex4j.codegen.thrift.model.Referent;
import io.kitex4j.codegen.thrift.model.SetType;
import io.kitex4j.codegen.thrift.model.StringValue;
import io.kitex4j.codegen.thrift.model.StructDef;
import io.kitex4j.codegen.thrift.model.StructRef;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a constant value against the type it must have: a field default or a {@code const}.
 * Follows references to other constants (reporting at the reference, "through constant X"),
 * and accepts what Apache Thrift accepts: integers for doubles, 0 and 1 for bools, true/false
 * for integers, an empty <code>{}</code> or {@code []} for any container, integers that name a
 * value for enums.
 */
final class ValueChecker {

  private static final Pattern UUID = Pattern.compile(
      "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}?");

  private final DiagnosticSink sink;
  private final Poison poison;
  private final Set<Const> following = Collections.newSetFromMap(new IdentityHashMap<>());

  ValueChecker(DiagnosticSink sink, Poison poison) {
    this.sink = sink;
    this.poison = poison;
  }

  /** Where and how to report: what is being checked, and the reference being followed. */
  private record Context(String subject, IdentifierRef via) {
    Context through(IdentifierRef ref) {
      return via != null ? this : new Context(subject, ref);
    }
  }

  /** Checks {@code value} against {@code type}; {@code subject} names it ("constant 'X'"). */
  void check(ConstValue value, IdlType type, String subject) {
    check(value, type, new Context(subject, null));
  }

  private void check(ConstValue value, IdlType declared, Context cx) {
    IdlType type = declared.trueType();
    if (poison.contains(value) || poison.contains(type)) {
      return;
    }
    if (value instanceof IdentifierRef ref) {
      reference(ref, type, cx);
    } else if (type instanceof BaseType b) {
      base(value, b.kind(), cx);
    } else if (type instanceof EnumRef e) {
      enumValue(value, e.definition(), cx);
    } else if (type instanceof ListType l) {
      collection(value, l.elementType(), type, cx);
    } else if (type instanceof SetType s) {
      collection(value, s.elementType(), type, cx);
    } else if (type instanceof MapType m) {
      map(value, m, cx);
    } else if (type instanceof StructRef s) {
      struct(value, s.definition(), cx);
    }
  }

  private void reference(IdentifierRef ref, IdlType type, Context cx) {
    Referent target = ref.target();
    if (target instanceof Const c) {
      if (following.add(c)) {
        check(c.value(), type, cx.through(ref));
        following.remove(c);
      }
      return;
    }
    EnumValue v = (EnumValue) target;
    if (type instanceof EnumRef e) {
      if (e.definition() != v.enumDef()) {
        report(ref, cx, "expected " + expected(type) + " but found a value of enum '" + v.enumDef().name()
            + "' ('" + ref.name() + "')");
      }
    } else if (type instanceof BaseType b && (b.kind().isInteger() || b.kind() == BaseType.Kind.DOUBLE)) {
      if (b.kind().isInteger()) {
        range(ref, v.value(), b.kind(), cx);
      }
    } else {
      report(ref, cx, "expected " + expected(type) + " but found enum value '" + ref.name() + "'");
    }
  }

  private void base(ConstValue value, BaseType.Kind kind, Context cx) {
    boolean ok = switch (kind) {
      case BOOL -> value instanceof BoolValue
          || value instanceof IntValue i && (i.value() == 0 || i.value() == 1);
      case I8, I16, I32, I64 -> value instanceof IntValue || value instanceof BoolValue;
      case DOUBLE -> value instanceof IntValue || value instanceof DoubleValue;
      case STRING, BINARY -> value instanceof StringValue;
      case UUID -> value instanceof StringValue;
    };
    if (!ok) {
      report(value, cx, "expected " + kind.idlName() + " but found " + describe(value));
    } else if (kind.isInteger() && value instanceof IntValue i) {
      range(value, i.value(), kind, cx);
    } else if (kind == BaseType.Kind.UUID && !UUID.matcher(((StringValue) value).value()).matches()) {
      report(value, cx, "expected a uuid such as \"00112233-4455-6677-8899-aabbccddeeff\" but found "
          + describe(value));
    }
  }

  private void range(ConstValue at, long number, BaseType.Kind kind, Context cx) {
    if (number < kind.minValue() || number > kind.maxValue()) {
      report(at, cx, number + " is out of range for " + kind.idlName() + " (" + kind.minValue() + ".."
          + kind.maxValue() + ")");
    }
  }

  private void enumValue(ConstValue value, EnumDef def, Context cx) {
    if (value instanceof IntValue i) {
      boolean known = i.value() >= Integer.MIN_VALUE && i.value() <= Integer.MAX_VALUE
          && def.findByValue((int) i.value()).isPresent();
      if (!known) {
        report(value, cx, "enum '" + def.name() + "' has no value " + i.value());
      }
      return;
    }
    String hint = value instanceof StringValue s && def.findValue(s.value()).isPresent()
        ? " (write " + def.name() + "." + s.value() + " without quotes)"
        : "";
    report(value, cx, "expected a value of enum '" + def.name() + "' but found " + describe(value) + hint);
  }

  private void collection(ConstValue value, IdlType element, IdlType type, Context cx) {
    if (value instanceof ListValue list) {
      list.elements().forEach(e -> check(e, element, cx));
    } else if (!(value instanceof MapValue m && m.entries().isEmpty())) {
      report(value, cx, "expected " + type.idlName() + " but found " + describe(value));
    }
  }

  private void map(ConstValue value, MapType type, Context cx) {
    if (value instanceof MapValue map) {
      for (MapValue.Entry e : map.entries()) {
        check(e.key(), type.keyType(), cx);
        check(e.value(), type.valueType(), cx);
      }
    } else if (!(value instanceof ListValue l && l.elements().isEmpty())) {
      report(value, cx, "expected " + type.idlName() + " but found " + describe(value));
    }
  }

  private void struct(ConstValue value, StructDef def, Context cx) {
    if (!(value instanceof MapValue map)) {
      report(value, cx, "expected " + expected(def) + " but found " + describe(value));
      return;
    }
    for (MapValue.Entry e : map.entries()) {
      if (!(e.key() instanceof StringValue key)) {
        report(e.key(), cx, "expected a field name of " + def.kind().keyword() + " '" + def.name()
            + "' as a string but found " + describe(e.key()));
        continue;
      }
      Optional<Field> field = def.findField(key.value());
      if (field.isEmpty()) {
        report(key, cx, def.kind().keyword() + " '" + def.name() + "' has no field '" + key.value() + "'"
            + Suggestions.didYouMean(key.value(), def.fields().stream().map(Field::name).toList()));
      } else {
        check(e.value(), field.get().type(), cx);
      }
    }
  }

  private static String expected(IdlType type) {
    if (type instanceof EnumRef e) {
      return "a value of enum '" + e.definition().name() + "'";
    }
    if (type instanceof StructRef s) {
      return expected(s.definition());
    }
    return type.idlName();
  }

  private static String expected(StructDef def) {
    return def.kind().keyword() + " '" + def.name() + "' (a map of field names to values)";
  }

  static String describe(ConstValue value) {
    if (value instanceof IntValue i) {
      return Long.toString(i.value());
    }
    if (value instanceof DoubleValue d) {
      return Double.toString(d.value());
    }
    if (value instanceof StringValue s) {
      return "\"" + s.value().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
    if (value instanceof BoolValue b) {
      return Boolean.toString(b.value());
    }
    if (value instanceof ListValue) {
      return "a list";
    }
    if (value instanceof MapValue) {
      return "a map";
    }
    return "'" + ((IdentifierRef) value).name() + "'";
  }

  private void report(ConstValue at, Context cx, String message) {
    if (cx.via() != null) {
      sink.error(cx.via().location(), cx.subject() + ": " + message + " (through constant '"
          + cx.via().name() + "')");
    } else {
      sink.error(at.location(), cx.subject() + ": " + message);
    }
  }
}
