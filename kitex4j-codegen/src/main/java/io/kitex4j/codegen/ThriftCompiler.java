package io.kitex4j.codegen;

import io.kitex4j.codegen.thrift.Diagnostic;
import io.kitex4j.codegen.thrift.IdlLoadException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Thrift compiler: loads and checks IDL files, generates Java for the Kitex4j runtime, runs
 * plugins, and writes the files. The entry point of the CLI and the Maven plugin.
 *
 * <p>Output is deterministic: the same inputs give byte-identical files.
 */
public final class ThriftCompiler {
    private ThriftCompiler() {}

    /** The outcome of a compilation: the files (not yet written) and the warnings. */
    public record Result(List<GeneratedFile> files, List<Diagnostic> warnings) {
        public Result {
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Compiles {@code idlFiles}. Throws {@link IdlLoadException} with every diagnostic when the IDL
     * has errors, {@link io.kitex4j.codegen.plugin.PluginException} when a plugin fails or is unknown.
     */
    public static Result compile(List<Path> idlFiles, CompileOptions options)
            throws IdlLoadException, io.kitex4j.codegen.plugin.PluginException {
        return io.kitex4j.codegen.internal.Compilation.run(idlFiles, options);
    }

    /** Writes {@code result}'s files under {@code outputDir}, creating directories; unchanged files are not rewritten. */
    public static void write(Result result, Path outputDir) throws IOException {
        io.kitex4j.codegen.internal.Compilation.write(result, outputDir);
    }
}
