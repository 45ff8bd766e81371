package io.kitex4j.interop.grpc.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * grpc-java's own interop programs ({@code io.grpc.testing.integration.TestServiceClient} and
 * {@code TestServiceServer} of {@code io.grpc:grpc-interop-testing}) run as separate JVMs, as the
 * official interop runner runs them, on the class path the build wrote for them
 * ({@code target/grpc-java-interop.classpath}: grpc-interop-testing and its dependencies, grpc-netty
 * among them, and nothing of Kitex4j). Process output goes to {@code target/interop-logs/}.
 */
final class GrpcJavaInterop {
    static final String CLIENT_MAIN = "io.grpc.testing.integration.TestServiceClient";
    static final String SERVER_MAIN = "io.grpc.testing.integration.TestServiceServer";
    static final Path LOGS = Path.of("target", "interop-logs").toAbsolutePath();
    /** How long one grpc-java client run may take (JVM start included). */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(90);

    private GrpcJavaInterop() {}

    /** The class path of grpc-java's interop programs, checked. */
    static String classpath() throws IOException {
        Path file = Path.of(System.getProperty("kitex4j.grpcJavaInteropClasspath", "target/grpc-java-interop.classpath"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no grpc-java interop class path at " + file.toAbsolutePath()
                    + " (written by the build: maven-dependency-plugin execution grpc-java-interop-classpath)");
        }
        String cp = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!cp.contains("grpc-interop-testing-") || !cp.contains("grpc-netty-")) {
            throw new IllegalStateException("the grpc-java interop class path " + file + " lacks grpc-interop-testing or grpc-netty: " + cp);
        }
        return cp;
    }

    /** The command line of a JVM running {@code mainClass} of grpc-java's interop programs. */
    static List<String> command(String mainClass, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** The result of one process run. */
    static final class Run {
        final int exitCode;
        final String output;
        final List<String> command;

        Run(int exitCode, String output, List<String> command) {
            this.exitCode = exitCode;
            this.output = output;
            this.command = command;
        }

        /** For assertion messages: the command (without the long class path) and everything it printed. */
        String describe() {
            List<String> shown = new ArrayList<>(command);
            int cp = shown.indexOf("-cp");
            if (cp >= 0 && cp + 1 < shown.size()) {
                shown.set(cp + 1, "<grpc-java-interop.classpath>");
            }
            return "exit code " + exitCode + " of " + String.join(" ", shown) + "\n--- output ---\n" + output;
        }
    }

    /** Runs grpc-java's TestServiceClient with {@code args}; bounded by {@link #CLIENT_TIMEOUT}. */
    static Run runClient(String logName, List<String> args) throws Exception {
        return run(command(CLIENT_MAIN, args), logName, CLIENT_TIMEOUT);
    }

    static Run run(List<String> cmd, String logName, Duration timeout) throws Exception {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(logName + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return new Run(-1, "(killed after " + timeout.toSeconds() + " s)\n" + Files.readString(log, StandardCharsets.UTF_8), cmd);
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), cmd);
    }

    /** A running grpc-java TestServiceServer. */
    static final class ServerProcess implements AutoCloseable {
        final Process process;
        final int port;
        final Path log;

        private ServerProcess(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        /**
         * Starts {@code TestServiceServer --port=P --use_tls=...} on a free port and waits (bounded)
         * until it accepts connections; tries another port if the chosen one was taken meanwhile.
         */
        static ServerProcess start(boolean tls) throws Exception {
            for (int attempt = 1; ; attempt++) {
                try {
                    return startOnce(tls);
                } catch (AssertionError e) {
                    if (attempt == 3) {
                        throw e;
                    }
                }
            }
        }

        private static ServerProcess startOnce(boolean tls) throws Exception {
            Files.createDirectories(LOGS);
            int port = freePort();
            Path log = LOGS.resolve("grpc-java-server-" + (tls ? "tls-" : "") + port + ".log");
            List<String> cmd = command(SERVER_MAIN, List.of("--port=" + port, "--use_tls=" + tls));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ServerProcess server = new ServerProcess(p, port, log);
            try {
                awaitListening(p, port, log, "grpc-java TestServiceServer");
            } catch (Throwable t) {
                server.close();
                throw t;
            }
            return server;
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until {@code port} accepts connections (at most 30 s); fails with the log if the process ends first. */
    static void awaitListening(Process p, int port, Path log, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError(what + " exited with " + p.exitValue() + " before listening:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError(what + " did not listen on " + port + " within 30 s:\n"
                + Files.readString(log, StandardCharsets.UTF_8));
    }
}
