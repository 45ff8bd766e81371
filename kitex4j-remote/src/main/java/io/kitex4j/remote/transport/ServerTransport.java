package io.kitex4j.remote.transport;

import java.net.InetSocketAddress;
import java.time.Duration;

/** Accepts connections, detects their protocol, decodes requests and writes replies. */
public interface ServerTransport {

    /** Binds and starts accepting; returns the bound address (port 0 picks a free port). Blocks until bound. */
    InetSocketAddress start(InetSocketAddress bindAddress, InboundDispatcher dispatcher) throws Exception;

    /**
     * Graceful shutdown: stops accepting, lets requests in flight finish (their replies carry
     * {@code crrst=1} over TTHeader) for at most {@code exitWait}, then closes every connection.
     * Blocks until done.
     */
    void shutdown(Duration exitWait);

    /** Connections currently open. */
    int connectionCount();
}
