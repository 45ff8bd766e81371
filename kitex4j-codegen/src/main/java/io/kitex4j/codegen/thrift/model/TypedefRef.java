package io.kitex4j.codegen.thrift.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A use of a typedef, resolved to its {@link Typedef}. The alias is kept so that a generator can
 * choose to unwrap it ({@link #trueType()}) or to keep it (e.g. to emit a comment or a wrapper).
 */
public final class TypedefRef implements NamedTypeRef {

  private final String name;
  private final SourceLocation location;
  private final Lazy<Typedef> target;

  /**
   * Built by the loader; {@code target} is called once, after all definitions exist.
   *
   * @param name the name as written
   * @param location where the name was written
   * @param target supplies the definition
   */
  public TypedefRef(String name, SourceLocation location, Supplier<Typedef> target) {
    this.name = Objects.requireNonNull(name, "name");
    this.location = Objects.requireNonNull(location, "location");
    this.target = new Lazy<>(target);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Typedef definition() {
    return target.require(name);
  }

  /** The aliased type, one level down (may itself be a {@code TypedefRef}). */
  public IdlType target() {
    return definition().type();
  }

  /** The typedefs passed through until a non-typedef type, this one first. */
  public List<Typedef> chain() {
    List<Typedef> chain = new ArrayList<>();
    IdlType t = this;
    while (t instanceof TypedefRef ref) {
      chain.add(ref.definition());
      t = ref.target();
    }
    return List.copyOf(chain);
  }

  /** The first type in the chain that is not a typedef. */
  @Override
  public IdlType trueType() {
    IdlType t = this;
    while (t instanceof TypedefRef ref) {
      t = ref.target();
    }
    return t;
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
