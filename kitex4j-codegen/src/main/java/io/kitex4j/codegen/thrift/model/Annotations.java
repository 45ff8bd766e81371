package io.kitex4j.codegen.thrift.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The annotations {@code (k1 = "v1", k2)} of a type, field, definition, enum value, function or
 * namespace, in the order written. A key may occur several times; {@link #get} then returns the
 * last value, as Apache Thrift's generators do, and {@link #getAll} all of them.
 */
public final class Annotations {

  /** No annotations. */
  public static final Annotations EMPTY = new Annotations(List.of());

  private final List<Annotation> list;

  private Annotations(List<Annotation> list) {
    this.list = list;
  }

  /** The given annotations, in order. */
  public static Annotations of(List<Annotation> annotations) {
    return annotations.isEmpty() ? EMPTY : new Annotations(List.copyOf(annotations));
  }

  /** All annotations in the order written. */
  public List<Annotation> asList() {
    return list;
  }

  /** Whether there are none. */
  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** Whether {@code key} occurs. */
  public boolean contains(String key) {
    return list.stream().anyMatch(a -> a.key().equals(key));
  }

  /** The last value written for {@code key}. */
  public Optional<String> get(String key) {
    for (int i = list.size() - 1; i >= 0; i--) {
      if (list.get(i).key().equals(key)) {
        return Optional.of(list.get(i).value());
      }
    }
    return Optional.empty();
  }

  /** Every value written for {@code key}, in order. */
  public List<String> getAll(String key) {
    return list.stream().filter(a -> a.key().equals(key)).map(Annotation::value).toList();
  }

  /** Key to all its values, keys in order of first occurrence. */
  public Map<String, List<String>> asMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Annotation a : list) {
      map.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a.value());
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Annotations other && list.equals(other.list);
  }

  @Override
  public int hashCode() {
    return list.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("(");
    for (Annotation a : list) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(a.key()).append(" = \"").append(a.value()).append('"');
    }
    return sb.append(')').toString();
  }
}
