package io.kitex4j.codegen.thrift.internal.resolve;

import io.kitex4j.codegen.thrift.internal.DiagnosticSink;
import io.kitex4j.codegen.thrift.internal.parser.IdlParser;
import io.kitex4j.codegen.thrift.internal.parser.Syntax;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import io.kitex4j.codegen.thrift.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and parses the files reachable from the roots through includes, each once. An include
 * is looked up relative to the including file's directory first, then in each include directory
 * in order. Reports unreadable files, missing includes and include cycles.
 */
public final class SourceGraph {

  /** A file that parsed, with its includes resolved. */
  public record Source(Path path, Syntax.File syntax, List<ResolvedInclude> includes) {}

  /**
   * An include header and the file it names.
   *
   * @param target the canonical path, or empty when it is missing or closes a cycle
   */
  public record ResolvedInclude(Syntax.IncludeDecl declaration, Optional<Path> target) {}

  private final List<Path> includeDirs;
  private final ParseCache cache;
  private final DiagnosticSink sink;
  private final Map<Path, Source> sources = new LinkedHashMap<>();
  private final Set<Path> done = new HashSet<>();
  private final List<Path> path = new ArrayList<>();
  private boolean complete = true;

  public SourceGraph(List<Path> includeDirs, ParseCache cache, DiagnosticSink sink) {
    this.includeDirs = List.copyOf(includeDirs);
    this.cache = cache;
    this.sink = sink;
  }

  /** Loads {@code file} and everything it includes; returns its canonical path, or empty. */
  public Optional<Path> addRoot(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute)) {
      sink.error(SourceLocation.ofFile(absolute), "cannot read file: no such file");
      complete = false;
      return Optional.empty();
    }
    Path canonical = canonical(absolute);
    visit(canonical);
    return Optional.of(canonical);
  }

  /** The files that parsed, included files before their includers. */
  public List<Source> sources() {
    return List.copyOf(sources.values());
  }

  /** Whether every reachable file was read and parsed (missing includes aside). */
  public boolean complete() {
    return complete;
  }

  private void visit(Path file) {
    if (!done.add(file)) {
      return;
    }
    Optional<Syntax.File> syntax = parse(file);
    if (syntax.isEmpty()) {
      complete = false;
      return;
    }
    path.add(file);
    List<ResolvedInclude> includes = new ArrayList<>();
    Map<Path, Syntax.IncludeDecl> seen = new HashMap<>();
    for (Syntax.IncludeDecl include : syntax.get().includes()) {
      Optional<Path> target = locate(file, include);
      if (target.isPresent()) {
        Syntax.IncludeDecl previous = seen.putIfAbsent(target.get(), include);
        if (previous != null) {
          sink.warn(include.location(), "'" + include.path() + "' is already included at line "
              + previous.location().line());
          continue;
        } else if (path.contains(target.get())) {
          sink.error(include.location(), "include cycle: " + cycle(target.get()));
          target = Optional.empty();
        } else {
          visit(target.get());
        }
      }
      includes.add(new ResolvedInclude(include, target));
    }
    checkNameClashes(includes);
    path.remove(path.size() - 1);
    sources.put(file, new Source(file, syntax.get(), includes));
  }

  private Optional<Syntax.File> parse(Path file) {
    try {
      IdlParser.Result result = cache.parse(file);
      result.diagnostics().forEach(sink::add);
      return result.file();
    } catch (MalformedInputException e) {
      sink.error(SourceLocation.ofFile(file), "cannot read file: it is not valid UTF-8");
    } catch (NoSuchFileException e) {
      sink.error(SourceLocation.ofFile(file), "cannot read file: no such file");
    } catch (IOException e) {
      sink.error(SourceLocation.ofFile(file), "cannot read file: " + e.getMessage());
    }
    return Optional.empty();
  }

  private Optional<Path> locate(Path includingFile, Syntax.IncludeDecl include) {
    List<Path> dirs = new ArrayList<>();
    dirs.add(includingFile.getParent());
    includeDirs.forEach(d -> dirs.add(d.toAbsolutePath().normalize()));
    boolean absolute = false;
    try {
      Path written = Path.of(include.path());
      absolute = written.isAbsolute();
      List<Path> candidates = absolute
          ? List.of(written)
          : dirs.stream().map(d -> d.resolve(written)).toList();
      for (Path candidate : candidates) {
        if (Files.isRegularFile(candidate)) {
          return Optional.of(canonical(candidate));
        }
      }
    } catch (InvalidPathException e) {
      // reported below as not found
    }
    String searched = absolute
        ? ""
        : " (searched " + dirs.stream().map(Path::toString).collect(Collectors.joining(", ")) + ")";
    sink.error(include.location(), "cannot find included file '" + include.path() + "'" + searched);
    return Optional.empty();
  }

  /** Two includes with the same file name would share one prefix. */
  private void checkNameClashes(List<ResolvedInclude> includes) {
    Map<String, ResolvedInclude> byName = new HashMap<>();
    for (ResolvedInclude include : includes) {
      if (include.target().isEmpty()) {
        continue;
      }
      String name = IdlProgram.nameOf(include.target().get());
      ResolvedInclude other = byName.putIfAbsent(name, include);
      if (other != null && !other.target().equals(include.target())) {
        sink.error(include.declaration().location(), "'" + include.declaration().path()
            + "' and '" + other.declaration().path() + "' (line " + other.declaration().location().line()
            + ") are both included as '" + name + "'; rename one of the files");
      }
    }
  }

  private String cycle(Path target) {
    List<Path> loop = new ArrayList<>(path.subList(path.indexOf(target), path.size()));
    loop.add(target);
    return loop.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" -> "));
  }

  private static Path canonical(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }
}
