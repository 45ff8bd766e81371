package io.kitex4j.codegen.thrift.internal;

import io.kitex4j.codegen.thrift.Diagnostic;
import io.kitex4j.codegen.thrift.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one load. Not thread-safe. */
public final class DiagnosticSink {

  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /** Records an error. */
  public void error(SourceLocation location, String message) {
    diagnostics.add(Diagnostic.error(location, message));
  }

  /** Records a warning. */
  public void warn(SourceLocation location, String message) {
    diagnostics.add(Diagnostic.warning(location, message));
  }

  /** Records a diagnostic built elsewhere. */
  public void add(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  /** Whether any error was recorded. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** All diagnostics, sorted by file, line and column. */
  public List<Diagnostic> sorted() {
    return diagnostics.stream().sorted(Diagnostic.ORDER).toList();
  }

  /** Only the warnings, sorted. */
  public List<Diagnostic> warnings() {
    return sorted().stream().filter(d -> !d.isError()).toList();
  }
}
