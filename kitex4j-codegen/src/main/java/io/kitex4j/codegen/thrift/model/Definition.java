package io.kitex4j.codegen.thrift.model;

import java.util.Optional;

/**
 * A top-level definition of an {@link IdlProgram}: {@link Typedef}, {@link Const},
 * {@link EnumDef}, {@link StructDef} (struct, union, exception) or {@link ServiceDef}.
 * A deprecated {@code senum} is loaded as a {@link Typedef} of {@code string}.
 */
public sealed interface Definition extends IdlNode
    permits Typedef, Const, EnumDef, StructDef, ServiceDef {

  /** The simple name, never dotted. */
  String name();

  /** The text of the {@code /** ... *}{@code /} comment right before the definition. */
  Optional<String> doc();

  /** Annotations written after the definition (empty for constants). */
  Annotations annotations();

  /** The program (file) that defines this. */
  IdlProgram program();

  /** {@code programName.name}, the way another file refers to this definition. */
  default String qualifiedName() {
    return program().name() + "." + name();
  }
}
