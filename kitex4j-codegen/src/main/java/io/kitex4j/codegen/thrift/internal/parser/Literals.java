package io.kitex4j.codegen.thrift.internal.parser;

import java.math.BigInteger;

/** Decoding of string and integer literal tokens. */
final class Literals {

  private Literals() {}

  /** A string literal's text could not be decoded. */
  static final class BadEscape extends Exception {
    private static final long serialVersionUID = 1L;
    final int offset;
    final String sequence;

    BadEscape(int offset, String sequence) {
      super(sequence, null, false, false);
      this.offset = offset;
      this.sequence = sequence;
    }
  }

  /**
   * Decodes a quoted literal token (quotes included). Apache Thrift's escapes are {@code \n \r
   * \t \\ \" \'}; anything else is rejected.
   */
  static String unquote(String token) throws BadEscape {
    StringBuilder sb = new StringBuilder(token.length());
    for (int i = 1; i < token.length() - 1; i++) {
      char c = token.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = token.charAt(++i);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case '\\', '"', '\'' -> sb.append(e);
        default -> throw new BadEscape(i - 1, "\\" + e);
      }
    }
    return sb.toString();
  }

  /** Parses {@code [+-]?[0-9]+} or {@code [+-]?0x[0-9a-fA-F]+}; null when outside the long range. */
  static Long parseInteger(String text) {
    boolean negative = text.startsWith("-");
    String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    int radix = 10;
    if (digits.startsWith("0x")) {
      digits = digits.substring(2);
      radix = 16;
    }
    BigInteger value = new BigInteger(digits, radix);
    if (negative) {
      value = value.negate();
    }
    return value.bitLength() < 64 ? value.longValue() : null;
  }
}
