package io.kitex4j.codegen.thrift.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service function.
 *
 * @param name the function name
 * @param oneway whether declared {@code oneway} (or the deprecated {@code async}); a valid oneway
 *     function returns void and throws nothing
 * @param returnType the return type; empty for {@code void}
 * @param arguments the arguments, as fields (Apache names the implied struct {@code name_args})
 * @param exceptions the {@code throws} list, as fields whose types are exceptions
 * @param annotations annotations written after the function
 * @param doc the function's doc comment
 * @param location where the function name was written
 */
public record FunctionDef(
    String name,
    boolean oneway,
    Optional<IdlType> returnType,
    List<Field> arguments,
    List<Field> exceptions,
    Annotations annotations,
    Optional<String> doc,
    SourceLocation location)
    implements IdlNode {

  public FunctionDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(returnType, "returnType");
    arguments = List.copyOf(arguments);
    exceptions = List.copyOf(exceptions);
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(location, "location");
  }

  /** Whether the function returns {@code void}. */
  public boolean isVoid() {
    return returnType.isEmpty();
  }
}
