package io.kitex4j.codegen.thrift.model;

import java.util.List;
import java.util.Objects;

/**
 * {@code [a, b, c]}: the value of a list or set constant.
 *
 * @param elements the elements in order
 * @param location where {@code [} was written
 */
public record ListValue(List<ConstValue> elements, SourceLocation location) implements ConstValue {
  public ListValue {
    elements = List.copyOf(elements);
    Objects.requireNonNull(location, "location");
  }
}
