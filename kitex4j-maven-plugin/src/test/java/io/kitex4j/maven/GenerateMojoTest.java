package io.kitex4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code generate} and {@code generate-test} goals with their fields set as Maven would. */
class GenerateMojoTest {

    static final String ECHO = """
            namespace java demo.echo
            struct EchoRequest {
              1: string message
            }
            service EchoService {
              EchoRequest echo(1: EchoRequest req)
            }
            """;

    @TempDir
    Path basedir;

    MavenProject project;
    RecordingLog log;

    /** Keeps what the mojo logs. */
    static final class RecordingLog extends SystemStreamLog {
        final List<String> info = new ArrayList<>();
        final List<String> warn = new ArrayList<>();
        final List<String> error = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            info.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
            warn.add(content.toString());
        }

        @Override
        public void error(CharSequence content) {
            error.add(content.toString());
        }
    }

    @BeforeEach
    void project() {
        project = new MavenProject();
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(basedir.resolve("target").toString());
        log = new RecordingLog();
    }

    GenerateMojo mojo() {
        GenerateMojo m = new GenerateMojo();
        m.project = project;
        m.sourceDirectory = basedir.resolve("src/main/thrift").toFile();
        m.outputDirectory = basedir.resolve("target/generated-sources/kitex4j").toFile();
        m.stateDirectory = basedir.resolve("target/kitex4j-maven-plugin").toFile();
        m.setLog(log);
        return m;
    }

    Path out() {
        return basedir.resolve("target/generated-sources/kitex4j");
    }

    Path idl(String relative, String text) throws IOException {
        Path p = basedir.resolve("src/main/thrift").resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    List<String> generated() throws IOException {
        try (Stream<Path> walk = Files.walk(out())) {
            return walk.filter(Files::isRegularFile).map(p -> out().relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    String lastInfo() {
        return log.info.get(log.info.size() - 1);
    }

    // ---- without generating

    @Test
    void skipDoesNothing() throws Exception {
        idl("echo.thrift", ECHO);
        GenerateMojo m = mojo();
        m.skip = true;
        m.execute();
        assertThat(project.getCompileSourceRoots()).isEmpty();
        assertThat(out()).doesNotExist();
        assertThat(log.info).containsExactly("Skipping Thrift code generation (kitex4j.skip)");
    }

    @Test
    void noIdlFilesIsNotAnError() throws Exception {
        mojo().execute();
        assertThat(project.getCompileSourceRoots()).isEmpty();
        assertThat(lastInfo()).startsWith("No Thrift IDL files in ");
    }

    @Test
    void idlErrorsFailTheBuildWithTheDiagnostics() throws IOException {
        idl("api/bad.thrift", "struct User {\n  1 i64 id\n  2: Missing m\n}\n");
        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("1 error in Thrift IDL:\nsrc/main/thrift/api/bad.thrift:2:5: error: expected ':' but found 'i64'");
        assertThat(log.error).containsExactly("src/main/thrift/api/bad.thrift:2:5: error: expected ':' but found 'i64'");
        assertThat(project.getCompileSourceRoots()).isEmpty();
        assertThat(basedir.resolve("target/kitex4j-maven-plugin")).doesNotExist();
    }

    @Test
    void malformedConfigurationIsReported() throws IOException {
        idl("echo.thrift", ECHO);
        GenerateMojo bad = mojo();
        bad.plugins = List.of("test-marker:a=1,,b");
        assertThatThrownBy(bad::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("bad <plugin>test-marker:a=1,,b</plugin>: empty option");
        GenerateMojo twice = mojo();
        twice.plugins = List.of("test-marker:a=1", "test-marker:b=2");
        assertThatThrownBy(twice::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("plugin 'test-marker' is configured twice");
        GenerateMojo noDir = mojo();
        noDir.includeDirs = List.of(basedir.resolve("nope").toFile());
        assertThatThrownBy(noDir::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("includeDir " + basedir.resolve("nope") + " is not a directory");
    }

    @Test
    void anUpToDateRecordSkipsTheCompiler() throws Exception {
        Path echo = idl("echo.thrift", ECHO);
        GenerateMojo m = mojo();
        // What a previous run would have recorded: same configuration, same IDL, outputs present.
        Path previous = out().resolve("demo/echo/EchoRequest.java");
        Files.createDirectories(previous.getParent());
        Files.writeString(previous, "// from the last run");
        List<String> config = m.configuration(List.of(echo), m.compileOptions(), out());
        BuildState.of(config, List.of(echo), List.of("demo/echo/EchoRequest.java")).write(m.stateFile());

        m.execute();
        assertThat(lastInfo()).isEqualTo("Generated sources are up to date (1 Thrift file in src/main/thrift)");
        assertThat(project.getCompileSourceRoots()).containsExactly(out().toString());
        assertThat(Files.readString(previous)).isEqualTo("// from the last run");
    }

    // ---- generating

    @Test
    void generatesAddsTheSourceRootAndIsIncremental() throws Exception {
        idl("echo.thrift", ECHO);
        mojo().execute();
        assertThat(project.getCompileSourceRoots()).containsExactly(out().toString());
        assertThat(generated()).contains("demo/echo/EchoRequest.java", "demo/echo/EchoService.java");
        int n = generated().size();
        assertThat(lastInfo()).isEqualTo("Generated " + n + " Java files from 1 Thrift file into"
                + " target/generated-sources/kitex4j (0 unchanged)");
        assertThat(basedir.resolve("target/kitex4j-maven-plugin/generate-default.state")).isRegularFile();

        Path request = out().resolve("demo/echo/EchoRequest.java");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(request, old);

        project();
        mojo().execute();
        assertThat(lastInfo()).isEqualTo("Generated sources are up to date (1 Thrift file in src/main/thrift)");
        assertThat(project.getCompileSourceRoots()).containsExactly(out().toString());
        assertThat(Files.getLastModifiedTime(request)).isEqualTo(old);
    }

    @Test
    void aChangedIdlFileRegeneratesAndUnchangedOutputsKeepTheirTime() throws Exception {
        Path echo = idl("echo.thrift", ECHO);
        mojo().execute();
        Path request = out().resolve("demo/echo/EchoRequest.java");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(request, old);

        Files.writeString(echo, ECHO + "struct Extra {\n  1: i32 x\n}\n");
        mojo().execute();
        assertThat(log.info).contains("Generating again: " + echo.toRealPath() + " changed");
        assertThat(generated()).contains("demo/echo/Extra.java");
        assertThat(lastInfo()).contains("unchanged");
        assertThat(Files.getLastModifiedTime(request)).isEqualTo(old);

        // Definitions that are gone take their generated files with them.
        Files.writeString(echo, ECHO);
        mojo().execute();
        assertThat(generated()).doesNotContain("demo/echo/Extra.java").contains("demo/echo/EchoRequest.java");
        assertThat(lastInfo()).contains("1 obsolete removed");
    }

    @Test
    void aChangedIncludedFileInAnIncludeDirRegenerates() throws Exception {
        Path shared = Files.createDirectories(basedir.resolve("shared-idl"));
        Path money = Files.writeString(shared.resolve("money.thrift"),
                "namespace java demo.money\nstruct Money {\n  1: i64 cents\n}\n");
        idl("shop.thrift", "namespace java demo.shop\ninclude \"money.thrift\"\nstruct Item {\n  1: money.Money price\n}\n");
        GenerateMojo first = mojo();
        first.includeDirs = List.of(shared.toFile());
        first.execute();
        assertThat(generated()).contains("demo/shop/Item.java", "demo/money/Money.java");

        GenerateMojo same = mojo();
        same.includeDirs = List.of(shared.toFile());
        same.execute();
        assertThat(lastInfo()).startsWith("Generated sources are up to date");

        Files.writeString(money, "namespace java demo.money\nstruct Money {\n  1: i64 cents\n  2: string currency\n}\n");
        GenerateMojo changed = mojo();
        changed.includeDirs = List.of(shared.toFile());
        changed.execute();
        assertThat(log.info).contains("Generating again: " + money.toRealPath() + " changed");

        // generateIncludes=false: only the roots' files.
        GenerateMojo rootsOnly = mojo();
        rootsOnly.includeDirs = List.of(shared.toFile());
        rootsOnly.generateIncludes = false;
        rootsOnly.execute();
        assertThat(log.info).contains("Generating again: the configuration or the set of IDL files changed");
        assertThat(generated()).contains("demo/shop/Item.java").doesNotContain("demo/money/Money.java");
    }

    @Test
    void aDeletedOutputRegenerates() throws Exception {
        idl("echo.thrift", ECHO);
        mojo().execute();
        Files.delete(out().resolve("demo/echo/EchoRequest.java"));
        mojo().execute();
        assertThat(log.info).contains("Generating again: generated file demo/echo/EchoRequest.java is missing");
        assertThat(out().resolve("demo/echo/EchoRequest.java")).isRegularFile();
    }

    @Test
    void includesExcludesAndPlugins() throws Exception {
        idl("echo.thrift", ECHO);
        idl("drafts/draft.thrift", "this is not thrift");
        GenerateMojo m = mojo();
        m.excludes = List.of("drafts/**");
        m.plugins = List.of("test-marker:b=2,a=1");
        m.execute();
        assertThat(Files.readString(out().resolve("marker.txt"))).isEqualTo("{a=1, b=2}");

        GenerateMojo other = mojo();
        other.excludes = List.of("drafts/**");
        other.plugins = List.of("test-marker:b=3");
        other.execute();
        assertThat(Files.readString(out().resolve("marker.txt"))).isEqualTo("{b=3}");

        GenerateMojo unknown = mojo();
        unknown.excludes = List.of("drafts/**");
        unknown.plugins = List.of("nope");
        assertThatThrownBy(unknown::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Thrift code generation failed: unknown plugin 'nope'");

        GenerateMojo onlyDrafts = mojo();
        onlyDrafts.includes = List.of("drafts/*.thrift");
        assertThatThrownBy(onlyDrafts::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("src/main/thrift/drafts/draft.thrift:1:1: error:");
    }

    @Test
    void theTestGoalAddsATestSourceRoot() throws Exception {
        Path testIdl = basedir.resolve("src/test/thrift/echo.thrift");
        Files.createDirectories(testIdl.getParent());
        Files.writeString(testIdl, ECHO);
        GenerateTestMojo m = new GenerateTestMojo();
        m.project = project;
        m.sourceDirectory = basedir.resolve("src/test/thrift").toFile();
        m.outputDirectory = basedir.resolve("target/generated-test-sources/kitex4j").toFile();
        m.stateDirectory = new File(basedir.toFile(), "target/kitex4j-maven-plugin");
        m.setLog(log);
        m.execute();
        Path testOut = basedir.resolve("target/generated-test-sources/kitex4j");
        assertThat(project.getTestCompileSourceRoots()).containsExactly(testOut.toString());
        assertThat(project.getCompileSourceRoots()).isEmpty();
        assertThat(testOut.resolve("demo/echo/EchoService.java")).isRegularFile();
    }
}
