package io.kitex4j.maven;

import io.kitex4j.codegen.CompileOptions;
import io.kitex4j.codegen.GeneratedFile;
import io.kitex4j.codegen.ThriftCompiler;
import io.kitex4j.codegen.plugin.PluginException;
import io.kitex4j.codegen.thrift.Diagnostic;
import io.kitex4j.codegen.thrift.IdlLoadException;
import io.kitex4j.codegen.thrift.ThriftIdlLoader;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import io.kitex4j.codegen.thrift.model.SourceLocation;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What {@code generate} and {@code generate-test} share: find the IDL files, skip when nothing
 * changed since the last run, compile with {@link ThriftCompiler}, write, remember what was done,
 * and add the output directory to the project's source roots.
 */
abstract class AbstractGenerateMojo extends AbstractMojo {

    static final String DEFAULT_INCLUDE = "**/*.thrift";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution mojoExecution;

    /** Which files under {@code sourceDirectory} to compile (Ant patterns); default {@code **}{@code /*.thrift}. */
    @Parameter
    List<String> includes;

    /** Which files under {@code sourceDirectory} not to compile (Ant patterns), e.g. files only meant to be included. */
    @Parameter
    List<String> excludes;

    /** Directories searched for included files ({@code -I}), after the including file's own directory. */
    @Parameter
    List<File> includeDirs;

    /** Generator plugins to run, each {@code NAME[:KEY=VALUE,...]}, in order. */
    @Parameter
    List<String> plugins;

    /** Whether files included by the IDL files are generated too (the CLI's {@code --no-recurse} sets false). */
    @Parameter(property = "kitex4j.generateIncludes", defaultValue = "true")
    boolean generateIncludes = true;

    /** Skips generation (and does not add the output directory to the source roots). */
    @Parameter(property = "kitex4j.skip", defaultValue = "false")
    boolean skip;

    /** Where the record of the last generation is kept, for incremental builds. */
    @Parameter(defaultValue = "${project.build.directory}/kitex4j-maven-plugin")
    File stateDirectory;

    /** The directory holding the IDL files. */
    abstract File sourceDirectory();

    /** Where the Java files are written. */
    abstract File outputDirectory();

