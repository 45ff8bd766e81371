package io.kitex4j.interop.grpc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launchers work once the module is packaged (failsafe runs this after {@code package}):
 * {@code interop/bin/grpc-test-server} started as a process, {@code interop/bin/grpc-test-client}
 * run against it with gRPC's usual flags (space- and {@code =}-separated), and grpc-java's own
 * interop client against the launched server.
 */
class GrpcTestLaunchersIT {
    private static final Path REPO = Path.of(System.getProperty("kitex4j.repo", "..")).toAbsolutePath().normalize();
    private static final Path BIN = REPO.resolve("interop/bin");
    private static final Path LOGS = REPO.resolve("kitex4j-interop-grpc/target/launcher-logs");

    @Test
    void clientLauncherPassesAgainstServerLauncher() throws Exception {
        Files.createDirectories(LOGS);
        int port = GrpcJavaInterop.freePort();
        Path serverLog = LOGS.resolve("grpc-test-server.log");
        Process server = new ProcessBuilder(BIN.resolve("grpc-test-server").toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(serverLog.toFile())
                .start();
        try {
            GrpcJavaInterop.awaitListening(server, port, serverLog, "grpc-test-server");
            List<String> cases = new ArrayList<>();
            for (InteropTestCase c : InteropCases.kitex4jClientAgainstKitex4jCases()) {
                cases.add(c.flag());
            }
            Path clientLog = LOGS.resolve("grpc-test-client.log");
            Process client = new ProcessBuilder(BIN.resolve("grpc-test-client").toString(), "--server_host", "127.0.0.1",
                    "--server_port", Integer.toString(port), "--test_case", String.join(",", cases), "--use_tls=false")
                    .redirectErrorStream(true)
                    .redirectOutput(clientLog.toFile())
                    .start();
            assertThat(client.waitFor(120, TimeUnit.SECONDS)).as("client finished in time").isTrue();
            String out = Files.readString(clientLog, StandardCharsets.UTF_8);
            assertThat(client.exitValue()).as(out).isZero();
            assertThat(out).contains(cases.size() + " of " + cases.size() + " test case(s) passed");

            // grpc-java's own client against the launched server, too.
            GrpcJavaInterop.Run grpcJava = GrpcJavaInterop.runClient("grpc-java-client-against-launcher", List.of(
                    "--server_host=127.0.0.1", "--server_port=" + port, "--test_case=custom_metadata", "--use_tls=false"));
            assertThat(grpcJava.exitCode).as(grpcJava.describe()).isZero();
        } finally {
            server.destroy(); // SIGTERM: the shutdown hook stops the server gracefully
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        assertThat(server.exitValue()).as(Files.readString(serverLog, StandardCharsets.UTF_8)).isIn(0, 143);
        assertThat(Files.readString(serverLog, StandardCharsets.UTF_8)).contains("Server started on port " + port);
    }

    @Test
    void clientLauncherExitsNonZeroWithAMessageWhenACaseFails() throws Exception {
        Files.createDirectories(LOGS);
        int port = GrpcJavaInterop.freePort(); // nothing listens there
        Path clientLog = LOGS.resolve("grpc-test-client-no-server.log");
        Process client = new ProcessBuilder(BIN.resolve("grpc-test-client").toString(), "--server_host=127.0.0.1",
                "--server_port=" + port, "--test_case=empty_unary")
                .redirectErrorStream(true)
                .redirectOutput(clientLog.toFile())
                .start();
        assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(clientLog, StandardCharsets.UTF_8);
        assertThat(client.exitValue()).as(out).isEqualTo(1);
        assertThat(out).contains("FAILED: empty_unary: ").contains("0 of 1 test case(s) passed");
    }

    @Test
    void clientLauncherRejectsAnUnknownTestCase() throws Exception {
        Process client = new ProcessBuilder(BIN.resolve("grpc-test-client").toString(), "--test_case=rpc_soak")
                .redirectErrorStream(true).start();
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).as(out).isEqualTo(2);
        assertThat(out).contains("unknown test case 'rpc_soak'");
    }

    @Test
    void launchersAreExecutableAndPrintHelp() throws Exception {
        for (String name : List.of("grpc-test-server", "grpc-test-client")) {
            File f = BIN.resolve(name).toFile();
            assertThat(f.canExecute()).as(name + " is executable").isTrue();
            Process p = new ProcessBuilder(f.getPath(), "--help").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("--use_tls");
            if (name.equals("grpc-test-server")) {
                assertThat(out).contains("--port");
            } else {
                assertThat(out).contains("--server_host").contains("--server_port").contains("--test_case")
                        .contains("--server_host_override").contains("--use_test_ca").contains("empty_unary");
            }
        }
    }
}
