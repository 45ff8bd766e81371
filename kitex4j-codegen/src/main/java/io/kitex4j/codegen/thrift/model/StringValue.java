package io.kitex4j.codegen.thrift.model;

import java.util.Objects;

/**
 * A string literal, single- or double-quoted, with escapes ({@code \n \r \t \\ \" \'}) decoded.
 *
 * @param value the decoded text
 * @param location where the opening quote was written
 */
public record StringValue(String value, SourceLocation location) implements ConstValue {
  public StringValue {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(location, "location");
  }
}
