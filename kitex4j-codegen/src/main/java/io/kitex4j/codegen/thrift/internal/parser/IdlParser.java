package io.kitex4j.codegen.thrift.internal.parser;

import io.kitex4j.codegen.thrift.Diagnostic;
import io.kitex4j.codegen.thrift.internal.DiagnosticSink;
import io.kitex4j.codegen.thrift.model.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * Parses one file's text into a {@link Syntax.File}. Lexical and syntax errors stop the parse of
 * that file at the first one; the other problems the tree builder finds are all reported.
 */
public final class IdlParser {

  private IdlParser() {}

  /**
   * The outcome of a parse.
   *
   * @param file the syntax tree, empty after a lexical or syntax error
   * @param diagnostics everything found, errors and warnings
   */
  public record Result(Optional<Syntax.File> file, List<Diagnostic> diagnostics) {}

  /** Parses {@code text}, reporting locations in {@code file}. */
  public static Result parse(Path file, String text) {
    DiagnosticSink sink = new DiagnosticSink();
    ThriftLexer lexer = new ThriftLexer(CharStreams.fromString(text, file.toString()));
    FirstErrorListener listener = new FirstErrorListener(file);
    lexer.removeErrorListeners();
    lexer.addErrorListener(listener);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    for (Token t : tokens.getTokens()) {
      String lexical = lexicalError(t, lexer.getInputStream().size());
      if (lexical != null) {
        sink.error(loc(file, t), lexical);
        return new Result(Optional.empty(), sink.sorted());
      }
    }
    if (listener.hasError()) {
      sink.error(listener.location(), listener.message());
      return new Result(Optional.empty(), sink.sorted());
    }
    ThriftParser parser = new ThriftParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
    parser.setErrorHandler(new FailFastErrorStrategy());
    ThriftParser.DocumentContext document;
    try {
      document = parser.document();
    } catch (FailFastErrorStrategy.SyntaxAbort abort) {
      sink.error(loc(file, abort.token), abort.getMessage());
      return new Result(Optional.empty(), sink.sorted());
    }
    if (listener.hasError()) {
      sink.error(listener.location(), listener.message());
      return new Result(Optional.empty(), sink.sorted());
    }
    Syntax.File syntax = new SyntaxTreeBuilder(file, tokens, sink).build(document);
    return new Result(Optional.of(syntax), sink.sorted());
  }

  private static String lexicalError(Token t, int inputSize) {
    return switch (t.getType()) {
      case ThriftLexer.ERROR_CHAR -> "unexpected character '" + t.getText() + "'";
      case ThriftLexer.UNTERMINATED_LITERAL -> "unterminated string: expected a closing "
          + t.getText().charAt(0) + " but found end of " + (t.getStopIndex() + 1 >= inputSize ? "file" : "line");
      case ThriftLexer.UNTERMINATED_COMMENT -> "unterminated comment: expected */ but found end of file";
      default -> null;
    };
  }

  private static SourceLocation loc(Path file, Token t) {
    return new SourceLocation(file, t.getLine(), t.getCharPositionInLine() + 1);
  }
}
