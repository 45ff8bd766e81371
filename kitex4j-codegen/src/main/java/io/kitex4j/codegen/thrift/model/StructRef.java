package io.kitex4j.codegen.thrift.model;

import java.util.Objects;
import java.util.function.Supplier;

/** A use of a struct, union or exception, resolved to its {@link StructDef}. */
public final class StructRef implements NamedTypeRef {

  private final String name;
  private final SourceLocation location;
  private final Lazy<StructDef> target;

  /**
   * Built by the loader; {@code target} is called once, after all definitions exist.
   *
   * @param name the name as written
   * @param location where the name was written
   * @param target supplies the definition
   */
  public StructRef(String name, SourceLocation location, Supplier<StructDef> target) {
    this.name = Objects.requireNonNull(name, "name");
    this.location = Objects.requireNonNull(location, "location");
    this.target = new Lazy<>(target);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public StructDef definition() {
    return target.require(name);
  }

  @Override
  public SourceLocation location() {
    return location;
  }

  @Override
  public String toString() {
    return name;
  }
}
