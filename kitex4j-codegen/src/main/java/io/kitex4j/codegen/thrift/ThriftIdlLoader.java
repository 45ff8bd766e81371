package io.kitex4j.codegen.thrift;

import io.kitex4j.codegen.thrift.internal.DiagnosticSink;
import io.kitex4j.codegen.thrift.internal.check.SemanticChecker;
import io.kitex4j.codegen.thrift.internal.resolve.ParseCache;
import io.kitex4j.codegen.thrift.internal.resolve.Poison;
import io.kitex4j.codegen.thrift.internal.resolve.ProgramResolver;
import io.kitex4j.codegen.thrift.internal.resolve.SourceGraph;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads Thrift IDL files into the resolved, checked model ({@link IdlProgram}).
 *
 * <pre>{@code
 * ThriftIdlLoader loader = ThriftIdlLoader.builder().includeDir(Path.of("idl/common")).build();
 * LoadResult result = loader.load(Path.of("idl/echo.thrift"));   // throws IdlLoadException
 * result.warnings().forEach(System.err::println);
 * IdlProgram echo = result.root();
 * }</pre>
 *
 * <p><b>Includes.</b> {@code include "x.thrift"} is looked up relative to the including file's
 * directory first, then in each include directory ({@code -I}) in the order given; an absolute
 * path is used as is. Each file is read and parsed once per load, identified by its canonical
 * path, so a file included from several places is one {@link IdlProgram}. Parse results are also
 * kept between loads of the same loader while the file is unchanged. The definitions of an
 * included file are visible to the includer only, prefixed with the included file's name
 * ({@code shared.SharedStruct}); transitively included files are not visible.
 *
 * <p><b>Errors.</b> Loading runs in phases: read and parse every reachable file; then, if every
 * file parsed, resolve names and run the semantic checks. If any error was found the load throws
 * {@link IdlLoadException} with every diagnostic (errors and warnings) sorted by file, line and
 * column. Syntax errors stop the parse of their file at the first one (a single precise message
 * rather than follow-on noise); all other errors are collected. Nothing is printed.
 *
 * <p>A loader is immutable and may be shared by threads.
 */
public final class ThriftIdlLoader {

  private final List<Path> includeDirs;
  private final ParseCache cache = new ParseCache();

  private ThriftIdlLoader(List<Path> includeDirs) {
    this.includeDirs = List.copyOf(includeDirs);
  }

  /** A loader without include directories. */
  public static ThriftIdlLoader create() {
    return new ThriftIdlLoader(List.of());
  }

  /** A builder for a loader with include directories. */
  public static Builder builder() {
    return new Builder();
  }

  /** The include directories, in search order. */
  public List<Path> includeDirs() {
    return includeDirs;
  }

  /**
   * Loads {@code file} and every file it includes.
   *
   * @return the programs and the warnings
   * @throws IdlLoadException if any file is missing, unreadable, malformed or inconsistent
   */
  public LoadResult load(Path file) throws IdlLoadException {
    return loadAll(List.of(file));
  }

  /**
   * Loads several files at once; programs they share are loaded once and shared.
   *
   * @return the programs (roots in the given order) and the warnings
   * @throws IdlLoadException if any file is missing, unreadable, malformed or inconsistent
   */
  public LoadResult loadAll(Collection<Path> files) throws IdlLoadException {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no file to load");
    }
    DiagnosticSink sink = new DiagnosticSink();
    SourceGraph graph = new SourceGraph(includeDirs, cache, sink);
    List<Optional<Path>> roots = new ArrayList<>();
    for (Path file : files) {
      roots.add(graph.addRoot(file));
    }
    if (!graph.complete()) {
      throw new IdlLoadException(sink.sorted());
    }
    Poison poison = new Poison();
    Map<Path, IdlProgram> programs = new LinkedHashMap<>();
    for (SourceGraph.Source source : graph.sources()) {
      programs.put(source.path(), ProgramResolver.resolve(source, programs, sink, poison));
    }
    List<IdlProgram> all = List.copyOf(programs.values());
    SemanticChecker.check(all, sink, poison);
    if (sink.hasErrors()) {
      throw new IdlLoadException(sink.sorted());
    }
    List<IdlProgram> rootPrograms = roots.stream().map(r -> programs.get(r.orElseThrow())).toList();
    return new LoadResult(rootPrograms, all, sink.warnings());
  }

  /** Builds a {@link ThriftIdlLoader}. */
  public static final class Builder {

    private final List<Path> includeDirs = new ArrayList<>();

    private Builder() {}

    /** Adds an include directory ({@code -I}); directories are searched in the order added. */
    public Builder includeDir(Path dir) {
      includeDirs.add(dir);
      return this;
    }

    /** Adds include directories in order. */
    public Builder includeDirs(Collection<Path> dirs) {
      includeDirs.addAll(dirs);
      return this;
    }

    /** The loader. */
    public ThriftIdlLoader build() {
      return new ThriftIdlLoader(includeDirs);
    }
  }
}
