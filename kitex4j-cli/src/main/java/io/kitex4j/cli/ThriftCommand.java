package io.kitex4j.cli;

import io.kitex4j.codegen.CompileOptions;
import io.kitex4j.codegen.GeneratedFile;
import io.kitex4j.codegen.ThriftCompiler;
import io.kitex4j.codegen.plugin.GeneratorPlugin;
import io.kitex4j.codegen.plugin.PluginException;
import io.kitex4j.codegen.thrift.Diagnostic;
import io.kitex4j.codegen.thrift.IdlLoadException;
import io.kitex4j.codegen.thrift.model.SourceLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kitex4j thrift [-I DIR]... -o OUT_DIR [--plugin NAME[:K=V,...]]... [--no-recurse] FILE.thrift...}:
 * compiles Thrift IDL with {@link ThriftCompiler} and writes the Java files under {@code OUT_DIR}.
 *
 * <p>Everything the user must fix goes to stderr, one problem a line: IDL diagnostics as
 * {@code file:line:column: error: message} (file relative to the working directory when it lies
 * under it), other problems as {@code kitex4j: error: ...}; warnings likewise with
 * {@code warning:}. On success one summary line goes to stdout. Nothing is written unless the whole
 * compilation succeeded, and files whose content did not change are not rewritten.
 */
@Command(
        name = "thrift",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Compiles Thrift IDL files to Java for the Kitex4j runtime.",
            "",
            "Generates a class for every struct, union, exception and enum, the constants, and for "
                    + "every service its interfaces, client stub and server descriptors. Files included by "
                    + "FILE.thrift are generated too, unless --no-recurse is given.",
            ""
        })
final class ThriftCommand implements Callable<Integer> {

    private final Path workingDir;

    @Spec
    CommandSpec spec;

