package io.kitex4j.codegen.thrift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kitex4j.codegen.thrift.model.Definition;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Test helpers: resource paths, loading, and diagnostics printed with bare file names. */
final class Idl {

  private Idl() {}

  /** A file or directory under src/test/resources/idl. */
  static Path resource(String relative) {
    try {
      return Path.of(Idl.class.getResource("/idl/" + relative).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource idl/" + relative, e);
    }
  }

  /** The repository's testdata directory. */
  static Path testdata(String file) {
    String dir = System.getProperty("kitex4j.testdata");
    Path base = dir != null ? Path.of(dir) : Path.of("..", "testdata");
    return base.resolve(file).toAbsolutePath().normalize();
  }

  static LoadResult load(Path file, Path... includeDirs) throws IdlLoadException {
    return ThriftIdlLoader.builder().includeDirs(Arrays.asList(includeDirs)).build().load(file);
  }

  /** Writes {@code text} to {@code dir/name} and loads it. */
  static LoadResult loadText(Path dir, String name, String text) throws IdlLoadException {
    return load(write(dir, name, text));
  }

  static Path write(Path dir, String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads {@code file}, expecting failure, and returns the diagnostics as printed lines. */
  static List<String> failures(Path file, Path... includeDirs) {
    IdlLoadException e = catchThrowableOfType(IdlLoadException.class, () -> load(file, includeDirs));
    assertThat(e).as("loading %s should fail", file).isNotNull();
    return lines(e.diagnostics());
  }

  /** Writes and loads {@code text}, expecting failure; returns the diagnostics as printed lines. */
  static List<String> failuresOf(Path dir, String name, String text) {
    return failures(write(dir, name, text));
  }

  /** {@code file.thrift:line:col: severity: message}, with the bare file name. */
  static List<String> lines(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .map(d -> d.location().fileName() + ":" + d.location().line() + ":" + d.location().column() + ": "
            + d.severity().label() + ": " + d.message())
        .toList();
  }

  @SuppressWarnings("unchecked")
  static <T extends Definition> T definition(IdlProgram program, String name) {
    return (T) program.findDefinition(name).orElseThrow(() -> new AssertionError("no definition " + name));
  }
}
