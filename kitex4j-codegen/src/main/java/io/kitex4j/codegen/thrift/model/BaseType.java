package io.kitex4j.codegen.thrift.model;

import java.util.Objects;

/**
 * A built-in type. {@code byte} is read as {@link Kind#I8}; the deprecated {@code slist} as
 * {@link Kind#STRING}.
 *
 * @param kind which base type
 * @param annotations annotations written on the type
 * @param location where the type keyword was written
 */
public record BaseType(Kind kind, Annotations annotations, SourceLocation location)
    implements IdlType {

  public BaseType {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public String idlName() {
    return kind.idlName();
  }

  /** The base types. */
  public enum Kind {
    BOOL("bool"),
    /** Signed 8-bit integer; the IDL spells it {@code i8} or {@code byte}. */
    I8("i8"),
    I16("i16"),
    I32("i32"),
    I64("i64"),
    DOUBLE("double"),
    STRING("string"),
    BINARY("binary"),
    UUID("uuid");

    private final String idlName;

    Kind(String idlName) {
      this.idlName = idlName;
    }

    /** The IDL keyword. */
    public String idlName() {
      return idlName;
    }

    /** Whether this is one of i8, i16, i32, i64. */
    public boolean isInteger() {
      return this == I8 || this == I16 || this == I32 || this == I64;
    }

    /** Smallest value of an integer kind. */
    public long minValue() {
      return switch (this) {
        case I8 -> Byte.MIN_VALUE;
        case I16 -> Short.MIN_VALUE;
        case I32 -> Integer.MIN_VALUE;
        case I64 -> Long.MIN_VALUE;
        default -> throw new IllegalStateException(this + " is not an integer type");
      };
    }

    /** Largest value of an integer kind. */
    public long maxValue() {
      return switch (this) {
        case I8 -> Byte.MAX_VALUE;
        case I16 -> Short.MAX_VALUE;
        case I32 -> Integer.MAX_VALUE;
        case I64 -> Long.MAX_VALUE;
        default -> throw new IllegalStateException(this + " is not an integer type");
      };
    }
  }
}
