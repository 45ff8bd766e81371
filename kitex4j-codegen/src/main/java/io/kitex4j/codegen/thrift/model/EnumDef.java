package io.kitex4j.codegen.thrift.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code enum Name { A = 1, B, ... }}. Values are i32 on the wire. Two names may share a number
 * (the loader warns); {@link #findByValue} then returns the first declared.
 */
public final class EnumDef extends DefinitionBase implements Definition {

  private final List<EnumValue> values;

  /** Built by the loader. */
  public EnumDef(
      String name,
      List<EnumValue> values,
      Optional<String> doc,
      Annotations annotations,
      SourceLocation location,
      Supplier<IdlProgram> program) {
    super(name, doc, annotations, location, program);
    this.values = List.copyOf(values);
  }

  /** The values in declaration order. */
  public List<EnumValue> values() {
    return values;
  }

  /** The value named {@code name}. */
  public Optional<EnumValue> findValue(String name) {
    return values.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** The first declared value with number {@code number}. */
  public Optional<EnumValue> findByValue(int number) {
    return values.stream().filter(v -> v.value() == number).findFirst();
  }
}
