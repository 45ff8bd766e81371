package io.kitex4j.codegen.thrift.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code set<T>}.
 *
 * @param elementType the element type
 * @param cppType the {@code cpp_type "..."} clause, if written
 * @param annotations annotations written after {@code >}
 * @param location where {@code set} was written
 */
public record SetType(
    IdlType elementType, Optional<String> cppType, Annotations annotations, SourceLocation location)
    implements IdlType {

  public SetType {
    Objects.requireNonNull(elementType, "elementType");
    Objects.requireNonNull(cppType, "cppType");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public String idlName() {
    return "set<" + elementType.idlName() + ">";
  }
}
