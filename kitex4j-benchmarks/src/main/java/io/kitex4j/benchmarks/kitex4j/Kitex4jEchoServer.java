package io.kitex4j.benchmarks.kitex4j;

import io.kitex4j.benchmarks.driver.ServerStats;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.server.HandlerExecution;
import io.kitex4j.server.Server;
import java.net.InetSocketAddress;

/**
 * The Kitex4j echo server: one port, every transport the server detects (TTHeader, Framed,
 * Buffered, TTHeader|Framed; binary and compact). Uses the hand-written
 * {@code io.kitex4j.examples.echo.EchoService} until the Thrift generator's output replaces it.
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

        @Override
        public void fire(EchoRequest req) {}
    }
}
