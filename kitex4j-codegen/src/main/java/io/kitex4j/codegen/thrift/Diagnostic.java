package io.kitex4j.codegen.thrift;

import io.kitex4j.codegen.thrift.model.SourceLocation;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * A problem found while loading IDL: an error (loading fails) or a warning (loading succeeds).
 * Prints like a compiler message, {@code file:line:column: error: message}.
 *
 * @param severity error or warning
 * @param location where the problem is
 * @param message what is wrong and, where it helps, what was expected
 */
public record Diagnostic(Severity severity, SourceLocation location, String message) {

  /** Orders by file, line, column, then errors before warnings, then message. */
  public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::location)
      .thenComparing(Diagnostic::severity)
      .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  /** An error at {@code location}. */
  public static Diagnostic error(SourceLocation location, String message) {
    return new Diagnostic(Severity.ERROR, location, message);
  }

  /** A warning at {@code location}. */
  public static Diagnostic warning(SourceLocation location, String message) {
    return new Diagnostic(Severity.WARNING, location, message);
  }

  /** Whether this is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The message with the file printed relative to {@code base} when it lies under it. */
  public String format(Path base) {
    Path file = location.file();
    Path shown = file.startsWith(base) ? base.relativize(file) : file;
    SourceLocation loc = new SourceLocation(shown, location.line(), location.column());
    return loc + ": " + severity.label() + ": " + message;
  }

  /** {@code file:line:column: error: message}. */
  @Override
  public String toString() {
    return location + ": " + severity.label() + ": " + message;
  }

  /** How bad a diagnostic is. */
  public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
      this.label = label;
    }

    /** {@code error} or {@code warning}, as printed. */
    public String label() {
      return label;
    }
  }
}
