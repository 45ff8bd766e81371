package io.kitex4j.codegen.thrift.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** One value of an {@link EnumDef}. */
public final class EnumValue implements Referent {

  private final String name;
  private final int value;
  private final boolean explicit;
  private final Annotations annotations;
  private final Optional<String> doc;
  private final SourceLocation location;
  private final Lazy<EnumDef> enumDef;

  /**
   * Built by the loader.
   *
   * @param name the value's name
   * @param value its number: as written, or the previous value plus one (the first implicit one is 0)
   * @param explicit whether the number was written
   * @param annotations annotations written after the value
   * @param doc its doc comment
   * @param location where the name was written
   * @param enumDef supplies the enum this value belongs to
   */
  public EnumValue(
      String name,
      int value,
      boolean explicit,
      Annotations annotations,
      Optional<String> doc,
      SourceLocation location,
      Supplier<EnumDef> enumDef) {
    this.name = Objects.requireNonNull(name, "name");
    this.value = value;
    this.explicit = explicit;
    this.annotations = Objects.requireNonNull(annotations, "annotations");
    this.doc = Objects.requireNonNull(doc, "doc");
    this.location = Objects.requireNonNull(location, "location");
    this.enumDef = new Lazy<>(enumDef);
  }

  @Override
  public String name() {
    return name;
  }

  /** The numeric value (what goes on the wire). */
  public int value() {
    return value;
  }

  /** Whether the number was written ({@code A = 3}) rather than implied ({@code A}). */
  public boolean isExplicit() {
    return explicit;
  }

  public Annotations annotations() {
    return annotations;
  }

  public Optional<String> doc() {
    return doc;
  }

  @Override
  public SourceLocation location() {
    return location;
  }

  /** The enum this value belongs to. */
  public EnumDef enumDef() {
    return enumDef.require("enum of " + name);
  }

  @Override
  public String toString() {
    return name + " = " + value;
  }
}
