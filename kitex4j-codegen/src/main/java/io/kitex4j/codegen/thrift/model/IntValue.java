package io.kitex4j.codegen.thrift.model;

import java.util.Objects;

/**
 * An integer literal: decimal or hex ({@code 0x1F}), with an optional sign.
 *
 * @param value the value
 * @param location where it was written
 */
public record IntValue(long value, SourceLocation location) implements ConstValue {
  public IntValue {
    Objects.requireNonNull(location, "location");
  }
}
