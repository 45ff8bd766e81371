package io.kitex4j.codegen.thrift.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** State shared by all definitions. */
abstract class DefinitionBase {

  private final String name;
  private final Optional<String> doc;
  private final Annotations annotations;
  private final SourceLocation location;
  private final Lazy<IdlProgram> program;

  DefinitionBase(
      String name,
      Optional<String> doc,
      Annotations annotations,
      SourceLocation location,
      Supplier<IdlProgram> program) {
    this.name = Objects.requireNonNull(name, "name");
    this.doc = Objects.requireNonNull(doc, "doc");
    this.annotations = Objects.requireNonNull(annotations, "annotations");
    this.location = Objects.requireNonNull(location, "location");
    this.program = new Lazy<>(program);
  }

  public String name() {
    return name;
  }

  public Optional<String> doc() {
    return doc;
  }

  public Annotations annotations() {
    return annotations;
  }

  public SourceLocation location() {
    return location;
  }

  public IdlProgram program() {
    return program.require("program of " + name);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + " " + name + " @ " + location;
  }
}
