package io.kitex4j.protoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Test helpers: the real protoc (from Maven Central, copied into {@code target/protoc} by the build)
 * running this module's plugin as a real protoc plugin, and javac in-process.
 */
public final class Protoc {
    private Protoc() {}

    /** javac options for our generated code: every lint, warnings are errors. */
    public static final List<String> STRICT = List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17", "-encoding", "UTF-8");

    /** javac options for protoc's own java_out (not ours to lint). */
    public static final List<String> LENIENT = List.of("-nowarn", "-Xlint:none", "-proc:none", "--release", "17", "-encoding", "UTF-8");

    /** The protoc executable, made executable if the copy lost the bit. */
    public static Path protoc() {
        Path p = Path.of(System.getProperty("kitex4j.protoc", "target/protoc/protoc")).toAbsolutePath();
        assertThat(p).as("protoc (copied from Maven Central by the build)").isRegularFile();
        if (!Files.isExecutable(p)) {
            assertThat(p.toFile().setExecutable(true)).as("chmod +x " + p).isTrue();
        }
        return p;
    }

    /** A directory of src/test/resources. */
    public static Path resource(String relative) {
        try {
            URL url = Protoc.class.getResource("/" + relative);
            if (url == null) {
                throw new IllegalArgumentException("no test resource " + relative);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The test protos: src/test/resources/protos. */
    public static Path protos() {
        return resource("protos");
    }

    /** The gRPC interop protos unpacked from grpc-interop-testing by the build (holds grpc/testing/*.proto). */
    public static Path grpcInteropProtos() {
        Path p = Path.of(System.getProperty("kitex4j.test.protos", "target/test-protos")).resolve("grpc-interop").toAbsolutePath();
        assertThat(p.resolve("grpc/testing/test.proto")).as("unpacked from io.grpc:grpc-interop-testing").isRegularFile();
        return p;
    }

    /** The class path of this test run, existing entries only. */
    public static List<File> testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(File::new)
                .filter(File::exists).toList();
    }

    /** Writes {@code protoc-gen-kitex4j} into {@code dir}: this JVM's java with the test class path on {@link PluginMain}. */
    public static Path launcher(Path dir) {
        try {
            return ProtocTools.writePluginLauncher(dir, ProtocTools.currentJava(),
                    testClassPath().stream().map(File::toPath).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The well-known types, extracted from protobuf-java under {@code work/wkt}. */
    public static Path wellKnownTypes(Path work) {
        try {
            return ProtocTools.extractWellKnownTypes(work.resolve("wkt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a process did. */
    public record Result(int status, String out, String err) {}

    /** Runs protoc with {@code args} (plus {@code --plugin=protoc-gen-kitex4j=...} pointing at a launcher in {@code work}). */
    public static Result run(Path work, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(protoc().toString());
        command.add("--plugin=protoc-gen-kitex4j=" + launcher(work.resolve("bin")));
        command.addAll(args);
        return exec(work, command);
    }

    public static Result exec(Path workingDir, List<String> command) {
        try {
            Path out = Files.createTempFile("protoc-out", ".txt");
            Path err = Files.createTempFile("protoc-err", ".txt");
            try {
                Process p = new ProcessBuilder(command).directory(workingDir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished within 120 s: " + command).isTrue();
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * protoc {@code -I root --java_out=javaOut --kitex4j_out=kitexOut files}; fails the test when
     * protoc fails.
     */
    public static void generate(Path work, Path root, Path javaOut, Path kitexOut, List<String> files) {
        generate(work, root, javaOut, kitexOut, files, "");
    }

    /** As {@link #generate(Path, Path, Path, Path, List)}, with {@code --kitex4j_opt=parameter} unless it is empty. */
    public static void generate(Path work, Path root, Path javaOut, Path kitexOut, List<String> files, String parameter) {
        try {
            Files.createDirectories(javaOut);
            Files.createDirectories(kitexOut);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("-I" + root, "-I" + wellKnownTypes(work),
                "--java_out=" + javaOut, "--kitex4j_out=" + kitexOut));
        if (!parameter.isEmpty()) {
            args.add("--kitex4j_opt=" + parameter);
        }
        files.forEach(f -> args.add(root.resolve(f).toString()));
        Result r = run(work, args);
        assertThat(r.status()).as("protoc failed:\n" + r.err()).isZero();
        assertThat(r.err()).isEmpty();
    }

    /**
     * The descriptors protoc makes of {@code files} (under {@code root}) and everything they import,
     * with source info: what protoc puts in a {@code CodeGeneratorRequest}.
     */
    public static com.google.protobuf.DescriptorProtos.FileDescriptorSet descriptorSet(Path work, Path root, List<String> files) {
        Path set = work.resolve("descriptors-" + System.nanoTime() + ".pb");
        List<String> command = new ArrayList<>(List.of(protoc().toString(), "-I" + root, "-I" + wellKnownTypes(work),
                "--include_imports", "--include_source_info", "--descriptor_set_out=" + set));
        files.forEach(f -> command.add(root.resolve(f).toString()));
        Result r = exec(work, command);
        assertThat(r.status()).as("protoc failed:\n" + r.err()).isZero();
        try {
            return com.google.protobuf.DescriptorProtos.FileDescriptorSet.parseFrom(Files.readAllBytes(set));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request as protoc would send it for {@code files} of {@code set}, with {@code parameter}. */
    public static com.google.protobuf.compiler.PluginProtos.CodeGeneratorRequest request(
            com.google.protobuf.DescriptorProtos.FileDescriptorSet set, List<String> files, String parameter) {
        return com.google.protobuf.compiler.PluginProtos.CodeGeneratorRequest.newBuilder()
                .addAllFileToGenerate(files)
                .setParameter(parameter)
                .addAllProtoFile(set.getFileList())
                .setCompilerVersion(com.google.protobuf.compiler.PluginProtos.Version.newBuilder().setMajor(3).setMinor(25).setPatch(8))
                .build();
    }

    /** Every file under {@code dir}, relative, with {@code /}, sorted. */
    public static List<String> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every .java file under {@code dir}. */
    public static List<Path> sources(Path dir) {
        return files(dir).stream().filter(f -> f.endsWith(".java")).map(dir::resolve).toList();
    }

    /** The outcome of a javac run. */
    public record Javac(boolean success, List<String> diagnostics) {
        public String report() {
            return String.join("\n", diagnostics);
        }
    }

    /** Compiles {@code sources} into {@code out} against the test class path plus {@code extraClassPath}. */
    public static Javac javac(List<Path> sources, Path out, List<String> options, List<Path> extraClassPath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            List<File> cp = new ArrayList<>();
            extraClassPath.forEach(p -> cp.add(p.toFile()));
            cp.addAll(testClassPath());
            fm.setLocation(StandardLocation.CLASS_PATH, cp);
            fm.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
            boolean ok = compiler.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(sources)).call();
            List<String> printed = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() != Diagnostic.Kind.NOTE || !ok)
                    .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName()
                            + ":" + d.getLineNumber() + ": ") + d.getMessage(Locale.ROOT))
                    .toList();
            return new Javac(ok, printed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class loader over compiled classes, child of the test class loader. */
    public static URLClassLoader loader(Path... dirs) {
        URL[] urls = Arrays.stream(dirs).map(d -> {
            try {
                return d.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }).toArray(URL[]::new);
        return new URLClassLoader(urls, Protoc.class.getClassLoader());
    }

    /**
     * Generated code compiled: protoc's java_out leniently into {@code classes/messages}, ours
     * strictly against it into {@code classes/services}, and the optional drivers against both.
     */
    public record Compiled(Path javaOut, Path kitexOut, Javac messages, Javac services, Javac drivers, URLClassLoader loader)
            implements AutoCloseable {

        public static Compiled of(Path work, Path root, List<String> files, Path driverDir) {
            Path javaOut = work.resolve("java");
            Path kitexOut = work.resolve("kitex4j");
            generate(work, root, javaOut, kitexOut, files);
            Path messageClasses = work.resolve("classes/messages");
            Path serviceClasses = work.resolve("classes/services");
            Path driverClasses = work.resolve("classes/drivers");
            Javac messages = javac(sources(javaOut), messageClasses, LENIENT, List.of());
            assertThat(messages.success()).as("protoc's java_out compiles:\n" + messages.report()).isTrue();
            Javac services = javac(sources(kitexOut), serviceClasses, STRICT, List.of(messageClasses));
            assertThat(services.success()).as("kitex4j's output compiles without warnings:\n" + services.report()).isTrue();
            assertThat(services.diagnostics()).as("no warnings").isEmpty();
            Javac drivers = null;
            if (driverDir != null) {
                drivers = javac(sources(driverDir), driverClasses, STRICT, List.of(messageClasses, serviceClasses));
                assertThat(drivers.success()).as("drivers compile:\n" + drivers.report()).isTrue();
            }
            return new Compiled(javaOut, kitexOut, messages, services, drivers,
                    Protoc.loader(messageClasses, serviceClasses, driverClasses));
        }

        public Class<?> load(String name) {
            try {
                return Class.forName(name, true, loader);
            } catch (ClassNotFoundException e) {
                throw new AssertionError("no class " + name, e);
            }
        }

        public String kitexSource(String relative) {
            try {
                return Files.readString(kitexOut.resolve(relative));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            loader.close();
        }
    }
}
