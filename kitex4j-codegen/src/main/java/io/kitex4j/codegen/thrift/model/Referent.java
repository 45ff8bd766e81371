package io.kitex4j.codegen.thrift.model;

/** What an {@link IdentifierRef} in a constant value denotes: a {@link Const} or an {@link EnumValue}. */
public sealed interface Referent extends IdlNode permits Const, EnumValue {

  /** The simple name of the constant or enum value. */
  String name();
}
