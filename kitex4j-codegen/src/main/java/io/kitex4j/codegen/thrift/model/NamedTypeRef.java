package io.kitex4j.codegen.thrift.model;

/**
 * A use of a named type, resolved to its definition. The name is kept as written: {@code Item}
 * for a definition in the same file, {@code shared.Item} for one in the included file
 * {@code shared.thrift}; {@link #program()} is the program that defines it either way.
 */
public sealed interface NamedTypeRef extends IdlType permits StructRef, EnumRef, TypedefRef {

  /** The name as written at the use site. */
  String name();

  /** The referenced definition. */
  Definition definition();

  /** The program that defines the referenced type (differs from the user's for includes). */
  default IdlProgram program() {
    return definition().program();
  }

  @Override
  default String idlName() {
    return name();
  }

  @Override
  default Annotations annotations() {
    return Annotations.EMPTY;
  }
}
