package io.kitex4j.codegen.thrift.model;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A link to a node that may be built after the node holding the link (recursive structs,
 * forward references). Resolves once, then drops the supplier.
 */
final class Lazy<T> {

  private Supplier<? extends T> supplier;
  private T value;

  Lazy(Supplier<? extends T> supplier) {
    this.supplier = Objects.requireNonNull(supplier, "supplier");
  }

  /** The target, or {@code null} when the supplier found none. */
  synchronized T get() {
    if (supplier != null) {
      value = supplier.get();
      supplier = null;
    }
    return value;
  }

  /** The target, or an exception naming {@code what} when there is none. */
  T require(String what) {
    T t = get();
    if (t == null) {
      throw new IllegalStateException("unresolved reference: " + what);
    }
    return t;
  }
}
