package io.kitex4j.codegen.thrift;

import java.util.List;

/**
 * Loading failed: at least one error was found. Carries every diagnostic of the load, errors
 * and warnings, sorted by file, line and column; the message lists them one per line.
 */
public final class IdlLoadException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  /** Fails with these diagnostics (sorted here), at least one of which is an error. */
  public IdlLoadException(List<Diagnostic> diagnostics) {
    super(message(diagnostics));
    this.diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
  }

  /** All diagnostics, sorted by file, line and column. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Only the errors, sorted. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  private static String message(List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    StringBuilder sb = new StringBuilder()
        .append(errors).append(errors == 1 ? " error" : " errors").append(" in Thrift IDL:");
    diagnostics.stream().sorted(Diagnostic.ORDER).forEach(d -> sb.append('\n').append(d));
    return sb.toString();
  }
}
