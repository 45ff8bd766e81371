package io.kitex4j.codegen.thrift.model;

import java.util.Objects;

/**
 * {@code namespace scope value (annotations)}.
 *
 * @param scope the language id ({@code java}, {@code go}, {@code py.twisted}, ...) or {@code *}
 * @param value the namespace, e.g. {@code com.example.api}
 * @param annotations annotations written after the value
 * @param location where {@code namespace} was written
 */
public record Namespace(String scope, String value, Annotations annotations, SourceLocation location)
    implements IdlNode {

  /** The scope of {@code namespace * ...}, used by languages without a namespace of their own. */
  public static final String ANY_SCOPE = "*";

  public Namespace {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(location, "location");
  }
}