    /** Adds the output directory to the project's (main or test) source roots. */
    abstract void addSourceRoot(MavenProject project, String dir);

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Thrift code generation (kitex4j.skip)");
            return;
        }
        Path sourceDir = sourceDirectory().toPath().toAbsolutePath().normalize();
        Path outputDir = outputDirectory().toPath().toAbsolutePath().normalize();
        List<Path> roots;
        try {
            roots = AntPatterns.scan(sourceDir,
                    includes == null || includes.isEmpty() ? List.of(DEFAULT_INCLUDE) : includes,
                    excludes == null ? List.of() : excludes);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("cannot list the IDL files in " + sourceDir + ": " + e.getCause().getMessage(), e);
        }
        if (roots.isEmpty()) {
            getLog().info("No Thrift IDL files in " + sourceDir + "; nothing to generate");
            return;
        }

        CompileOptions options = compileOptions();
        List<String> config = configuration(roots, options, outputDir);
        Path stateFile = stateFile();
        Optional<BuildState> previous = BuildState.read(stateFile);
        try {
            if (previous.isPresent()) {
                Optional<String> stale = previous.get().staleReason(config, outputDir);
                if (stale.isEmpty()) {
                    getLog().info("Generated sources are up to date (" + roots.size() + " Thrift "
                            + (roots.size() == 1 ? "file" : "files") + " in " + display(sourceDir) + ")");
                    addSourceRoot(project, outputDir.toString());
                    return;
                }
                getLog().info("Generating again: " + stale.get());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot check whether " + outputDir + " is up to date: " + e.getMessage(), e);
        }

        ThriftCompiler.Result result;
        List<Path> inputs;
        try {
            result = ThriftCompiler.compile(roots, options);
            // The files actually read (roots and everything they include), for the up-to-date check.
            inputs = ThriftIdlLoader.builder().includeDirs(options.includeDirs()).build().loadAll(roots)
                    .programs().stream().map(IdlProgram::path).sorted().toList();
        } catch (IdlLoadException e) {
            List<String> lines = e.diagnostics().stream().map(this::format).toList();
            lines.forEach(l -> getLog().error(l));
            int errors = e.errors().size();
            throw new MojoFailureException(errors + (errors == 1 ? " error" : " errors") + " in Thrift IDL:\n"
                    + String.join("\n", lines));
        } catch (PluginException e) {
            throw new MojoFailureException("Thrift code generation failed: " + e.getMessage(), e);
        }
        result.warnings().forEach(w -> getLog().warn(format(w)));

        int unchanged = 0;
        List<String> outputs = new ArrayList<>();
        try {
            for (GeneratedFile f : result.files()) {
                outputs.add(f.relativePath());
                Path target = outputDir.resolve(f.relativePath());
                if (Files.isRegularFile(target) && Files.readString(target).equals(f.content())) {
                    unchanged++;
                }
            }
            ThriftCompiler.write(result, outputDir);
            int removed = removeObsolete(previous, config, outputs, outputDir);
            BuildState.of(config, inputs, outputs).write(stateFile);
            getLog().info(String.format("Generated %d Java %s from %d Thrift %s into %s (%d unchanged%s)",
                    outputs.size(), outputs.size() == 1 ? "file" : "files",
                    roots.size(), roots.size() == 1 ? "file" : "files", display(outputDir), unchanged,
                    removed == 0 ? "" : ", " + removed + " obsolete removed"));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the generated sources to " + outputDir + ": " + e, e);
        }
        addSourceRoot(project, outputDir.toString());
    }

    /** The compile options from the parameters; a malformed or repeated plugin is a configuration error. */
    CompileOptions compileOptions() throws MojoExecutionException {
        CompileOptions.Builder b = CompileOptions.builder().generateIncludes(generateIncludes);
        if (includeDirs != null) {
            for (File dir : includeDirs) {
                Path d = dir.toPath().toAbsolutePath().normalize();
                if (!Files.isDirectory(d)) {
                    throw new MojoExecutionException("includeDir " + d + " is not a directory");
                }
                b.includeDir(d);
            }
        }
        Set<String> names = new HashSet<>();
        for (String text : plugins == null ? List.<String>of() : plugins) {
            PluginSpec spec;
            try {
                spec = PluginSpec.parse(text);
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("bad <plugin>" + text + "</plugin>: " + e.getMessage());
            }
            if (!names.add(spec.name())) {
                throw new MojoExecutionException("plugin '" + spec.name() + "' is configured twice;"
                        + " give all its options in one <plugin>" + spec.name() + ":KEY=VALUE,...</plugin>");
            }
            b.plugin(spec.name(), spec.options());
        }
        return b.build();
    }

    /** Everything that, when changed, makes the previous output stale (besides the IDL content). */
    List<String> configuration(List<Path> roots, CompileOptions options, Path outputDir) {
        List<String> c = new ArrayList<>();
        c.add("generator " + identity(ThriftCompiler.class) + " " + identity(getClass()));
        c.add("outputDirectory " + outputDir);
        c.add("generateIncludes " + options.generateIncludes());
        options.includeDirs().forEach(d -> c.add("includeDir " + d));
        options.plugins().forEach((name, opts) -> c.add("plugin " + new PluginSpec(name, opts)));
        roots.forEach(r -> c.add("root " + r));
        return c;
    }

    /** Content hashes of generator jars, by path, size and time: hashed once per JVM. */
    private static final Map<String, String> JAR_HASHES = new ConcurrentHashMap<>();

    /**
     * The code a class was loaded from: the SHA-256 of its jar (the same whether the jar comes
     * from the reactor or the local repository; different when the generator changes), or for a
     * class directory (a reactor build before {@code package}) a hash of its files' names, sizes
     * and times.
     */
    static String identity(Class<?> type) {
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return type.getName();
        }
        try {
            Path p = Path.of(cs.getLocation().toURI());
            if (Files.isDirectory(p)) {
                return p + "@" + directoryHash(p);
            }
            if (!Files.isRegularFile(p)) {
                return p.toString();
            }
            String key = p + "@" + Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
            String hash = JAR_HASHES.get(key);
            if (hash == null) {
                hash = BuildState.sha256(p);
                JAR_HASHES.put(key, hash);
            }
            return p.getFileName() + "@" + hash;
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            return cs.getLocation().toString();
        }
    }

    private static String directoryHash(Path dir) throws IOException {
        StringBuilder listing = new StringBuilder();
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                listing.append(dir.relativize(f)).append(' ').append(Files.size(f)).append(' ')
                        .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
            }
        }
        return BuildState.sha256(listing.toString());
    }

    /** Deletes files the previous generation into the same directory wrote and this one did not. */
    private int removeObsolete(Optional<BuildState> previous, List<String> config, List<String> outputs, Path outputDir)
            throws IOException {
        if (previous.isEmpty() || !sameOutputDirectory(previous.get().config(), config)) {
            return 0;
        }
        Set<String> now = new HashSet<>(outputs);
        int removed = 0;
        for (String old : previous.get().outputs()) {
            Path p = outputDir.resolve(old).normalize();
            if (!now.contains(old) && p.startsWith(outputDir) && Files.deleteIfExists(p)) {
                getLog().debug("Removed obsolete generated file " + p);
                removed++;
            }
        }
        return removed;
    }

    private static boolean sameOutputDirectory(List<String> a, List<String> b) {
        return a.stream().filter(l -> l.startsWith("outputDirectory ")).toList()
                .equals(b.stream().filter(l -> l.startsWith("outputDirectory ")).toList());
    }

    Path stateFile() {
        String id = mojoExecution == null ? "default" : mojoExecution.getExecutionId();
        String goal = mojoExecution == null ? "generate" : mojoExecution.getGoal();
        File dir = stateDirectory != null ? stateDirectory : new File(project.getBuild().getDirectory(), "kitex4j-maven-plugin");
        return dir.toPath().resolve(goal + "-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + ".state");
    }

    /** A diagnostic with its file relative to the project directory. */
    String format(Diagnostic d) {
        SourceLocation loc = d.location();
        return new SourceLocation(display(loc.file()), loc.line(), loc.column()) + ": "
                + d.severity().label() + ": " + d.message();
    }

    private Path display(Path file) {
        File basedir = project == null ? null : project.getBasedir();
        if (basedir == null) {
            return file;
        }
        for (Path base : bases(basedir.toPath())) {
            if (file.startsWith(base) && !file.equals(base)) {
                return base.relativize(file);
            }
        }
        return file;
    }

    private static List<Path> bases(Path basedir) {
        List<Path> b = new ArrayList<>();
        b.add(basedir.toAbsolutePath().normalize());
        try {
            b.add(basedir.toRealPath());
        } catch (IOException ignored) {
            // not there: absolute paths are shown
        }
        return b;
    }
}
