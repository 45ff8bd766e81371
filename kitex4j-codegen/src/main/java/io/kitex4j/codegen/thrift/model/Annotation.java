package io.kitex4j.codegen.thrift.model;

import java.util.Objects;

/**
 * One annotation {@code key = "value"}. An annotation written without a value ({@code (key)})
 * has the value {@code "1"}, as in Apache Thrift.
 *
 * @param key the key as written, possibly dotted ({@code java.final})
 * @param value the decoded string value
 * @param location where the key was written
 */
public record Annotation(String key, String value, SourceLocation location) implements IdlNode {

  /** The value an annotation without {@code = "..."} gets. */
  public static final String IMPLICIT_VALUE = "1";

  public Annotation {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(location, "location");
  }
}
