package io.kitex4j.codegen.gen;

import io.kitex4j.codegen.CompileOptions;
import io.kitex4j.codegen.GeneratedFile;
import io.kitex4j.codegen.ThriftCompiler;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Test helpers: generating Java from IDL, compiling it in-process, loading it. */
final class GeneratedCode {
    private GeneratedCode() {}

    /** javac options for generated code: every lint, warnings are errors. */
    static final List<String> STRICT = List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17", "-encoding", "UTF-8");

    /** A file of the repository's testdata directory. */
    static Path testdata(String file) {
        String dir = System.getProperty("kitex4j.testdata");
        Path base = dir != null ? Path.of(dir) : Path.of("..", "testdata");
        return base.resolve(file).toAbsolutePath().normalize();
    }

    /** A file or directory under src/test/resources. */
    static Path resource(String relative) {
        try {
            URL url = GeneratedCode.class.getResource("/" + relative);
            if (url == null) {
                throw new IllegalArgumentException("no test resource " + relative);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The examples module's echo.thrift as it is now. */
    static Path echoThrift() {
        return testdata("../kitex4j-examples/src/main/thrift/echo.thrift");
    }

    /** The echo.thrift the hand-written echo classes were written for (a snapshot). */
    static Path echoThriftSnapshot() {
        return resource("gen/echo-handwritten/echo.thrift");
    }

    /** The corpus IDLs, with their include directory. */
    static List<Path> corpus() {
        Path dir = resource("idl/corpus");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".thrift")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CompileOptions corpusOptions() {
        return CompileOptions.builder().includeDir(resource("idl/corpus/common")).build();
    }

    static ThriftCompiler.Result generate(List<Path> idl, CompileOptions options) {
        try {
            return ThriftCompiler.compile(idl, options);
        } catch (Exception e) {
            throw new AssertionError("generation failed: " + e.getMessage(), e);
        }
    }

    /** The class path of this test run, existing entries only (javac's path lint warns about missing ones). */
    static List<File> testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return Arrays.stream(cp.split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(File::new)
                .filter(File::exists)
                .toList();
    }

    /** Writes {@code files} under {@code dir} and returns the Java sources among them. */
    static List<Path> write(List<GeneratedFile> files, Path dir) {
        List<Path> sources = new ArrayList<>();
        try {
            for (GeneratedFile f : files) {
                Path p = dir.resolve(f.relativePath());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.content(), StandardCharsets.UTF_8);
                if (p.toString().endsWith(".java")) {
                    sources.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** Every .java file under {@code dir}. */
    static List<Path> sourcesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcome of a javac run: success and the diagnostics, printed. */
    record JavacResult(boolean success, List<String> diagnostics) {
        String report() {
            return String.join("\n", diagnostics);
        }
    }

    /** Compiles {@code sources} into {@code out} against the test class path plus {@code extraClassPath}. */
    static JavacResult javac(List<Path> sources, Path out, List<String> options, List<Path> extraClassPath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            List<File> cp = new ArrayList<>();
            extraClassPath.forEach(p -> cp.add(p.toFile()));
            cp.addAll(testClassPath());
            fm.setLocation(javax.tools.StandardLocation.CLASS_PATH, cp);
            fm.setLocation(javax.tools.StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(sources);
            boolean ok = compiler.getTask(null, fm, diagnostics, options, null, units).call();
            List<String> printed = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() != Diagnostic.Kind.NOTE || !ok)
                    .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ")
                            + d.getMessage(Locale.ROOT))
                    .collect(Collectors.toList());
            return new JavacResult(ok, printed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class loader over compiled classes, child of the test class loader. */
    static URLClassLoader loader(Path... dirs) {
        URL[] urls = Arrays.stream(dirs).map(d -> {
            try {
                return d.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }).toArray(URL[]::new);
        return new URLClassLoader(urls, GeneratedCode.class.getClassLoader());
    }

    /**
     * Generated code for some IDL, compiled strictly, plus test drivers compiled against it, loaded
     * in one class loader. Close it to release the loader.
     */
    static final class Compiled implements AutoCloseable {
        final ThriftCompiler.Result result;
        final JavacResult generatedJavac;
        final JavacResult driverJavac;
        final URLClassLoader loader;

        Compiled(ThriftCompiler.Result result, JavacResult generatedJavac, JavacResult driverJavac, URLClassLoader loader) {
            this.result = result;
            this.generatedJavac = generatedJavac;
            this.driverJavac = driverJavac;
            this.loader = loader;
        }

        /**
         * Generates {@code idl}, compiles it with {@link #STRICT} options, then compiles the drivers
         * under {@code drivers/<driverDir>} (if any) against it.
         */
        static Compiled of(List<Path> idl, CompileOptions options, Path work, String driverDir) {
            ThriftCompiler.Result result = generate(idl, options);
            Path src = work.resolve("generated");
            Path classes = work.resolve("classes");
            List<Path> sources = write(result.files(), src);
            JavacResult generated = javac(sources, classes, STRICT, List.of());
            JavacResult drivers = null;
            Path driverClasses = work.resolve("driver-classes");
            if (generated.success() && driverDir != null) {
                List<Path> driverSources = new ArrayList<>(sourcesUnder(resource("gen/drivers/common")));
                driverSources.addAll(sourcesUnder(resource("gen/drivers/" + driverDir)));
                drivers = javac(driverSources, driverClasses,
                        List.of("-proc:none", "--release", "17", "-encoding", "UTF-8", "-Xlint:all"), List.of(classes));
            }
            return new Compiled(result, generated, drivers, loader(classes, driverClasses));
        }

        Class<?> load(String name) {
            try {
                return Class.forName(name, true, loader);
            } catch (ClassNotFoundException e) {
                throw new AssertionError("generated class missing: " + name, e);
            }
        }

        @Override
        public void close() throws IOException {
            loader.close();
        }
    }
}
