package io.kitex4j.benchmarks.kitex4j;

import io.kitex4j.benchmarks.driver.ServerStats;
import echo.EchoRequest;
import echo.EchoResponse;
import echo.EchoService;
import io.kitex4j.server.HandlerExecution;
import io.kitex4j.server.Server;
import java.net.InetSocketAddress;

/**
 * The Kitex4j echo server: one port, every transport the server detects (TTHeader, Framed,
 * Buffered, TTHeader|Framed; binary and compact). Uses the hand-written
 * {@code echo.EchoService}, generated from issue 5's echo.thrift by kitex4j-maven-plugin.
 */
public final class Kitex4jEchoServer implements AutoCloseable {
    private final Server server;
    private final InetSocketAddress address;

    public Kitex4jEchoServer(String host, int port, HandlerExecution execution, int ioThreads) throws Exception {
        var b = Server.builder()
                .address(new InetSocketAddress(host, port))
                .service(EchoService.definition(new Handler()))
                .handlerExecution(execution);
        if (ioThreads > 0) {
            b.ioThreads(ioThreads);
        }
        server = b.build();
        address = server.start();
    }

    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Echoes; never blocks, so it may run on the I/O thread. */
    static final class Handler implements EchoService.Iface {
        @Override
        public EchoResponse echo(EchoRequest req) {
            ServerStats.CALLS.increment();
            return new EchoResponse(req.getMessage());
        }
    }
}
