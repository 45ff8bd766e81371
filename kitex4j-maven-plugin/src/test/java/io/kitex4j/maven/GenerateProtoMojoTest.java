package io.kitex4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.protoc.ProtocTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.impl.DefaultServiceLocator;
import org.eclipse.aether.repository.LocalRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code generate-proto} goal with its fields set as Maven would, running the real protoc
 * (from Maven Central, copied into target/test-protoc by the build) and the real plugin.
 */
@DisabledOnOs(OS.WINDOWS)
class GenerateProtoMojoTest {

    static final String ECHO = """
            syntax = "proto3";
            package demo.echo;
            option java_multiple_files = true;
            import "google/protobuf/empty.proto";
            message EchoRequest { string message = 1; }
            message EchoResponse { string message = 1; }
            service EchoService {
              rpc Echo(EchoRequest) returns (EchoResponse);
              rpc Watch(google.protobuf.Empty) returns (stream EchoResponse);
            }
            """;

    @TempDir
    Path basedir;

    MavenProject project;
    GenerateMojoTest.RecordingLog log;

    /** The real protoc the build copied. */
    static Path realProtoc() {
        Path p = Path.of(System.getProperty("kitex4j.test.protoc", "target/test-protoc/protoc.exe")).toAbsolutePath();
        assertThat(p).as("protoc copied by the build").isRegularFile();
        assertThat(ProtocTools.ensureExecutable(p)).isTrue();
        return p;
    }

    @BeforeEach
    void project() {
        project = new MavenProject();
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(basedir.resolve("target").toString());
        log = new GenerateMojoTest.RecordingLog();
    }

    GenerateProtoMojo mojo() {
        GenerateProtoMojo m = new GenerateProtoMojo();
        m.project = project;
        m.protoSourceRoot = basedir.resolve("src/main/proto").toFile();
        m.outputDirectory = out().toFile();
        m.stateDirectory = basedir.resolve("target/kitex4j-maven-plugin").toFile();
        m.protocExecutable = realProtoc().toFile();
        m.setLog(log);
        return m;
    }

    Path out() {
        return basedir.resolve("target/generated-sources/kitex4j-proto");
    }

