package io.kitex4j.cli;

import static io.kitex4j.cli.LauncherScriptTest.exec;
import static io.kitex4j.cli.LauncherScriptTest.repositoryRoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/kitex4j} runs the packaged jar from any working directory. Run by failsafe after the
 * package phase ({@code mvn verify}), when {@code kitex4j-cli/target/kitex4j-cli-*-all.jar} exists.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherScriptIT {

    @TempDir
    Path cwd;

    static Path script;

    @BeforeAll
    static void jarIsBuilt() throws IOException {
        Path root = repositoryRoot();
        try (Stream<Path> jars = Files.list(root.resolve("kitex4j-cli/target"))) {
            assumeTrue(jars.anyMatch(p -> p.getFileName().toString().matches("kitex4j-cli-.*-all\\.jar")),
                    "the runnable jar is not built");
        }
        script = root.resolve("bin/kitex4j");
    }

    @Test
    void helpFromAnotherDirectory() throws IOException, InterruptedException {
        LauncherScriptTest.Result r = exec(cwd, List.of(script.toString(), "--help"));
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("Usage: kitex4j [-hV] COMMAND").contains("thrift");
        assertThat(r.err()).isEmpty();

        LauncherScriptTest.Result t = exec(cwd, List.of(script.toString(), "thrift", "--help"));
        assertThat(t.status()).isZero();
        assertThat(t.out()).startsWith("Usage: kitex4j thrift");
    }

    @Test
    void versionAndUsageErrors() throws IOException, InterruptedException {
        LauncherScriptTest.Result v = exec(cwd, List.of(script.toString(), "--version"));
        assertThat(v.status()).isZero();
        assertThat(v.out()).startsWith("kitex4j " + System.getProperty("kitex4j.version", ""));

        LauncherScriptTest.Result u = exec(cwd, List.of(script.toString(), "thrift", "x.thrift"));
        assertThat(u.status()).isEqualTo(2);
        assertThat(u.err()).contains("Missing required option: '--out=OUT_DIR'");
    }

    @Test
    void compilesRelativeToTheCallersDirectory() throws IOException, InterruptedException {
        Files.writeString(cwd.resolve("echo.thrift"), CliGenerateTest.ECHO);
        LauncherScriptTest.Result r = exec(cwd, List.of(script.toString(), "thrift", "-o", "gen", "echo.thrift"));
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).endsWith(" files written to gen\n");
        assertThat(cwd.resolve("gen/demo/echo/EchoService.java")).isRegularFile();

        Files.writeString(cwd.resolve("bad.thrift"), "struct User {\n  1 i64 id\n}\n");
        LauncherScriptTest.Result bad = exec(cwd, List.of(script.toString(), "thrift", "-o", "gen", "bad.thrift"));
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).startsWith("bad.thrift:2:5: error: expected ':' but found 'i64'\n");
    }

    @Test
    void compilesProtoWithTheProtocNextToTheJar() throws IOException, InterruptedException {
        Files.writeString(cwd.resolve("echo.proto"), CliProtoTest.ECHO);
        LauncherScriptTest.Result r = exec(cwd, List.of(script.toString(), "proto", "-o", "gen", "echo.proto"));
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).endsWith(" files written to gen\n");
        // The plugin ran from the runnable jar: protoc-gen-kitex4j is java -cp kitex4j-cli-*-all.jar.
        assertThat(cwd.resolve("gen/demo/echo/EchoService.java")).content().contains("public static final class Stub");
        assertThat(cwd.resolve("gen/demo/echo/EchoRequest.java")).isRegularFile();

        Files.writeString(cwd.resolve("bad.proto"), "syntax = \"proto3\";\nmessage M { strin s = 1; }\n");
        LauncherScriptTest.Result bad = exec(cwd, List.of(script.toString(), "proto", "-o", "gen", "bad.proto"));
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).startsWith("bad.proto:2:13: \"strin\" is not defined.\n");
    }
}
