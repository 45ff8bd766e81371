package io.kitex4j.codegen.thrift.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A field of a struct, union or exception, an argument of a function or an entry of its
 * {@code throws} list.
 *
 * @param id the field id; when none was written, an implicit negative id (-1, -2, ... in
 *     declaration order within the list), as Apache Thrift assigns
 * @param implicitId whether {@code id} was implied rather than written
 * @param name the field name (may be a Java keyword, or a Thrift keyword such as {@code type})
 * @param requiredness the requiredness keyword
 * @param type the declared type
 * @param defaultValue the value after {@code =}, if written
 * @param reference whether the field was marked {@code &} (C++ reference; ignored by most
 *     generators)
 * @param annotations annotations written after the field
 * @param doc the field's doc comment
 * @param location where the field starts (its id, or its first token when no id was written)
 */
public record Field(
    int id,
    boolean implicitId,
    String name,
    Requiredness requiredness,
    IdlType type,
    Optional<ConstValue> defaultValue,
    boolean reference,
    Annotations annotations,
    Optional<String> doc,
    SourceLocation location)
    implements IdlNode {

  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(requiredness, "requiredness");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(location, "location");
  }

  /** Whether the field is {@code required}. */
  public boolean isRequired() {
    return requiredness == Requiredness.REQUIRED;
  }

  /** Whether the field is {@code optional}. */
  public boolean isOptional() {
    return requiredness == Requiredness.OPTIONAL;
  }
}
