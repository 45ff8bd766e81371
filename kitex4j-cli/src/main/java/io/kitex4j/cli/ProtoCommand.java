package io.kitex4j.cli;

import io.kitex4j.protoc.ProtocTools;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kitex4j proto [-I DIR]... -o OUT_DIR [--protoc PATH] [--[no-]java-out] [--kitex4j-opt K=V]... FILE.proto...}:
 * runs protoc with {@code --java_out} (the message classes) and this project's protoc plugin
 * ({@code --kitex4j_out}: the service classes), the plugin started through a launcher script that
 * runs this JVM's java on this command line's own class path.
 *
 * <p>protoc is, in this order: {@code --protoc PATH}, the environment variable
 * {@code KITEX4J_PROTOC}, or the protoc the build copied next to the CLI's jar
 * ({@code kitex4j-cli/target/protoc}, from Maven Central). The well-known types
 * ({@code google/protobuf/*.proto}) are on the import path after the {@code -I} directories;
 * without {@code -I} the import path is the working directory, as for protoc itself.
 *
 * <p>protoc writes into a temporary directory; only when it succeeded are the files copied to
 * {@code OUT_DIR}, and files whose content did not change are not rewritten. protoc's own
 * diagnostics are printed as protoc printed them (its file names are relative to the import path).
 */
@Command(
        name = "proto",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Compiles .proto files to Java for the Kitex4j runtime (with protoc).",
            "",
            "Runs protoc with --java_out (protobuf-java message classes) and the Kitex4j protoc plugin "
                    + "(for every service: its interfaces, client stub and server descriptors, for unary, "
                    + "client-, server- and bidirectional-streaming methods). Only the files named are "
                    + "generated, not the files they import.",
            ""
        },
        footer = {
            "",
            "protoc: --protoc, else $KITEX4J_PROTOC, else the protoc the build copied next",
            "to the kitex4j-cli jar (kitex4j-cli/target/protoc, from Maven Central).",
            "",
            "Examples:",
            "  kitex4j proto -o src/generated/java echo.proto",
            "  kitex4j proto -I proto -o gen proto/shop/shop.proto proto/shop/common/money.proto",
            "  kitex4j proto -I proto --no-java-out -o gen proto/echo.proto",
            "  kitex4j proto -I proto --kitex4j-opt service_package=echo.kitex -o gen proto/echo.proto",
            "",
            "Exit status: 0 success; 1 errors in the .proto files (protoc's messages are",
            "printed), a missing input, no usable protoc, an unwritable output (nothing is",
            "written then); 2 bad usage."
        })
final class ProtoCommand implements Callable<Integer> {

    static final String PROTOC_ENV = "KITEX4J_PROTOC";

    private final Path workingDir;
    private final Function<String, String> env;

    @Spec
    CommandSpec spec;

    @Option(names = {"-I", "--proto-path"}, paramLabel = "DIR",
            description = "Searches DIR for imports (protoc's -I). Repeatable, in order. Every FILE must lie"
                    + " under one of them; without -I the working directory is the import path.")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "OUT_DIR", required = true,
            description = "Writes the generated files under OUT_DIR, in directories per Java package"
                    + " (created when missing).")
    Path outDir;

    @Option(names = "--protoc", paramLabel = "PATH",
            description = "The protoc executable to run (default: $" + PROTOC_ENV + ", else the one next to the CLI's jar).")
    Path protoc;

    @Option(names = "--java-out", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also generates the message classes with protoc's --java_out (default);"
                    + " --no-java-out generates only the service classes.")
    boolean javaOut = true;

    @Option(names = "--kitex4j-opt", paramLabel = "K=V",
            description = "Passes a parameter to the Kitex4j protoc plugin (protoc's --kitex4j_opt). Repeatable"
                    + " (joined with commas). service_package=PKG puts the service classes into Java package PKG"
                    + " (messages stay in the file's package); generated_annotation=false; javadoc=false.")
    List<String> pluginOptions = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Lists every generated file.")
    boolean verbose;

    @Parameters(paramLabel = "FILE.proto", arity = "1..*", description = "The .proto files to compile.")
    List<Path> files = new ArrayList<>();

    ProtoCommand(Path workingDir, Function<String, String> env) {
        this.workingDir = workingDir;
        this.env = env;
    }

    /** Which protoc runs and why: {@code --protoc}, the environment, or the copy next to the jar. */
    record ProtocChoice(Path path, String origin) {
        @Override
        public String toString() {
            return path + " (" + origin + ")";
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            Path file = workingDir.resolve(f).normalize();
            if (Files.isDirectory(file)) {
                problems.add(f + ": is a directory, not a .proto file");
            } else if (!Files.isRegularFile(file)) {
                problems.add(f + ": no such file");
            } else if (!Files.isReadable(file)) {
                problems.add(f + ": cannot read file: permission denied");
            }
        }
        for (Path d : includeDirs) {
            Path dir = workingDir.resolve(d).normalize();
            if (!Files.isDirectory(dir)) {
                problems.add(d + ": import directory (-I) " + (Files.exists(dir) ? "is not a directory" : "does not exist"));
            }
        }
        Path output = workingDir.resolve(outDir).normalize();
        if (Files.exists(output) && !Files.isDirectory(output)) {
            problems.add(outDir + ": output directory (-o) is a file");
        } else if (Files.isDirectory(output) && !Files.isWritable(output)) {
            problems.add(outDir + ": output directory (-o) is not writable");
        }
        ProtocChoice choice = null;
        if (problems.isEmpty()) {
            try {
                choice = chooseProtoc();
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("kitex4j: error: " + p));
            return 1;
        }

        Path temp = null;
        try {
            temp = Files.createTempDirectory("kitex4j-proto-");
            Path generated = Files.createDirectories(temp.resolve("out"));
            Path launcher = ProtocTools.writePluginLauncher(temp.resolve("bin"), ProtocTools.currentJava(),
                    ProtocTools.pluginClassPath());
            Path wellKnownTypes = ProtocTools.extractWellKnownTypes(temp.resolve("include"));

            List<String> args = new ArrayList<>();
            if (includeDirs.isEmpty()) {
                args.add("-I" + workingDir);
            }
            includeDirs.forEach(d -> args.add("-I" + d));
            args.add("-I" + wellKnownTypes);
            args.add("--plugin=" + ProtocTools.PLUGIN_NAME + "=" + launcher);
            if (javaOut) {
                args.add("--java_out=" + generated);
            }
            args.add("--kitex4j_out=" + generated);
            if (!pluginOptions.isEmpty()) {
                args.add("--kitex4j_opt=" + String.join(",", pluginOptions));
            }
            files.forEach(f -> args.add(f.toString()));

            ProtocTools.ProtocRun run;
            try {
                run = ProtocTools.runProtoc(choice.path(), args, workingDir);
            } catch (IOException e) {
                err.println("kitex4j: error: cannot run protoc " + choice + ": " + e.getMessage());
                return 1;
            }
            if (!run.output().isEmpty()) {
                err.print(run.output().endsWith("\n") ? run.output() : run.output() + "\n");
            }
            if (run.exitStatus() != 0) {
                err.println("kitex4j: protoc failed (exit status " + run.exitStatus() + ", protoc " + choice + "); nothing written");
                return 1;
            }

            List<String> written = relativeFiles(generated);
            List<String> unchanged = new ArrayList<>();
            try {
                Files.createDirectories(output);
                for (String f : written) {
                    Path source = generated.resolve(f);
                    Path target = output.resolve(f);
                    if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(source))) {
                        unchanged.add(f);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                err.println("kitex4j: error: cannot write to " + outDir + ": " + describe(e));
                return 1;
            }
            if (verbose) {
                for (String f : written) {
                    out.println((unchanged.contains(f) ? "  unchanged " : "  wrote     ") + f);
                }
            }
            int n = written.size();
            out.println(n + (n == 1 ? " file" : " files") + " written to " + outDir
                    + (unchanged.isEmpty() ? "" : " (" + unchanged.size() + " unchanged)"));
            return 0;
        } catch (IOException e) {
            err.println("kitex4j: error: " + describe(e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("kitex4j: error: interrupted while protoc ran");
            return 1;
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    /** {@code --protoc}, else {@code $KITEX4J_PROTOC}, else the protoc next to the CLI's jar. */
    ProtocChoice chooseProtoc() {
        if (protoc != null) {
            return checked(new ProtocChoice(workingDir.resolve(protoc).normalize(), "from --protoc"));
        }
        String fromEnv = env.apply(PROTOC_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return checked(new ProtocChoice(workingDir.resolve(fromEnv.strip()).normalize(), "from " + PROTOC_ENV));
        }
        Path bundled = bundledProtoc();
        if (bundled == null || !Files.isRegularFile(bundled)) {
            throw new IllegalStateException("no protoc: give --protoc PATH or set " + PROTOC_ENV
                    + (bundled == null ? "" : " (there is no protoc at " + bundled + ", where the kitex4j-cli build puts one)"));
        }
        return checked(new ProtocChoice(bundled, "next to the kitex4j-cli jar"));
    }

    private static ProtocChoice checked(ProtocChoice c) {
        if (!Files.isRegularFile(c.path())) {
            throw new IllegalStateException("protoc " + c + " does not exist");
        }
        if (!ProtocTools.ensureExecutable(c.path())) {
            throw new IllegalStateException("protoc " + c + " is not executable");
        }
        return c;
    }

    /** Where the build copies protoc: beside the jar (or the class directory) this command was loaded from. */
    static Path bundledProtoc() {
        try {
            Path codeSource = ProtocTools.codeSource(ProtoCommand.class);
            return codeSource.resolveSibling(ProtocTools.isWindows() ? "protoc.exe" : "protoc");
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static List<String> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
