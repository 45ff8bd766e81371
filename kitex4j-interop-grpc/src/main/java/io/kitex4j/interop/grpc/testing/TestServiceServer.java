package io.kitex4j.interop.grpc.testing;

import io.grpc.testing.integration.TestService;
import io.kitex4j.server.Server;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The gRPC interop test server on Kitex4j ({@code interop/bin/grpc-test-server}): serves
 * {@code grpc.testing.TestService} ({@link TestServiceImpl}) with the flags of gRPC's interop
 * servers: {@code --port} (8080) and {@code --use_tls} (false here; grpc-java's default is
 * true). With TLS the port serves the interop spec's test certificate ({@code server1.pem}, for
 * {@code *.test.google.fr}: clients use {@code --use_test_ca --server_host_override=foo.test.google.fr})
 * with ALPN {@code h2}; plaintext connections are still accepted on the same port (Kitex4j detects
 * TLS per connection). Runs until stopped (SIGINT/SIGTERM stop it gracefully).
 */
@Command(name = "grpc-test-server", mixinStandardHelpOptions = true, sortOptions = false,
        version = "Kitex4j gRPC interop test server (grpc.testing.TestService)",
        description = {
            "Serves grpc.testing.TestService on Kitex4j as the gRPC interop test descriptions specify "
                    + "(doc/interop-test-descriptions.md of grpc/grpc).",
            "UnimplementedCall and grpc.testing.UnimplementedService answer UNIMPLEMENTED."
        })
public final class TestServiceServer implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--use_tls", arity = "0..1", fallbackValue = "true", defaultValue = "false", paramLabel = "BOOL",
            description = "Serve TLS with the gRPC test certificate server1.pem (default: ${DEFAULT-VALUE}).")
    boolean useTls;

    @Option(names = "--address", paramLabel = "HOST",
            description = "Address to bind (default: every address, IPv4 and IPv6).")
    String address;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * Starts a Kitex4j server hosting TestService (with the Echo Metadata middleware) on
     * {@code address}; with {@code tls} it serves the test certificate too.
     */
    public static Server start(InetSocketAddress address, boolean tls) throws Exception {
        Server server = TransportSettings.with(Server.builder(), cfg -> {
                    cfg.grpcMaxMessageSize(TransportSettings.MAX_MESSAGE_SIZE);
                    if (tls) {
                        cfg.tls(TransportSettings.testCredential("server1.pem"), TransportSettings.testCredential("server1.key"));
                    }
                })
                .address(address)
                .service(TestService.definition(new TestServiceImpl()))
                .middleware(TestServiceImpl.echoMetadata())
                .exitWaitTime(Duration.ofSeconds(2))
                .build();
        server.start();
        return server;
    }

    @Override
    public Integer call() throws Exception {
        Server server = start(address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port), useTls);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "grpc-test-server-shutdown"));
        System.out.println("Server started on port " + server.address().getPort() + (useTls ? " (TLS and plaintext)" : "")
                + " (Kitex4j grpc.testing.TestService)");
        System.out.flush();
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new TestServiceServer());
        cli.setParameterExceptionHandler((e, a) -> {
            cli.getErr().println("Error: " + e.getMessage());
            e.getCommandLine().usage(cli.getErr());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
