package io.kitex4j.codegen.thrift;

import io.kitex4j.codegen.thrift.model.IdlProgram;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A successful load: the requested programs, every program they reach through includes, and
 * the warnings found on the way.
 *
 * @param roots the programs that were asked for, in request order
 * @param programs every loaded program, each exactly once, included programs before the programs
 *     that include them
 * @param warnings the warnings, sorted by file, line and column
 */
public record LoadResult(List<IdlProgram> roots, List<IdlProgram> programs, List<Diagnostic> warnings) {

  public LoadResult {
    roots = List.copyOf(roots);
    programs = List.copyOf(programs);
    warnings = warnings.stream().sorted(Diagnostic.ORDER).toList();
  }

  /** The first requested program (the only one for {@link ThriftIdlLoader#load(Path)}). */
  public IdlProgram root() {
    return roots.get(0);
  }

  /** The loaded program for a file (any path to it). */
  public Optional<IdlProgram> program(Path file) {
    Path wanted = file.toAbsolutePath().normalize();
    return programs.stream()
        .filter(p -> p.path().equals(wanted) || sameFile(p.path(), wanted))
        .findFirst();
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return java.nio.file.Files.isSameFile(a, b);
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
