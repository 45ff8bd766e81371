package io.kitex4j.codegen.thrift.model;

import java.util.Objects;

/**
 * {@code true} or {@code false}.
 *
 * @param value the value
 * @param location where it was written
 */
public record BoolValue(boolean value, SourceLocation location) implements ConstValue {
  public BoolValue {
    Objects.requireNonNull(location, "location");
  }
}