    Path proto(String relative, String text) throws IOException {
        Path p = basedir.resolve("src/main/proto").resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    List<String> generated() throws IOException {
        if (!Files.isDirectory(out())) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(out())) {
            return walk.filter(Files::isRegularFile).map(p -> out().relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    String lastInfo() {
        return log.info.get(log.info.size() - 1);
    }

    // ---- without generating

    @Test
    void skipDoesNothing() throws Exception {
        proto("echo.proto", ECHO);
        GenerateProtoMojo m = mojo();
        m.skip = true;
        m.execute();
        assertThat(project.getCompileSourceRoots()).isEmpty();
        assertThat(out()).doesNotExist();
        assertThat(log.info).containsExactly("Skipping protobuf code generation (kitex4j.skip)");
    }

    @Test
    void noProtoFilesIsNotAnError() throws Exception {
        mojo().execute();
        assertThat(project.getCompileSourceRoots()).isEmpty();
        assertThat(lastInfo()).startsWith("No .proto files in ");
    }

    @Test
    void badConfigurationIsReported() throws IOException {
        proto("echo.proto", ECHO);
        GenerateProtoMojo noDir = mojo();
        noDir.importDirectories = List.of(basedir.resolve("nope").toFile());
        assertThatThrownBy(noDir::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("importDirectory " + basedir.resolve("nope") + " is not a directory");
        GenerateProtoMojo noProtoc = mojo();
        noProtoc.protocExecutable = basedir.resolve("no-protoc").toFile();
        assertThatThrownBy(noProtoc::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("protocExecutable " + basedir.resolve("no-protoc") + " does not exist");
    }

    // ---- generating

    @Test
    void generatesMessagesAndServicesAddsTheSourceRootAndIsIncremental() throws Exception {
        proto("demo/echo.proto", ECHO);
        mojo().execute();
        assertThat(project.getCompileSourceRoots()).containsExactly(out().toString());
        List<String> files = generated();
        assertThat(files).contains("demo/echo/EchoService.java", "demo/echo/EchoRequest.java", "demo/echo/Echo.java");
        assertThat(lastInfo()).isEqualTo("Generated " + files.size() + " Java files from 1 .proto file into"
                + " target/generated-sources/kitex4j-proto (0 unchanged)");
        assertThat(Files.readString(out().resolve("demo/echo/EchoService.java")))
                .startsWith("// Code generated by kitex4j from demo/echo.proto. DO NOT EDIT.")
                .contains("InteractionMode.SERVER_STREAMING", "ProtobufCodec.of(Empty.getDefaultInstance())");
        assertThat(basedir.resolve("target/kitex4j-maven-plugin/generate-proto-default.state")).isRegularFile();
        // The temporary output is gone; protoc's inputs (including the well-known type) are recorded.
        assertThat(basedir.resolve("target/kitex4j-maven-plugin/generate-proto-default.tmp")).doesNotExist();
        assertThat(Files.readString(basedir.resolve("target/kitex4j-maven-plugin/generate-proto-default.state")))
                .contains("demo/echo.proto\n", "google/protobuf/empty.proto\n");

        Path service = out().resolve("demo/echo/EchoService.java");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(service, old);

        project();
        mojo().execute();
        assertThat(lastInfo()).isEqualTo("Generated sources are up to date (1 .proto file in src/main/proto)");
        assertThat(project.getCompileSourceRoots()).containsExactly(out().toString());
        assertThat(Files.getLastModifiedTime(service)).isEqualTo(old);
    }

    @Test
    void aChangedProtoRegeneratesKeepsUnchangedFilesAndRemovesObsoleteOnes() throws Exception {
        Path echo = proto("echo.proto", ECHO);
        mojo().execute();
        Path service = out().resolve("demo/echo/EchoService.java");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(service, old);

        Files.writeString(echo, ECHO + "service Extra { rpc Call(EchoRequest) returns (EchoResponse); }\n");
        mojo().execute();
        assertThat(log.info).contains("Generating again: " + echo.toRealPath() + " changed");
        assertThat(generated()).contains("demo/echo/Extra.java");
        assertThat(lastInfo()).contains("unchanged");
        assertThat(Files.getLastModifiedTime(service)).isEqualTo(old);

        Files.writeString(echo, ECHO);
        mojo().execute();
        assertThat(generated()).doesNotContain("demo/echo/Extra.java").contains("demo/echo/EchoService.java");
        assertThat(lastInfo()).contains("1 obsolete removed");
    }

    @Test
    void anImportFromAnImportDirectoryIsTrackedAndNotGenerated() throws Exception {
        Path shared = Files.createDirectories(basedir.resolve("shared-proto/money"));
        Path money = Files.writeString(shared.resolve("money.proto"),
                "syntax = \"proto3\";\npackage money;\noption java_package = \"demo.money\";\nmessage Money { int64 cents = 1; }\n");
        proto("shop.proto", """
                syntax = "proto3";
                package shop;
                import "money/money.proto";
                service Shop { rpc Price(money.Money) returns (money.Money); }
                """);
        GenerateProtoMojo first = mojo();
        first.importDirectories = List.of(basedir.resolve("shared-proto").toFile());
        first.javaOut = false;
        first.execute();
        assertThat(generated()).containsExactly("shop/Shop.java");
        assertThat(Files.readString(out().resolve("shop/Shop.java"))).contains("import demo.money.MoneyOuterClass;");

        GenerateProtoMojo same = mojo();
        same.importDirectories = List.of(basedir.resolve("shared-proto").toFile());
        same.javaOut = false;
        same.execute();
        assertThat(lastInfo()).startsWith("Generated sources are up to date");

        Files.writeString(money, Files.readString(money) + "message Other {}\n");
        GenerateProtoMojo changed = mojo();
        changed.importDirectories = List.of(basedir.resolve("shared-proto").toFile());
        changed.javaOut = false;
        changed.execute();
        assertThat(log.info).contains("Generating again: " + money.toRealPath() + " changed");

        GenerateProtoMojo withJava = mojo();
        withJava.importDirectories = List.of(basedir.resolve("shared-proto").toFile());
        withJava.execute();
        assertThat(log.info).contains("Generating again: the configuration or the set of IDL files changed");
        assertThat(generated()).containsExactly("shop/Shop.java", "shop/ShopOuterClass.java");
    }

    @Test
    void includesAndExcludesSelectTheFiles() throws Exception {
        proto("a/echo.proto", ECHO);
        proto("drafts/other.proto", "syntax = \"proto3\";\npackage other;\nmessage M {}\nservice O { rpc C(M) returns (M); }\n");
        GenerateProtoMojo m = mojo();
        m.excludes = List.of("drafts/**");
        m.javaOut = false;
        m.execute();
        assertThat(generated()).containsExactly("demo/echo/EchoService.java");
    }

    @Test
    void pluginOptionsArePassedToThePluginAndChangingThemRegenerates() throws Exception {
        proto("demo/echo.proto", ECHO);
        GenerateProtoMojo m = mojo();
        m.pluginOptions = " service_package=demo.echo.kitex ,\n generated_annotation=false ";
        m.execute();
        List<String> files = generated();
        assertThat(files).contains("demo/echo/kitex/EchoService.java", "demo/echo/EchoRequest.java", "demo/echo/Echo.java")
                .doesNotContain("demo/echo/EchoService.java");
        assertThat(Files.readString(out().resolve("demo/echo/kitex/EchoService.java")))
                .startsWith("// Code generated by kitex4j from demo/echo.proto. DO NOT EDIT.\npackage demo.echo.kitex;\n")
                .contains("import demo.echo.EchoRequest;\n", ".packageName(\"demo.echo\")")
                .doesNotContain("@Generated");
        Path state = basedir.resolve("target/kitex4j-maven-plugin/generate-proto-default.state");
        assertThat(Files.readString(state)).contains("config pluginOptions service_package=demo.echo.kitex,generated_annotation=false\n");

        project();
        GenerateProtoMojo same = mojo();
        same.pluginOptions = "service_package=demo.echo.kitex,generated_annotation=false";
        same.execute();
        assertThat(lastInfo()).startsWith("Generated sources are up to date");

        project();
        GenerateProtoMojo other = mojo();
        other.pluginOptions = "service_package=demo.rpc";
        other.execute();
        assertThat(log.info).contains("Generating again: the configuration or the set of IDL files changed");
        assertThat(generated()).contains("demo/rpc/EchoService.java").doesNotContain("demo/echo/kitex/EchoService.java");
        assertThat(lastInfo()).endsWith(", 1 obsolete removed)");
        assertThat(Files.readString(out().resolve("demo/rpc/EchoService.java"))).contains("@Generated");

        project();
        mojo().execute();
        assertThat(generated()).contains("demo/echo/EchoService.java").doesNotContain("demo/rpc/EchoService.java");
        assertThat(Files.readString(state)).contains("config pluginOptions \n");
    }

    // ---- failures

    @Test
    void badPluginOptionsFailTheBuildWithThePluginsMessage() throws IOException {
        proto("demo/echo.proto", ECHO);
        GenerateProtoMojo m = mojo();
        m.pluginOptions = "service_package=demo.echo.class";
        assertThatThrownBy(m::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("--kitex4j_out: option service_package must be a Java package name (identifiers separated"
                        + " by '.', e.g. echo.kitex), not 'demo.echo.class': 'class' is a Java keyword");
        assertThat(out()).doesNotExist();
    }

    @Test
    void protocErrorsFailTheBuildWithTheDiagnosticsRelativeToTheProject() throws IOException {
        proto("api/bad.proto", "syntax = \"proto3\";\nmessage M {\n  strin name = 1;\n}\n");
        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("protoc failed (exit status 1, protoc " + realProtoc() + " (protocExecutable)):\n"
                        + "src/main/proto/api/bad.proto:3:3: \"strin\" is not defined.");
        assertThat(log.error).containsExactly("src/main/proto/api/bad.proto:3:3: \"strin\" is not defined.");
        assertThat(project.getCompileSourceRoots()).isEmpty();
        assertThat(out()).doesNotExist();
        assertThat(basedir.resolve("target/kitex4j-maven-plugin/generate-proto-default.state")).doesNotExist();
    }

    @Test
    void theKitex4jPluginsErrorsFailTheBuild() throws IOException {
        proto("clash.proto", """
                syntax = "proto3";
                package c;
                option java_multiple_files = true;
                option java_generic_services = true;
                message M {}
                service Svc { rpc Call(M) returns (M); }
                """);
        assertThatThrownBy(() -> mojo().execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("--kitex4j_out: clash.proto: option java_generic_services = true makes protoc's java_out"
                        + " generate a class c.Svc too");
        assertThat(out()).doesNotExist();
    }

    @Test
    void aProtocThatFailsIsNamed() throws IOException {
        proto("echo.proto", ECHO);
        Path fake = Files.writeString(basedir.resolve("fake-protoc"), "#!/bin/sh\necho 'fake protoc here' >&2\nexit 7\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        GenerateProtoMojo m = mojo();
        m.protocExecutable = fake.toFile();
        assertThatThrownBy(m::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("protoc failed (exit status 7, protoc " + fake + " (protocExecutable)):\nfake protoc here");
    }

    // ---- protoc from the repositories

    /** A repository system over a local repository holding {@code protoc} at {@code version}, offline. */
    void localRepositoryWithProtoc(GenerateProtoMojo m, String version) throws IOException {
        Path repo = basedir.resolve("repo");
        String classifier = ProtocTools.osClassifier();
        Path artifact = repo.resolve("com/google/protobuf/protoc/" + version + "/protoc-" + version + "-" + classifier + ".exe");
        Files.createDirectories(artifact.getParent());
        Files.copy(realProtoc(), artifact);
        // As a download leaves it: not executable.
        artifact.toFile().setExecutable(false, false);

        DefaultServiceLocator locator = MavenRepositorySystemUtils.newServiceLocator();
        RepositorySystem system = locator.getService(RepositorySystem.class);
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setOffline(true);
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(repo.toFile())));
        m.repositorySystem = system;
        m.repositorySession = session;
        m.remoteRepositories = List.of();
    }

    @Test
    void protocIsResolvedFromTheRepositoriesAndCopiedExecutable() throws Exception {
        proto("echo.proto", ECHO);
        String version = System.getProperty("kitex4j.test.protoc.version", "3.25.8");
        GenerateProtoMojo m = mojo();
        m.protocExecutable = null;
        localRepositoryWithProtoc(m, version);
        m.execute();
        assertThat(generated()).contains("demo/echo/EchoService.java");
        String file = "protoc-" + version + "-" + ProtocTools.osClassifier() + ".exe";
        Path copy = basedir.resolve("target/kitex4j-maven-plugin/protoc/" + file);
        assertThat(copy).isRegularFile().isExecutable();
        assertThat(basedir.resolve("repo/com/google/protobuf/protoc/" + version + "/" + file).toFile().canExecute()).isFalse();
        assertThat(Files.readString(m.stateFile())).contains("config protoc artifact com.google.protobuf:protoc:" + version + ":exe:");

        // The default version is the plugin's own protobuf version.
        assertThat(GenerateProtoMojo.defaultProtocVersion()).isEqualTo(version);
    }

    @Test
    void aProtocVersionThatCannotBeResolvedIsReported() throws IOException {
        proto("echo.proto", ECHO);
        GenerateProtoMojo m = mojo();
        m.protocExecutable = null;
        localRepositoryWithProtoc(m, "3.25.8");
        m.protocVersion = "0.0.1";
        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("cannot resolve protoc com.google.protobuf:protoc:0.0.1:exe:" + ProtocTools.osClassifier()
                        + " from the repositories (")
                .hasMessageEndingWith("); check protocVersion, or set <protocExecutable> to a local protoc");
    }
}
