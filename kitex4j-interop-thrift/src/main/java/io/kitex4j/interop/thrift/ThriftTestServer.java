package io.kitex4j.interop.thrift;

import io.kitex4j.interop.thrift.WireOptions.Protocol;
import io.kitex4j.interop.thrift.WireOptions.Transport;
import io.kitex4j.server.Server;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import thrift.test.ThriftTest;

/**
 * The Kitex4j ThriftTest server of Apache Thrift's cross test ({@code interop/bin/thrift-test-server}).
 * Flags as Apache's Java {@code TestServer}: {@code --port} (9090), {@code --protocol}
 * ({@code binary}, {@code compact}), {@code --transport} ({@code buffered}, {@code framed}, and our
 * {@code header}: TTHeader|Framed), {@code --server-type} ({@code simple}, {@code thread-pool}).
 *
 * <p>A Kitex4j server detects the transport and protocol of each connection, as a Kitex server
 * does, so one server answers clients of every combination; {@code --protocol} and
 * {@code --transport} are checked and reported. Runs until stopped (SIGINT/SIGTERM stop it
 * gracefully).
 */
@Command(name = "thrift-test-server", mixinStandardHelpOptions = true, sortOptions = false,
        version = "Kitex4j ThriftTest server (Apache Thrift cross test)",
        description = {
            "Serves ThriftTest (testdata/ThriftTest.thrift) on Kitex4j, as Apache Thrift's reference TestServer does.",
            "Kitex4j detects each connection's transport and protocol, so every combination is served."
        })
public final class ThriftTestServer implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "9090", paramLabel = "PORT",
            description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--protocol", defaultValue = "binary", paramLabel = "PROTOCOL",
            converter = Flags.ProtocolConverter.class, completionCandidates = Flags.Protocols.class,
            description = "Protocol: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Protocol protocol;

    @Option(names = "--transport", defaultValue = "buffered", paramLabel = "TRANSPORT",
            converter = Flags.TransportConverter.class, completionCandidates = Flags.Transports.class,
            description = "Transport: ${COMPLETION-CANDIDATES} (header = TTHeader|Framed) (default: ${DEFAULT-VALUE}).")
    Transport transport;

    @Option(names = "--server-type", defaultValue = "thread-pool", paramLabel = "TYPE",
            completionCandidates = Flags.ServerTypes.class,
            description = "Apache's server type: ${COMPLETION-CANDIDATES}; Kitex4j serves on its event loops "
                    + "and handler pool either way (default: ${DEFAULT-VALUE}).")
    String serverType;

    @Option(names = "--quiet", description = "Do not print each call the handler receives.")
    boolean quiet;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Starts a server hosting ThriftTest with {@link ThriftTestHandler} on {@code address}. */
    public static Server start(InetSocketAddress address, PrintStream log) throws Exception {
        Server server = Server.builder()
                .address(address)
                .service(ThriftTest.definition(new ThriftTestHandler(log)))
                .exitWaitTime(Duration.ofSeconds(2))
                .build();
        server.start();
        return server;
    }

    @Override
    public Integer call() throws Exception {
        if (!Flags.SERVER_TYPES.contains(serverType)) {
            System.err.println("Error: Unknown server type! " + serverType + " (expected one of " + Flags.SERVER_TYPES + ")");
            return 1;
        }
        PrintStream log = quiet ? new PrintStream(PrintStream.nullOutputStream()) : System.out;
        Server server = start(new InetSocketAddress(port), log);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "thrift-test-server-shutdown"));
        System.out.println("Starting the server [" + protocol.flag() + "/" + transport.flag() + "/" + serverType
                + "] on port " + server.address().getPort()
                + " (Kitex4j; every connection's transport and protocol are detected)");
        System.out.flush();
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ThriftTestServer());
        cli.setParameterExceptionHandler((e, a) -> {
            cli.getErr().println("Error: " + e.getMessage());
            e.getCommandLine().usage(cli.getErr());
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
