package io.kitex4j.codegen.thrift.internal.parser;

import io.kitex4j.codegen.thrift.model.SourceLocation;
import java.nio.file.Path;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * Replaces ANTLR's console listener on the lexer and the parser: remembers the first error
 * instead of printing it. With the catch-all lexer rules and {@link FailFastErrorStrategy}
 * nothing should reach it; it is the safety net that keeps every error a diagnostic.
 */
final class FirstErrorListener extends BaseErrorListener {

  private final Path file;
  private SourceLocation location;
  private String message;

  FirstErrorListener(Path file) {
    this.file = file;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
      String msg, RecognitionException e) {
    if (message == null) {
      location = new SourceLocation(file, Math.max(line, 1), charPositionInLine + 1);
      message = msg;
    }
  }

  boolean hasError() {
    return message != null;
  }

  SourceLocation location() {
    return location;
  }

  String message() {
    return message;
  }
}
