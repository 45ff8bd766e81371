package io.kitex4j.codegen.thrift.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a node was written: a file and a 1-based line and column.
 *
 * <p>Columns count characters (a tab is one column). A location with line {@code 0} denotes a
 * whole file (for example a file that could not be read) and prints as just the file.
 *
 * <p>Which token a node points at: definitions, functions and enum values point at their name;
 * fields at their first token (the id when one is written); types, constant values, namespaces
 * and includes at their first token.
 *
 * @param file the file, as an absolute normalized path
 * @param line 1-based line, or 0 for the whole file
 * @param column 1-based column, or 0 for the whole file
 */
public record SourceLocation(Path file, int line, int column) implements Comparable<SourceLocation> {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("negative line or column: " + line + ":" + column);
    }
  }

  /** A location denoting a whole file. */
  public static SourceLocation ofFile(Path file) {
    return new SourceLocation(file, 0, 0);
  }

  /** The file's name without its directories, e.g. {@code shared.thrift}. */
  public String fileName() {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  /** Orders by file path, then line, then column. */
  @Override
  public int compareTo(SourceLocation other) {
    int byFile = file.toString().compareTo(other.file.toString());
    if (byFile != 0) {
      return byFile;
    }
    int byLine = Integer.compare(line, other.line);
    return byLine != 0 ? byLine : Integer.compare(column, other.column);
  }

  /** {@code file:line:column}, or just {@code file} for a whole-file location. */
  @Override
  public String toString() {
    return line == 0 ? file.toString() : file + ":" + line + ":" + column;
  }
}
