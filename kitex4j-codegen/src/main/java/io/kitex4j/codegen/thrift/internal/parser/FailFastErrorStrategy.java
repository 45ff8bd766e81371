package io.kitex4j.codegen.thrift.internal.parser;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Stops at the first syntax error with a {@link SyntaxAbort} worded by {@link SyntaxMessages}.
 * ANTLR's recovery would go on and report follow-on errors that mostly confuse; one precise
 * message per file is the policy. Nothing is ever printed.
 */
final class FailFastErrorStrategy extends DefaultErrorStrategy {

  /** Thrown to unwind the parser at the first error. */
  static final class SyntaxAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Token token;

    SyntaxAbort(Token token, String message) {
      super(message, null, false, false);
      this.token = token;
    }
  }

  @Override
  public void reportError(Parser recognizer, RecognitionException e) {
    Token token = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
    IntervalSet expected = e.getExpectedTokens() != null ? e.getExpectedTokens() : recognizer.getExpectedTokens();
    Token previous = recognizer.getInputStream().LT(-1);
    if (token.getType() == ThriftLexer.COLON && previous != null && previous.getType() == ThriftLexer.IDENTIFIER
        && inField(recognizer)) {
      throw new SyntaxAbort(previous, "field id must be an integer from 1 to 32767 but is '"
          + previous.getText() + "'");
    }
    throw new SyntaxAbort(token, SyntaxMessages.mismatch(token, expected));
  }

  private static boolean inField(Parser recognizer) {
    var context = recognizer.getContext();
    return context instanceof ThriftParser.FieldContext
        || context != null && context.getParent() instanceof ThriftParser.FieldContext;
  }

  @Override
  public Token recoverInline(Parser recognizer) {
    reportError(recognizer, new InputMismatchException(recognizer));
    throw new IllegalStateException("unreachable");
  }

  @Override
  public void recover(Parser recognizer, RecognitionException e) {
    reportError(recognizer, e);
  }

  @Override
  protected void reportUnwantedToken(Parser recognizer) {
    reportError(recognizer, new InputMismatchException(recognizer));
  }

  @Override
  protected void reportMissingToken(Parser recognizer) {
    reportError(recognizer, new InputMismatchException(recognizer));
  }

  /** Never delete a token to recover: report instead. */
  @Override
  protected Token singleTokenDeletion(Parser recognizer) {
    return null;
  }
}
