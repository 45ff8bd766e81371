package io.kitex4j.server;

import io.kitex4j.service.ServiceDefinition;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * A server hosting one or more services on one port, which detects each connection's protocol
 * (TTHeader, Framed, Buffered; Thrift binary or compact). Requests are routed by service name
 * (TTHeader {@code isn}) and method name.
 *
 * <pre>{@code
 * Server server = Server.builder()
 *         .address(new InetSocketAddress(8888))
 *         .service(EchoService.definition(new EchoHandler()))
 *         .build();
 * server.start();
 * ...
 * server.stop(); // graceful
 * }</pre>
 *
 * Thread-safe.
 */
public interface Server extends AutoCloseable {

    static ServerBuilder builder() {
        return new ServerBuilder();
    }

    /** Binds and starts serving; returns the bound address. Throws if binding fails. */
    InetSocketAddress start() throws Exception;

    /** The bound address, or {@code null} before {@link #start()}. */
    InetSocketAddress address();

    /**
     * Graceful shutdown (Kitex's {@code Stop}): stops accepting, marks replies with {@code crrst=1}
     * so TTHeader clients drop their connections, lets requests in flight finish for at most the
     * exit wait time, then closes every connection. Blocks until done; idempotent.
     */
    void stop();

    /** The hosted services. */
    List<ServiceDefinition> services();

    ServerOptions options();

    @Override
    default void close() {
        stop();
    }
}
