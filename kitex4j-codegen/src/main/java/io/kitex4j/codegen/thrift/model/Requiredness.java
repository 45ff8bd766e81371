package io.kitex4j.codegen.thrift.model;

/** A field's requiredness keyword. */
public enum Requiredness {
  /** {@code required}: always written, must be present when read. */
  REQUIRED,
  /** {@code optional}: written only when set. */
  OPTIONAL,
  /**
   * No keyword ("default requiredness", Apache's opt-in/req-out): always written, may be absent
   * when read. Function arguments are always this; an {@code optional} keyword there is ignored
   * with a warning, as in Apache Thrift.
   */
  DEFAULT
}
