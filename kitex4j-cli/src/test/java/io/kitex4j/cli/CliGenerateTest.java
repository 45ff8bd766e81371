package io.kitex4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Successful runs of {@code kitex4j thrift}: files written, summary, plugins, warnings. */
class CliGenerateTest {

    static final String ECHO = """
            namespace java demo.echo

            struct EchoRequest {
              1: string message
            }

            struct EchoResponse {
              1: string message
            }

            exception EchoError {
              1: i32 code
              2: string reason
            }

            service EchoService {
              EchoResponse echo(1: EchoRequest req) throws (1: EchoError err)
              oneway void fire(1: EchoRequest req)
            }
            """;

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Kitex4jCli.execute(dir, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    @BeforeEach
    void idl() throws IOException {
        Files.createDirectories(dir.resolve("idl/shared"));
        Files.writeString(dir.resolve("idl/echo.thrift"), ECHO);
        Files.writeString(dir.resolve("idl/shared/money.thrift"),
                "namespace java demo.shared\nstruct Money {\n  1: i64 cents\n  2: string currency\n}\n");
        Files.writeString(dir.resolve("idl/shop.thrift"), """
                namespace java demo.shop
                include "money.thrift"
                struct Item {
                  1: string name
                  2: money.Money price
                }
                """);
    }

    List<String> files(String out) throws IOException {
        Path root = dir.resolve(out);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void writesTheJavaFilesAndSaysHowMany() throws IOException {
        Run r = run("thrift", "-o", "gen/java", "idl/echo.thrift");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        List<String> files = files("gen/java");
        assertThat(files).contains("demo/echo/EchoRequest.java", "demo/echo/EchoResponse.java",
                "demo/echo/EchoError.java", "demo/echo/EchoService.java");
        assertThat(files).allMatch(f -> f.startsWith("demo/echo/"));
        assertThat(r.out()).isEqualTo(files.size() + " files written to gen/java\n");
        assertThat(Files.readString(dir.resolve("gen/java/demo/echo/EchoRequest.java")))
                .contains("package demo.echo;", "class EchoRequest");
    }

    @Test
    void unchangedFilesAreNotRewritten() throws IOException {
        assertThat(run("thrift", "-o", "out", "idl/echo.thrift").status()).isZero();
        Path request = dir.resolve("out/demo/echo/EchoRequest.java");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(request, old);
        int n = files("out").size();

        Run again = run("thrift", "-v", "-o", "out", "idl/echo.thrift");
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("  unchanged demo/echo/EchoRequest.java\n")
                .endsWith(n + " files written to out (" + n + " unchanged)\n");
        assertThat(Files.getLastModifiedTime(request)).isEqualTo(old);
    }

    @Test
    void includedFilesAreGeneratedUnlessNoRecurse() throws IOException {
        assertThat(run("thrift", "-I", "idl/shared", "-o", "all", "idl/shop.thrift").status()).isZero();
        assertThat(files("all")).contains("demo/shop/Item.java", "demo/shared/Money.java");

        Run r = run("thrift", "-I", "idl/shared", "--no-recurse", "-o", "roots", "idl/shop.thrift");
        assertThat(r.status()).isZero();
        assertThat(files("roots")).contains("demo/shop/Item.java").noneMatch(f -> f.startsWith("demo/shared/"));
    }

    @Test
    void severalFilesInOneRun() throws IOException {
        Run r = run("thrift", "-I", "idl/shared", "-o", "out", "idl/echo.thrift", "idl/shop.thrift");
        assertThat(r.status()).isZero();
        assertThat(files("out")).contains("demo/echo/EchoService.java", "demo/shop/Item.java", "demo/shared/Money.java");
    }

    @Test
    void pluginsGetTheirOptions() throws IOException {
        Run r = run("thrift", "-o", "out", "--plugin", "test-options:zeta=last,alpha=1,flag,empty=", "idl/echo.thrift");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        int javaFiles = (int) files("out").stream().filter(f -> f.endsWith(".java")).count();
        assertThat(Files.readString(dir.resolve("out/plugin-options.txt")))
                .isEqualTo("alpha=1\nempty=\nflag=true\nzeta=last\nfiles seen: " + javaFiles + "\n");
    }

    @Test
    void theServiceCatalogPluginWritesItsFile() throws IOException {
        Run r = run("thrift", "-o", "out", "--plugin", "service-catalog:file=api/catalog.json", "idl/echo.thrift");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(Files.readString(dir.resolve("out/api/catalog.json"))).contains("\"EchoService\"", "\"echo\"");

        Run bad = run("thrift", "-o", "out", "--plugin", "service-catalog:nope=1", "idl/echo.thrift");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).startsWith("kitex4j: error: service-catalog: unknown option(s) [nope]");
    }

    @Test
    void pluginWarningsGoToStderr() {
        Run r = run("thrift", "-o", "out", "-p", "test-options:warn=look out", "idl/echo.thrift");
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEqualTo("idl/echo.thrift: warning: plugin test-options: look out\n");
    }

    @Test
    void aFailingPluginFailsTheRunAndNothingIsWritten() {
        Run r = run("thrift", "-o", "out", "-p", "test-options:fail=cannot do this", "idl/echo.thrift");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("kitex4j: error: cannot do this\n");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void idlWarningsArePrintedAndTheRunSucceeds() throws IOException {
        Files.writeString(dir.resolve("idl/w.thrift"), "namespace java demo.w\nstruct S {\n  i32 a\n}\n");
        Run r = run("thrift", "-o", "out", "idl/w.thrift");
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEqualTo("idl/w.thrift:3:3: warning: field 'a' has no id; it gets the implicit id -1,"
                + " which changes when fields are added or reordered (write e.g. '1: ')\n");
        assertThat(files("out")).contains("demo/w/S.java");
    }

    @Test
    void anOutputDirectoryThatCannotBeCreatedIsAnError() throws IOException {
        Files.writeString(dir.resolve("blocker"), "a file where a directory should be");
        Run r = run("thrift", "-o", "blocker/out", "idl/echo.thrift");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).matches("kitex4j: error: cannot write to blocker/out: \\S.*\n")
                .doesNotContain(dir.toString());
    }
}
