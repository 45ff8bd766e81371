package io.kitex4j.maven;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import io.kitex4j.protoc.PluginMain;
import io.kitex4j.protoc.ProtocTools;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Generates Java from the .proto files in {@code src/main/proto} into
 * {@code target/generated-sources/kitex4j-proto} and adds that directory to the compile source
 * roots: protoc's {@code java_out} (the message classes) and the Kitex4j protoc plugin (the
 * service classes). protoc is resolved from the project's repositories as
 * {@code com.google.protobuf:protoc:VERSION:exe:OS-ARCH} (as the usual protobuf Maven plugins do),
 * or given with {@code protocExecutable}; the plugin runs as this JVM's java on this Maven
 * plugin's own class path. Incremental like {@code generate}: nothing is done while no .proto
 * file read (including imports), option, protoc or generator changed.
 *
 * <p>Configuration: see the module's README (protoSourceRoot, includes, excludes,
 * importDirectories, outputDirectory, protocVersion, protocExecutable, javaOut, pluginOptions, skip).
 */
@Mojo(name = "generate-proto", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateProtoMojo extends AbstractMojo {

    static final String DEFAULT_INCLUDE = "**/*.proto";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution mojoExecution;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
    List<RemoteRepository> remoteRepositories;

    /** Maven's resolver (the way the protobuf Maven plugins resolve protoc). */
    @SuppressWarnings("deprecation") // @Component (JSR-330 is preferred now) works on every Maven this plugin supports
    @Component
    RepositorySystem repositorySystem;

    /** The directory holding the .proto files; the first directory of protoc's import path. */
    @Parameter(property = "kitex4j.protoSourceRoot", defaultValue = "${project.basedir}/src/main/proto")
    File protoSourceRoot;

    /** Which files under {@code protoSourceRoot} to compile (Ant patterns); default {@code **}{@code /*.proto}. */
    @Parameter
    List<String> includes;

    /** Which files under {@code protoSourceRoot} not to compile (Ant patterns); they can still be imported. */
    @Parameter
    List<String> excludes;

    /** More directories of protoc's import path ({@code -I}), searched after {@code protoSourceRoot}, in order. */
    @Parameter
    List<File> importDirectories;

    /** Where the Java files are written; added to the compile source roots. */
    @Parameter(property = "kitex4j.protoOutputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/kitex4j-proto")
    File outputDirectory;

    /** The version of the protoc artifact to resolve; default: the protobuf version this plugin was built with. */
    @Parameter(property = "kitex4j.protocVersion")
    String protocVersion;

    /** A protoc executable to run instead of resolving the artifact. */
    @Parameter(property = "kitex4j.protocExecutable")
    File protocExecutable;

    /** Whether protoc's {@code java_out} generates the message classes too ({@code false}: only the service classes). */
    @Parameter(property = "kitex4j.javaOut", defaultValue = "true")
    boolean javaOut = true;

    /**
     * Parameters of the Kitex4j protoc plugin, {@code K=V} separated by commas (e.g.
     * {@code service_package=echo.kitex,javadoc=false}), passed as {@code --kitex4j_opt=...}; the
     * plugin checks them (an unknown key or bad value fails the build). Whitespace around the
     * items is dropped.
     */
    @Parameter(property = "kitex4j.pluginOptions")
    String pluginOptions;

    /** Skips generation (and does not add the output directory to the source roots). */
    @Parameter(property = "kitex4j.skip", defaultValue = "false")
    boolean skip;

    /** Where the record of the last generation, protoc and the plugin launcher are kept. */
    @Parameter(defaultValue = "${project.build.directory}/kitex4j-maven-plugin")
    File stateDirectory;

    /** A protoc to run and how to name it in messages and in the build state. */
    record Protoc(Path path, String description, String identity) {}

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping protobuf code generation (kitex4j.skip)");
            return;
        }
        Path sourceRoot = protoSourceRoot.toPath().toAbsolutePath().normalize();
        Path outputDir = outputDirectory.toPath().toAbsolutePath().normalize();
        List<Path> roots;
        try {
            roots = AntPatterns.scan(sourceRoot,
                    includes == null || includes.isEmpty() ? List.of(DEFAULT_INCLUDE) : includes,
                    excludes == null ? List.of() : excludes);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("cannot list the .proto files in " + sourceRoot + ": " + e.getCause().getMessage(), e);
        }
        if (roots.isEmpty()) {
            getLog().info("No .proto files in " + sourceRoot + "; nothing to generate");
            return;
        }
        List<Path> importPath = new ArrayList<>();
        importPath.add(sourceRoot);
        for (File dir : importDirectories == null ? List.<File>of() : importDirectories) {
            Path d = dir.toPath().toAbsolutePath().normalize();
            if (!Files.isDirectory(d)) {
                throw new MojoExecutionException("importDirectory " + d + " is not a directory");
            }
            importPath.add(d);
        }
        Path work = stateDirectory().toPath().toAbsolutePath().normalize();
        Protoc protoc = protoc(work);

        List<String> config = configuration(roots, importPath, outputDir, protoc);
        Path stateFile = stateFile();
        Optional<BuildState> previous = BuildState.read(stateFile);
        try {
            if (previous.isPresent()) {
                Optional<String> stale = previous.get().staleReason(config, outputDir);
                if (stale.isEmpty()) {
                    getLog().info("Generated sources are up to date (" + roots.size() + " .proto "
                            + (roots.size() == 1 ? "file" : "files") + " in " + display(sourceRoot) + ")");
                    project.addCompileSourceRoot(outputDir.toString());
                    return;
                }
                getLog().info("Generating again: " + stale.get());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot check whether " + outputDir + " is up to date: " + e.getMessage(), e);
        }

        String id = executionId();
        Path temp = work.resolve("generate-proto-" + id + ".tmp");
        try {
            deleteTree(temp);
            Path generated = Files.createDirectories(temp.resolve("out"));
            Path descriptors = temp.resolve("descriptors.pb");
            Path wellKnownTypes = ProtocTools.extractWellKnownTypes(work.resolve("protoc-include"));
            Path launcher = ProtocTools.writePluginLauncher(work.resolve("protoc-plugin-" + id), ProtocTools.currentJava(),
                    ProtocTools.pluginClassPath());

            List<String> args = new ArrayList<>();
            importPath.forEach(d -> args.add("-I" + d));
            args.add("-I" + wellKnownTypes);
            args.add("--plugin=" + ProtocTools.PLUGIN_NAME + "=" + launcher);
            if (javaOut) {
                args.add("--java_out=" + generated);
            }
            args.add("--kitex4j_out=" + generated);
            String options = pluginOptions();
            if (!options.isEmpty()) {
                args.add("--kitex4j_opt=" + options);
            }
            args.add("--descriptor_set_out=" + descriptors);
            args.add("--include_imports");
            roots.forEach(r -> args.add(r.toString()));

            if (getLog().isDebugEnabled()) {
                getLog().debug("Running " + protoc.path() + " " + String.join(" ", args));
            }
            ProtocTools.ProtocRun run;
            try {
                run = ProtocTools.runProtoc(protoc.path(), args, basedir());
            } catch (IOException e) {
                throw new MojoExecutionException("cannot run protoc " + protoc.description() + ": " + e.getMessage(), e);
            }
            List<String> lines = run.output().lines().map(l -> relativize(l, importPath)).toList();
            if (run.exitStatus() != 0) {
                lines.forEach(l -> getLog().error(l));
                throw new MojoFailureException("protoc failed (exit status " + run.exitStatus() + ", protoc "
                        + protoc.description() + "):\n" + String.join("\n", lines));
            }
            lines.forEach(l -> getLog().warn(l));

            List<Path> inputs = inputs(descriptors, importPath, wellKnownTypes);
            List<String> outputs = relativeFiles(generated);
            int unchanged = 0;
            for (String f : outputs) {
                Path source = generated.resolve(f);
                Path target = outputDir.resolve(f);
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(source))) {
                    unchanged++;
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
            int removed = removeObsolete(previous, config, outputs, outputDir);
            BuildState.of(config, inputs, outputs).write(stateFile);
            getLog().info(String.format("Generated %d Java %s from %d .proto %s into %s (%d unchanged%s)",
                    outputs.size(), outputs.size() == 1 ? "file" : "files",
                    roots.size(), roots.size() == 1 ? "file" : "files", display(outputDir), unchanged,
                    removed == 0 ? "" : ", " + removed + " obsolete removed"));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot generate into " + outputDir + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while protoc ran", e);
        } finally {
            deleteTree(temp);
        }
        project.addCompileSourceRoot(outputDir.toString());
    }

    /** {@code protocExecutable}, or the protoc artifact resolved and copied under {@code work/protoc}. */
    Protoc protoc(Path work) throws MojoExecutionException {
        if (protocExecutable != null) {
            Path p = protocExecutable.toPath().toAbsolutePath().normalize();
            if (!Files.isRegularFile(p)) {
                throw new MojoExecutionException("protocExecutable " + p + " does not exist");
            }
            if (!ProtocTools.ensureExecutable(p)) {
                throw new MojoExecutionException("protocExecutable " + p + " is not executable");
            }
            try {
                return new Protoc(p, p + " (protocExecutable)", "executable " + p + " " + Files.size(p) + " "
                        + Files.getLastModifiedTime(p).toMillis());
            } catch (IOException e) {
                throw new MojoExecutionException("cannot read protocExecutable " + p + ": " + e.getMessage(), e);
            }
        }
        String version = protocVersion == null || protocVersion.isBlank() ? defaultProtocVersion() : protocVersion.strip();
        String classifier;
        try {
            classifier = ProtocTools.osClassifier();
        } catch (IllegalStateException e) {
            throw new MojoExecutionException(e.getMessage() + "; set <protocExecutable> to a protoc for this machine", e);
        }
        Artifact artifact = new DefaultArtifact("com.google.protobuf", "protoc", classifier, "exe", version);
        String coordinates = "com.google.protobuf:protoc:" + version + ":exe:" + classifier;
        if (repositorySystem == null || repositorySession == null) {
            throw new MojoExecutionException("cannot resolve " + coordinates + ": no repository system; set <protocExecutable>");
        }
        File resolved;
        try {
            resolved = repositorySystem.resolveArtifact(repositorySession,
                    new ArtifactRequest(artifact, remoteRepositories == null ? List.of() : remoteRepositories, null))
                    .getArtifact().getFile();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("cannot resolve protoc " + coordinates + " from the repositories ("
                    + e.getMessage() + "); check protocVersion, or set <protocExecutable> to a local protoc", e);
        }
        // A copy of our own, made executable: the local repository's file is left as it is.
        Path copy = work.resolve("protoc").resolve(resolved.getName());
        try {
            Path source = resolved.toPath();
            if (!Files.isRegularFile(copy) || Files.size(copy) != Files.size(source)
                    || !Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(source))) {
                Files.createDirectories(copy.getParent());
                Path tmp = Files.createTempFile(copy.getParent(), "protoc", ".tmp");
                Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot copy protoc " + resolved + " to " + copy + ": " + e.getMessage(), e);
        }
        if (!ProtocTools.ensureExecutable(copy)) {
            throw new MojoExecutionException("cannot make " + copy + " executable");
        }
        return new Protoc(copy, coordinates + " (" + copy + ")", "artifact " + coordinates);
    }

    /** The protobuf version this plugin was built with (its protoc default). */
    static String defaultProtocVersion() throws MojoExecutionException {
        try (InputStream in = GenerateProtoMojo.class.getResourceAsStream("kitex4j-maven-plugin.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("protobuf.version", "");
            if (v.isEmpty() || v.startsWith("${")) {
                throw new MojoExecutionException("the plugin does not know its protobuf version; set <protocVersion>");
            }
            return v;
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the plugin's protobuf version: " + e.getMessage(), e);
        }
    }

    /** Everything that, when changed, makes the previous output stale (besides the .proto content). */
    List<String> configuration(List<Path> roots, List<Path> importPath, Path outputDir, Protoc protoc) {
        List<String> c = new ArrayList<>();
        c.add("generator " + AbstractGenerateMojo.identity(PluginMain.class) + " " + AbstractGenerateMojo.identity(getClass()));
        c.add("protoc " + protoc.identity());
        c.add("outputDirectory " + outputDir);
        c.add("javaOut " + javaOut);
        c.add("pluginOptions " + pluginOptions());
        importPath.forEach(d -> c.add("importDirectory " + d));
        roots.forEach(r -> c.add("root " + r));
        return c;
    }

    /** {@code pluginOptions} with the whitespace around its items dropped; empty when not set. */
    String pluginOptions() {
        if (pluginOptions == null || pluginOptions.isBlank()) {
            return "";
        }
        return Arrays.stream(pluginOptions.split(",", -1)).map(String::strip).collect(Collectors.joining(","));
    }

    /** The files protoc read: every file of the descriptor set, found on the import path as protoc found it. */
    private static List<Path> inputs(Path descriptors, List<Path> importPath, Path wellKnownTypes) throws IOException {
        FileDescriptorSet set;
        try (InputStream in = Files.newInputStream(descriptors)) {
            set = FileDescriptorSet.parseFrom(in);
        }
        List<Path> dirs = new ArrayList<>(importPath);
        dirs.add(wellKnownTypes);
        Set<Path> files = new LinkedHashSet<>();
        for (FileDescriptorProto f : set.getFileList()) {
            for (Path d : dirs) {
                Path candidate = d.resolve(f.getName()).normalize();
                if (Files.isRegularFile(candidate)) {
                    files.add(candidate.toRealPath());
                    break;
                }
            }
        }
        return files.stream().sorted().toList();
    }

    private static final Pattern DIAGNOSTIC = Pattern.compile("^([^:\\s][^:]*\\.proto)(:.*)$");

    /** A protoc message line with its file (a name on the import path) shown relative to the project. */
    String relativize(String line, List<Path> importPath) {
        Matcher m = DIAGNOSTIC.matcher(line);
        if (!m.matches()) {
            return line;
        }
        for (Path d : importPath) {
            Path candidate = d.resolve(m.group(1)).normalize();
            if (Files.isRegularFile(candidate)) {
                return display(candidate) + m.group(2);
            }
        }
        return line;
    }

    /** Deletes files the previous generation into the same directory wrote and this one did not. */
    private int removeObsolete(Optional<BuildState> previous, List<String> config, List<String> outputs, Path outputDir)
            throws IOException {
        if (previous.isEmpty() || !previous.get().config().contains("outputDirectory " + outputDir)
                || !config.contains("outputDirectory " + outputDir)) {
            return 0;
        }
        Set<String> now = new HashSet<>(outputs);
        int removed = 0;
        for (String old : previous.get().outputs()) {
            Path p = outputDir.resolve(old).normalize();
            if (!now.contains(old) && p.startsWith(outputDir) && Files.deleteIfExists(p)) {
                if (getLog().isDebugEnabled()) {
                    getLog().debug("Removed obsolete generated file " + p);
                }
                removed++;
            }
        }
        return removed;
    }

    private File stateDirectory() {
        return stateDirectory != null ? stateDirectory : new File(project.getBuild().getDirectory(), "kitex4j-maven-plugin");
    }

    private String executionId() {
        String id = mojoExecution == null ? "default" : mojoExecution.getExecutionId();
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    Path stateFile() {
        String goal = mojoExecution == null ? "generate-proto" : mojoExecution.getGoal();
        return stateDirectory().toPath().resolve(goal + "-" + executionId() + ".state");
    }

    private Path basedir() {
        File b = project == null ? null : project.getBasedir();
        return (b == null ? new File(".") : b).toPath().toAbsolutePath().normalize();
    }

    private Path display(Path file) {
        Path base = basedir();
        for (Path b : List.of(base, realOrSelf(base))) {
            if (file.startsWith(b) && !file.equals(b)) {
                return b.relativize(file);
            }
        }
        return file;
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static List<String> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left for the next run (which deletes it first) or mvn clean
        }
    }
}
