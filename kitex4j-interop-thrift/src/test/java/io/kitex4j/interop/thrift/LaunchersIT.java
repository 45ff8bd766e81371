package io.kitex4j.interop.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launchers work once the module is packaged (failsafe runs this after {@code package}):
 * {@code interop/bin/thrift-test-server} started as a process on a free port, and
 * {@code interop/bin/thrift-test-client} run against it, exiting 0.
 */
class LaunchersIT {
    private static final Path REPO = Path.of(System.getProperty("kitex4j.repo", "..")).toAbsolutePath().normalize();
    private static final Path BIN = REPO.resolve("interop/bin");
    private static final Path LOGS = REPO.resolve("kitex4j-interop-thrift/target/launcher-logs");

    @Test
    void clientLauncherPassesAgainstServerLauncher() throws Exception {
        Files.createDirectories(LOGS);
        int port = freePort();
        Path serverLog = LOGS.resolve("thrift-test-server.log");
        Process server = new ProcessBuilder(BIN.resolve("thrift-test-server").toString(), "--port=" + port,
                "--protocol=compact", "--transport=framed")
                .redirectErrorStream(true)
                .redirectOutput(serverLog.toFile())
                .start();
        try {
            awaitListening(server, port, serverLog);
            Path clientLog = LOGS.resolve("thrift-test-client.log");
            Process client = new ProcessBuilder(BIN.resolve("thrift-test-client").toString(), "--host=127.0.0.1",
                    "--port=" + port, "--protocol=compact", "--transport=framed")
                    .redirectErrorStream(true)
                    .redirectOutput(clientLog.toFile())
                    .start();
            assertThat(client.waitFor(60, TimeUnit.SECONDS)).as("client finished in time").isTrue();
            String out = Files.readString(clientLog, StandardCharsets.UTF_8);
            assertThat(client.exitValue()).as(out).isZero();
            assertThat(out).contains("0 failed").contains("testInsanity()");
            assertThat(Files.readString(serverLog, StandardCharsets.UTF_8)).contains("testOneway(1) => sleeping...");
        } finally {
            server.destroy(); // SIGTERM: the shutdown hook stops the server gracefully
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        assertThat(server.exitValue()).as(Files.readString(serverLog, StandardCharsets.UTF_8)).isIn(0, 143);
    }

    @Test
    void clientLauncherFailsWithoutServer() throws Exception {
        Files.createDirectories(LOGS);
        int port = freePort();
        Path clientLog = LOGS.resolve("thrift-test-client-no-server.log");
        Process client = new ProcessBuilder(BIN.resolve("thrift-test-client").toString(), "--port=" + port,
                "--transport=buffered")
                .redirectErrorStream(true)
                .redirectOutput(clientLog.toFile())
                .start();
        assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).as(Files.readString(clientLog, StandardCharsets.UTF_8))
                .isEqualTo(CrossTestReport.ERR_UNKNOWN);
    }

    @Test
    void launchersAreExecutableAndPrintHelp() throws Exception {
        for (String name : List.of("thrift-test-server", "thrift-test-client")) {
            File f = BIN.resolve(name).toFile();
            assertThat(f.canExecute()).as(name + " is executable").isTrue();
            Process p = new ProcessBuilder(f.getPath(), "--help").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("--port").contains("--protocol").contains("--transport");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(Process server, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("thrift-test-server exited with " + server.exitValue() + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("thrift-test-server did not listen on " + port + " within 30 s:\n"
                + Files.readString(log, StandardCharsets.UTF_8));
    }
}
