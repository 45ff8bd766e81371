package io.kitex4j.codegen.thrift.model;

/** Which keyword defined a {@link StructDef}. */
public enum StructKind {
  STRUCT("struct"),
  /** Exactly one field is set on the wire. */
  UNION("union"),
  /** May be thrown by functions. */
  EXCEPTION("exception");

  private final String keyword;

  StructKind(String keyword) {
    this.keyword = keyword;
  }

  /** The IDL keyword. */
  public String keyword() {
    return keyword;
  }
}