    @Option(names = {"-I", "--include-dir"}, paramLabel = "DIR",
            description = "Searches DIR for included files, after the including file's own directory."
                    + " Repeatable; searched in the order given.")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "OUT_DIR", required = true,
            description = "Writes the generated files under OUT_DIR, in directories per Java package"
                    + " (created when missing).")
    Path outDir;

    @Option(names = {"-p", "--plugin"}, paramLabel = "NAME[:KEY=VALUE,...]", converter = PluginSpecConverter.class,
            description = "Runs the generator plugin NAME after the Java generator, with options"
                    + " (a KEY alone means KEY=true). Repeatable; plugins run in the order given.")
    List<PluginSpec> plugins = new ArrayList<>();

    @Option(names = "--no-recurse",
            description = "Generates only the files named on the command line, not the files they include.")
    boolean noRecurse;

    @Option(names = {"-v", "--verbose"}, description = "Lists every generated file.")
    boolean verbose;

    @Parameters(paramLabel = "FILE.thrift", arity = "1..*", description = "The IDL files to compile.")
    List<Path> files = new ArrayList<>();

    ThriftCommand(Path workingDir) {
        this.workingDir = workingDir;
    }

    /** The footer of {@code kitex4j thrift --help}. */
    static String[] footer(List<String> availablePlugins) {
        List<String> lines = new ArrayList<>(List.of(
                "",
                "Examples:",
                "  kitex4j thrift -o src/generated/java idl/echo.thrift",
                "  kitex4j thrift -I idl/common -o gen --plugin NAME:key=value idl/*.thrift",
                "",
                "Exit status: 0 success; 1 errors in the IDL, a missing input, an unwritable",
                "output or a plugin error (nothing is written then); 2 bad usage.",
                "",
                "Plugins on the class path:"));
        availablePlugins.forEach(p -> lines.add("  " + p));
        return lines.toArray(String[]::new);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path out0 = outDir;

        Set<String> seen = new HashSet<>();
        for (PluginSpec p : plugins) {
            if (!seen.add(p.name())) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "plugin '" + p.name() + "' given twice; give all its options in one --plugin "
                                + p.name() + ":KEY=VALUE,...");
            }
        }

        List<String> problems = new ArrayList<>();
        List<Path> idl = new ArrayList<>();
        for (Path f : files) {
            Path file = workingDir.resolve(f).normalize();
            if (Files.isDirectory(file)) {
                problems.add(f + ": is a directory, not a Thrift file");
            } else if (!Files.isRegularFile(file)) {
                problems.add(f + ": no such file");
            } else if (!Files.isReadable(file)) {
                problems.add(f + ": cannot read file: permission denied");
            } else {
                idl.add(file);
            }
        }
        CompileOptions.Builder options = CompileOptions.builder().generateIncludes(!noRecurse);
        for (Path d : includeDirs) {
            Path dir = workingDir.resolve(d).normalize();
            if (!Files.isDirectory(dir)) {
                problems.add(d + ": include directory (-I) " + (Files.exists(dir) ? "is not a directory" : "does not exist"));
            }
            options.includeDir(dir);
        }
        Path output = workingDir.resolve(out0).normalize();
        if (Files.exists(output) && !Files.isDirectory(output)) {
            problems.add(out0 + ": output directory (-o) is a file");
        } else if (Files.isDirectory(output) && !Files.isWritable(output)) {
            problems.add(out0 + ": output directory (-o) is not writable");
        }
        problems.addAll(unknownPlugins());
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("kitex4j: error: " + p));
            return 1;
        }
        plugins.forEach(p -> options.plugin(p.name(), p.options()));

        ThriftCompiler.Result result;
        try {
            result = ThriftCompiler.compile(idl, options.build());
        } catch (IdlLoadException e) {
            e.diagnostics().forEach(d -> err.println(format(d)));
            int errors = e.errors().size();
            err.println("kitex4j: " + errors + (errors == 1 ? " error" : " errors") + "; nothing written");
            return 1;
        } catch (PluginException e) {
            err.println("kitex4j: error: " + e.getMessage());
            return 1;
        }
        result.warnings().forEach(d -> err.println(format(d)));

        List<String> unchanged = new ArrayList<>();
        try {
            Files.createDirectories(output);
            for (GeneratedFile f : result.files()) {
                if (sameContent(output.resolve(f.relativePath()), f)) {
                    unchanged.add(f.relativePath());
                }
            }
            ThriftCompiler.write(result, output);
        } catch (IOException e) {
            err.println("kitex4j: error: cannot write to " + out0 + ": " + describe(e, output));
            return 1;
        }
        if (verbose) {
            Set<String> same = new TreeSet<>(unchanged);
            for (GeneratedFile f : result.files()) {
                out.println((same.contains(f.relativePath()) ? "  unchanged " : "  wrote     ") + f.relativePath());
            }
        }
        int n = result.files().size();
        out.println(n + (n == 1 ? " file" : " files") + " written to " + out0
                + (unchanged.isEmpty() ? "" : " (" + unchanged.size() + " unchanged)"));
        return 0;
    }

    /** The requested plugins that are not on the class path, as error messages. */
    private List<String> unknownPlugins() {
        if (plugins.isEmpty()) {
            return List.of();
        }
        Set<String> available = new TreeSet<>();
        try {
            for (GeneratorPlugin p : ServiceLoader.load(GeneratorPlugin.class, ThriftCommand.class.getClassLoader())) {
                available.add(p.name());
            }
        } catch (ServiceConfigurationError e) {
            return List.of("cannot load the generator plugins: " + e.getMessage());
        }
        List<String> unknown = new ArrayList<>();
        for (PluginSpec p : plugins) {
            if (!available.contains(p.name())) {
                unknown.add("unknown plugin '" + p.name() + "'; available: "
                        + (available.isEmpty() ? "none" : String.join(", ", available)));
            }
        }
        return unknown;
    }

    /** {@code file:line:col: error: message}, the file relative to the working directory when under it. */
    String format(Diagnostic d) {
        SourceLocation loc = d.location();
        SourceLocation shown = new SourceLocation(display(loc.file()), loc.line(), loc.column());
        return shown + ": " + d.severity().label() + ": " + d.message();
    }

    /** {@code file} relative to the working directory (or its real path) when it lies under it. */
    Path display(Path file) {
        List<Path> bases = new ArrayList<>();
        bases.add(workingDir);
        try {
            bases.add(workingDir.toRealPath());
        } catch (IOException ignored) {
            // the working directory is gone: show absolute paths
        }
        for (Path base : bases) {
            if (file.isAbsolute() && file.startsWith(base) && !file.equals(base)) {
                return base.relativize(file);
            }
        }
        return file;
    }

    private static boolean sameContent(Path target, GeneratedFile f) throws IOException {
        return Files.isRegularFile(target)
                && Arrays.equals(Files.readAllBytes(target), f.content().getBytes(StandardCharsets.UTF_8));
    }

    /** An I/O failure in words: what failed, and where when that is not {@code output} itself. */
    String describe(IOException e, Path output) {
        String what;
        if (e instanceof AccessDeniedException) {
            what = "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            what = "a file is in the way";
        } else if (e instanceof NoSuchFileException) {
            what = "no such file or directory";
        } else if (e instanceof NotDirectoryException) {
            what = "not a directory";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            what = fse.getReason();
        } else {
            return String.valueOf(e.getMessage());
        }
        String file = e instanceof FileSystemException fse ? fse.getFile() : null;
        if (file == null || Path.of(file).equals(output)) {
            return what;
        }
        return display(Path.of(file)) + ": " + what;
    }

    /** Converts {@code --plugin} arguments; a malformed one is a usage error. */
    static final class PluginSpecConverter implements CommandLine.ITypeConverter<PluginSpec> {
        @Override
        public PluginSpec convert(String value) {
            try {
                return PluginSpec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
