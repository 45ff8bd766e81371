package io.kitex4j.codegen.thrift.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code const Type NAME = value}. Constants carry no annotations in the IDL grammar. */
public final class Const extends DefinitionBase implements Definition, Referent {

  private final IdlType type;
  private final ConstValue value;

  /** Built by the loader. */
  public Const(
      String name,
      IdlType type,
      ConstValue value,
      Optional<String> doc,
      SourceLocation location,
      Supplier<IdlProgram> program) {
    super(name, doc, Annotations.EMPTY, location, program);
    this.type = Objects.requireNonNull(type, "type");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The declared type. */
  public IdlType type() {
    return type;
  }

  /** The value as written (may reference other constants; see {@link ConstValue#resolved()}). */
  public ConstValue value() {
    return value;
  }
}
