package io.kitex4j.codegen.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.codegen.thrift.model.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Diagnostics print like compiler messages and sort by file, line and column. */
class DiagnosticTest {

  private static final Path FILE = Path.of("/idl/service.thrift").toAbsolutePath();

  @Test
  void printsFileLineColumnSeverityAndMessage() {
    Diagnostic d = Diagnostic.error(new SourceLocation(FILE, 3, 7), "unknown type 'Foo'");
    assertThat(d).hasToString(FILE + ":3:7: error: unknown type 'Foo'");
    assertThat(d.format(FILE.getParent())).isEqualTo("service.thrift:3:7: error: unknown type 'Foo'");
    assertThat(Diagnostic.warning(SourceLocation.ofFile(FILE), "w")).hasToString(FILE + ": warning: w");
  }

  @Test
  void sortsByFileThenLineThenColumn() {
    Path other = FILE.resolveSibling("a.thrift");
    Diagnostic late = Diagnostic.warning(new SourceLocation(FILE, 10, 1), "late");
    Diagnostic early = Diagnostic.error(new SourceLocation(FILE, 2, 9), "early");
    Diagnostic earlier = Diagnostic.error(new SourceLocation(FILE, 2, 3), "earlier");
    Diagnostic firstFile = Diagnostic.error(new SourceLocation(other, 99, 1), "other file");
    IdlLoadException e = new IdlLoadException(List.of(late, early, earlier, firstFile));
    assertThat(e.diagnostics()).containsExactly(firstFile, earlier, early, late);
    assertThat(e.errors()).containsExactly(firstFile, earlier, early);
    assertThat(e.getMessage()).startsWith("3 errors in Thrift IDL:\n" + other + ":99:1: error: other file\n");
  }
}
