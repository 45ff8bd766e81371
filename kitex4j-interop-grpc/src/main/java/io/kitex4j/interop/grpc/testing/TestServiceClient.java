package io.kitex4j.interop.grpc.testing;

import io.grpc.testing.integration.TestService;
import io.grpc.testing.integration.UnimplementedService;
import io.kitex4j.client.Client;
import io.kitex4j.client.ClientBuilder;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.service.ServiceDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The gRPC interop test client on Kitex4j ({@code interop/bin/grpc-test-client}): runs interop
 * test cases ({@link InteropTestCase}, implemented by {@link InteropTester}) against a
 * {@code grpc.testing.TestService} server, with the flags of gRPC's interop clients. Exits 0 when
 * every case passed; otherwise prints what failed and exits 1 (2 for bad flags).
 *
 * <p>TLS: {@code --use_tls} connects with TLS (ALPN {@code h2}); the server certificate chain is
 * checked against gRPC's test CA ({@code --use_test_ca}) or else the JDK's trusted roots, and its
 * host name against {@code --server_host_override} (else {@code --server_host}), which is also the
 * SNI and the {@code :authority} of the calls (Kitex4j sends the target service name there,
 * {@code TestService}, unless overridden).
 */
@Command(name = "grpc-test-client", mixinStandardHelpOptions = true, sortOptions = false,
        version = "Kitex4j gRPC interop test client (grpc.testing.TestService)",
        description = {
            "Runs gRPC interop test cases (doc/interop-test-descriptions.md of grpc/grpc) with Kitex4j clients.",
            "Exit code 0 when every case passed, 1 when one failed, 2 for bad flags."
        })
public final class TestServiceClient implements Callable<Integer> {

    @Option(names = "--server_host", defaultValue = "localhost", paramLabel = "HOST",
            description = "Server to connect to (default: ${DEFAULT-VALUE}).")
    String serverHost;

    @Option(names = "--server_host_override", paramLabel = "HOST",
            description = "The server name to claim: the :authority of the calls (no host-name check is made; see --use_tls).")
    String serverHostOverride;

    @Option(names = "--server_port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port to connect to (default: ${DEFAULT-VALUE}).")
    int serverPort;

    @Option(names = "--test_case", defaultValue = "large_unary", paramLabel = "CASE",
            description = "Test case to run: all, one of the cases below, or a comma-separated list (default: ${DEFAULT-VALUE}).%n"
                    + "Cases: ${COMPLETION-CANDIDATES}",
            completionCandidates = CaseNames.class)
    String testCase;

    @Option(names = "--use_tls", arity = "0..1", fallbackValue = "true", defaultValue = "false", paramLabel = "BOOL",
            description = "Connect with TLS; the server's certificate chain is verified, its host name is not (default: ${DEFAULT-VALUE}).")
    boolean useTls;

    @Option(names = "--use_test_ca", arity = "0..1", fallbackValue = "true", defaultValue = "false", paramLabel = "BOOL",
            description = "With --use_tls, trust gRPC's test CA (ca.pem) instead of the JDK's roots (default: ${DEFAULT-VALUE}).")
    boolean useTestCa;

    /** The case names, for the help text. */
    static final class CaseNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of(InteropTestCase.flags().split(", ")).iterator();
        }
    }

    /** Where and how to connect. */
    public static final class Target {
        final String host;
        final int port;
        final String hostOverride;
        final boolean tls;
        final boolean testCa;

        public Target(String host, int port, String hostOverride, boolean tls, boolean testCa) {
            this.host = host;
            this.port = port;
            this.hostOverride = hostOverride;
            this.tls = tls;
            this.testCa = testCa;
        }

        /** Plaintext to {@code host:port}. */
        public static Target plaintext(String host, int port) {
            return new Target(host, port, null, false, false);
        }

        String hostPort() {
            return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        }

        @Override
        public String toString() {
            return hostPort() + (tls ? " (TLS" + (testCa ? ", test CA" : "") + ")" : "")
                    + (hostOverride != null ? " as " + hostOverride : "");
        }
    }

    @Override
    public Integer call() {
        List<InteropTestCase> cases;
        try {
            cases = InteropTestCase.parse(testCase);
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            return 2;
        }
        Target target = new Target(serverHost, serverPort, serverHostOverride, useTls, useTestCa);
        int failed = run(target, cases, System.out, System.err);
        return failed == 0 ? 0 : 1;
    }

    /**
     * Runs {@code cases} in order against {@code target}, each with new clients (new connections),
     * printing progress to {@code out} and failures to {@code err}. Returns how many failed.
     */
    public static int run(Target target, List<InteropTestCase> cases, PrintStream out, PrintStream err) {
        int failed = 0;
        for (InteropTestCase c : cases) {
            Throwable failure = runCase(target, c, out);
            if (failure != null) {
                failed++;
                err.println("FAILED: " + c.flag() + ": " + failure);
                failure.printStackTrace(err);
            }
        }
        out.println((cases.size() - failed) + " of " + cases.size() + " test case(s) passed against " + target
                + (failed == 0 ? "" : "; " + failed + " FAILED"));
        out.flush();
        err.flush();
        return failed;
    }

    /** Runs one case against {@code target}; {@code null} when it passed, else what failed. */
    public static Throwable runCase(Target target, InteropTestCase testCase, PrintStream out) {
        out.println("Running test case " + testCase.flag() + " against " + target);
        long start = System.nanoTime();
        try (Client testService = newClient(TestService.DESCRIPTOR, target);
             Client unimplementedService = newClient(UnimplementedService.DESCRIPTOR, target)) {
            new InteropTester(testService, unimplementedService).run(testCase);
        } catch (Throwable t) {
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return t;
        }
        out.println("Test case " + testCase.flag() + " passed (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
        return null;
    }

    /** A gRPC client of {@code service} for {@code target}, as the interop cases need it. */
    public static Client newClient(ServiceDescriptor service, Target target) {
        ClientBuilder b = Client.builder(service)
                .transportProtocol(TransportProtocol.GRPC)
                .hostPorts(target.hostPort())
                .connectTimeout(Duration.ofSeconds(5));
        if (target.hostOverride != null && !target.hostOverride.isEmpty()) {
            b.destService(target.hostOverride); // the :authority Kitex4j sends
        }
        TransportSettings.with(b, cfg -> {
            cfg.grpcMaxMessageSize(TransportSettings.MAX_MESSAGE_SIZE);
            if (target.tls) {
                cfg.tlsTrust(target.testCa ? TransportSettings.testCredential("ca.pem") : jdkTrustedRoots());
                if (target.hostOverride != null && !target.hostOverride.isEmpty()) {
                    cfg.tlsServerName(target.hostOverride);
                }
            }
        });
        return b.build();
    }

    /** The JDK's default trusted root certificates as a PEM file (the transport takes a trust file). */
    private static Path jdkTrustedRoots() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            StringBuilder pem = new StringBuilder();
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager) {
                    for (X509Certificate c : ((X509TrustManager) tm).getAcceptedIssuers()) {
                        pem.append("-----BEGIN CERTIFICATE-----\n")
                                .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded()))
                                .append("\n-----END CERTIFICATE-----\n");
                    }
                }
            }
            Path file = Files.createTempFile("grpc-interop-jdk-roots-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JDK's trusted root certificates: " + e, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new TestServiceClient());
        cli.setParameterExceptionHandler((e, a) -> {
            cli.getErr().println("Error: " + e.getMessage());
            e.getCommandLine().usage(cli.getErr());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
