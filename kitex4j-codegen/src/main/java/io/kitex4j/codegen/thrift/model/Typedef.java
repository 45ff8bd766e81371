package io.kitex4j.codegen.thrift.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code typedef Type Name}: an alias. Uses of it are {@link TypedefRef}s. */
public final class Typedef extends DefinitionBase implements Definition {

  private final IdlType type;

  /** Built by the loader. */
  public Typedef(
      String name,
      IdlType type,
      Optional<String> doc,
      Annotations annotations,
      SourceLocation location,
      Supplier<IdlProgram> program) {
    super(name, doc, annotations, location, program);
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The aliased type as written (may be another typedef). */
  public IdlType type() {
    return type;
  }

  /** The aliased type with all typedefs unwrapped. */
  public IdlType trueType() {
    return type.trueType();
  }
}
