package io.kitex4j.codegen.thrift.model;

/**
 * A constant value as written: in a {@code const} definition or as a field default.
 *
 * <p>Struct and union constants are written as maps with string keys naming fields, so they are
 * {@link MapValue}s; which one is meant follows from the declared type. {@code true} and
 * {@code false} are {@link BoolValue}s even where Apache Thrift reads them as 1 and 0.
 */
public sealed interface ConstValue extends IdlNode
    permits IntValue, DoubleValue, StringValue, BoolValue, ListValue, MapValue, IdentifierRef {

  /**
   * This value with references to other constants followed: an {@link IdentifierRef} naming a
   * {@link Const} yields that constant's value, resolved again; a reference to an enum value is
   * returned as is (a generator usually wants to emit the enum constant, not its number).
   * Nested elements of lists and maps are not rewritten.
   */
  default ConstValue resolved() {
    ConstValue v = this;
    for (int hops = 0; v instanceof IdentifierRef ref && ref.target() instanceof Const c; hops++) {
      if (hops > 10_000) {
        throw new IllegalStateException("constant cycle at " + location());
      }
      v = c.value();
    }
    return v;
  }
}
