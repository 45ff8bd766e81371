package io.kitex4j.codegen.thrift.internal.parser;

import static io.kitex4j.codegen.thrift.internal.parser.ThriftLexer.*;

import io.kitex4j.codegen.thrift.internal.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Words a syntax error as {@code expected X but found Y}, where X names the groups of tokens a
 * person thinks in ("a type", "a field", "a constant value") rather than every token ANTLR would
 * accept, and adds "did you mean" for a misspelled keyword.
 */
final class SyntaxMessages {

  private static final Vocabulary VOCABULARY = ThriftLexer.VOCABULARY;

  private static final Set<Integer> DEFINITIONS =
      Set.of(CONST, TYPEDEF, ENUM, SENUM, STRUCT, UNION, EXCEPTION, SERVICE);
  private static final Set<Integer> HEADERS = Set.of(INCLUDE, CPP_INCLUDE, NAMESPACE);
  private static final Set<Integer> TYPES =
      Set.of(BOOL, BYTE, I8, I16, I32, I64, DOUBLE, STRING, BINARY, UUID, SLIST, MAP, SET, LIST, IDENTIFIER);
  private static final Set<Integer> TYPE_MARKERS = Set.of(BOOL, I32, STRING, MAP, LIST, IDENTIFIER);
  private static final Set<Integer> FIELD_NAMES = Set.of(
      IDENTIFIER, NAMESPACE, CPP_INCLUDE, INCLUDE, VOID, BOOL, BYTE, I8, I16, I32, I64, DOUBLE,
      STRING, BINARY, UUID, SLIST, MAP, LIST, SET, ONEWAY, ASYNC, TYPEDEF, STRUCT, UNION, EXCEPTION,
      EXTENDS, THROWS, SERVICE, ENUM, SENUM, CONST, REQUIRED, OPTIONAL);
  private static final Set<Integer> ANY_NAME_EXTRAS =
      Set.of(CPP_TYPE, XSD_ALL, XSD_OPTIONAL, XSD_NILLABLE, XSD_ATTRS, TRUE, FALSE);
  private static final Set<Integer> VALUES = Set.of(
      INT_LITERAL, HEX_LITERAL, DOUBLE_LITERAL, LITERAL, TRUE, FALSE, IDENTIFIER, LBRACKET, LBRACE);
  private static final Set<Integer> NOISE =
      Set.of(XSD_ALL, XSD_OPTIONAL, XSD_NILLABLE, XSD_ATTRS, AMPERSAND, CPP_TYPE, ASYNC, LPAREN, COMMA, SEMICOLON);

  private SyntaxMessages() {}

  /** {@code expected X but found Y[; did you mean 'k'?]}. */
  static String mismatch(Token found, IntervalSet expected) {
    return "expected " + describeExpected(expected) + " but found " + describeFound(found)
        + suggestion(found, expected);
  }

  static String describeFound(Token token) {
    if (token.getType() == Token.EOF) {
      return "end of file";
    }
    String text = token.getText();
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    return token.getType() == LITERAL ? "string " + text : "'" + text + "'";
  }

  static String describeExpected(IntervalSet expected) {
    Set<Integer> tokens = new LinkedHashSet<>(expected.toList());
    tokens.remove(Token.EPSILON);
    boolean eof = tokens.remove(Token.EOF);
    List<String> phrases = new ArrayList<>();
    if (tokens.containsAll(FIELD_NAMES) && tokens.containsAll(ANY_NAME_EXTRAS)) {
      phrases.add("a name");
      tokens.removeAll(FIELD_NAMES);
      tokens.removeAll(ANY_NAME_EXTRAS);
    } else if (tokens.containsAll(FIELD_NAMES)) {
      phrases.add("a field name");
      tokens.removeAll(FIELD_NAMES);
    }
    if (tokens.containsAll(DEFINITIONS)) {
      phrases.add(tokens.containsAll(HEADERS) ? "a header or definition" : "a definition");
      tokens.removeAll(DEFINITIONS);
      tokens.removeAll(HEADERS);
    }
    if (tokens.contains(INT_LITERAL) && tokens.contains(REQUIRED) && tokens.containsAll(TYPE_MARKERS)) {
      phrases.add("a field");
      tokens.removeAll(List.of(INT_LITERAL, HEX_LITERAL, DOUBLE_LITERAL, REQUIRED, OPTIONAL));
      tokens.removeAll(TYPES);
    }
    if (tokens.contains(ONEWAY) && tokens.contains(VOID) && tokens.containsAll(TYPE_MARKERS)) {
      phrases.add("a function");
      tokens.removeAll(List.of(ONEWAY, ASYNC, VOID));
      tokens.removeAll(TYPES);
    }
    if (tokens.containsAll(TYPE_MARKERS)) {
      phrases.add("a type");
      tokens.removeAll(TYPES);
    }
    if (tokens.containsAll(List.of(INT_LITERAL, LITERAL, LBRACKET, LBRACE, IDENTIFIER))) {
      phrases.add("a constant value");
      tokens.removeAll(VALUES);
    }
    if (tokens.contains(INT_LITERAL)) {
      tokens.remove(HEX_LITERAL);
    }
    if (!phrases.isEmpty() || !NOISE.containsAll(tokens)) {
      tokens.removeAll(NOISE);
    }
    for (int type : tokens) {
      phrases.add(describeTokenType(type));
    }
    if (phrases.isEmpty()) {
      return eof ? "end of file" : "nothing more";
    }
    return join(phrases);
  }

  private static String describeTokenType(int type) {
    return switch (type) {
      case IDENTIFIER -> "an identifier";
      case INT_LITERAL, HEX_LITERAL -> "an integer";
      case DOUBLE_LITERAL -> "a number";
      case LITERAL -> "a string literal";
      case Token.EOF -> "end of file";
      default -> {
        String literal = VOCABULARY.getLiteralName(type);
        yield literal != null ? literal : VOCABULARY.getDisplayName(type);
      }
    };
  }

  private static String suggestion(Token found, IntervalSet expected) {
    if (found.getType() != IDENTIFIER) {
      return "";
    }
    List<String> keywords = new ArrayList<>();
    for (int type : expected.toList()) {
      String literal = type > 0 ? VOCABULARY.getLiteralName(type) : null;
      if (literal != null && Character.isLetter(literal.charAt(1))) {
        keywords.add(literal.substring(1, literal.length() - 1));
      }
    }
    return Suggestions.didYouMean(found.getText(), keywords);
  }

  private static String join(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
  }
}
