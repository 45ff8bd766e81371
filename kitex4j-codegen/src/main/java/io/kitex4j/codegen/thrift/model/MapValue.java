package io.kitex4j.codegen.thrift.model;

import java.util.List;
import java.util.Objects;

/**
 * {@code {k: v, ...}}: the value of a map constant, or of a struct/union constant whose keys are
 * field names (as {@link StringValue}s).
 *
 * @param entries the entries in order
 * @param location where <code>{</code> was written
 */
public record MapValue(List<Entry> entries, SourceLocation location) implements ConstValue {

  public MapValue {
    entries = List.copyOf(entries);
    Objects.requireNonNull(location, "location");
  }

  /**
   * One {@code key: value} pair.
   *
   * @param key the key
   * @param value the value
   */
  public record Entry(ConstValue key, ConstValue value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }
}
