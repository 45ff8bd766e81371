package io.kitex4j.codegen.thrift.model;

import java.util.Objects;

/**
 * {@code include "path"}, resolved to the included program.
 *
 * @param path the path as written
 * @param program the included program; its {@link IdlProgram#name() name} is the prefix under
 *     which the including file refers to its definitions
 * @param location where {@code include} was written
 */
public record Include(String path, IdlProgram program, SourceLocation location) implements IdlNode {
  public Include {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(location, "location");
  }
}
