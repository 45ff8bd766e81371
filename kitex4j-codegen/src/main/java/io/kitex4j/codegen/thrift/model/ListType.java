package io.kitex4j.codegen.thrift.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code list<T>}.
 *
 * @param elementType the element type
 * @param cppType the {@code cpp_type "..."} clause, if written
 * @param annotations annotations written after {@code >}
 * @param location where {@code list} was written
 */
public record ListType(
    IdlType elementType, Optional<String> cppType, Annotations annotations, SourceLocation location)
    implements IdlType {

  public ListType {
    Objects.requireNonNull(elementType, "elementType");
    Objects.requireNonNull(cppType, "cppType");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public String idlName() {
    return "list<" + elementType.idlName() + ">";
  }
}
