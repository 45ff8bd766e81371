package io.kitex4j.codegen.thrift.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code map<K,V>}.
 *
 * @param keyType the key type
 * @param valueType the value type
 * @param cppType the {@code cpp_type "..."} clause, if written
 * @param annotations annotations written after {@code >}
 * @param location where {@code map} was written
 */
public record MapType(
    IdlType keyType,
    IdlType valueType,
    Optional<String> cppType,
    Annotations annotations,
    SourceLocation location)
    implements IdlType {

  public MapType {
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(cppType, "cppType");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public String idlName() {
    return "map<" + keyType.idlName() + "," + valueType.idlName() + ">";
  }
}
