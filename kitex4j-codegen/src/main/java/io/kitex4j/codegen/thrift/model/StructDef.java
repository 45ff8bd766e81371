package io.kitex4j.codegen.thrift.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code struct}, {@code union} or {@code exception}, told apart by {@link #kind()}. */
public final class StructDef extends DefinitionBase implements Definition {

  private final StructKind kind;
  private final List<Field> fields;

  /** Built by the loader. */
  public StructDef(
      StructKind kind,
      String name,
      List<Field> fields,
      Optional<String> doc,
      Annotations annotations,
      SourceLocation location,
      Supplier<IdlProgram> program) {
    super(name, doc, annotations, location, program);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.fields = List.copyOf(fields);
  }

  /** struct, union or exception. */
  public StructKind kind() {
    return kind;
  }

  /** Whether this is a {@code union}. */
  public boolean isUnion() {
    return kind == StructKind.UNION;
  }

  /** Whether this is an {@code exception}. */
  public boolean isException() {
    return kind == StructKind.EXCEPTION;
  }

  /** The fields in declaration order (not sorted by id). */
  public List<Field> fields() {
    return fields;
  }

  /** The field with this id. */
  public Optional<Field> findField(int id) {
    return fields.stream().filter(f -> f.id() == id).findFirst();
  }

  /** The field with this name. */
  public Optional<Field> findField(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
