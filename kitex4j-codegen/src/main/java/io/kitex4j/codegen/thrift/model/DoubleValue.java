package io.kitex4j.codegen.thrift.model;

import java.util.Objects;

/**
 * A floating-point literal ({@code 1.5}, {@code -2e10}, {@code .5}).
 *
 * @param value the value
 * @param location where it was written
 */
public record DoubleValue(double value, SourceLocation location) implements ConstValue {
  public DoubleValue {
    Objects.requireNonNull(location, "location");
  }
}
