package io.kitex4j.codegen.thrift.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A name used as a value, resolved to what it denotes: another constant ({@code MAX},
 * {@code shared.MAX}) or an enum value ({@code Color.RED}, {@code shared.Color.RED}).
 */
public final class IdentifierRef implements ConstValue {

  private final String name;
  private final SourceLocation location;
  private final Lazy<Referent> target;

  /**
   * Built by the loader; {@code target} is called once, after all definitions exist.
   *
   * @param name the name as written
   * @param location where it was written
   * @param target supplies the constant or enum value
   */
  public IdentifierRef(String name, SourceLocation location, Supplier<Referent> target) {
    this.name = Objects.requireNonNull(name, "name");
    this.location = Objects.requireNonNull(location, "location");
    this.target = new Lazy<>(target);
  }

  /** The name as written. */
  public String name() {
    return name;
  }

  /** The constant or enum value this name denotes. */
  public Referent target() {
    return target.require(name);
  }

  /** The constant, if this names one. */
  public Optional<Const> constant() {
    return target() instanceof Const c ? Optional.of(c) : Optional.empty();
  }

  /** The enum value, if this names one. */
  public Optional<EnumValue> enumValue() {
    return target() instanceof EnumValue v ? Optional.of(v) : Optional.empty();
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
