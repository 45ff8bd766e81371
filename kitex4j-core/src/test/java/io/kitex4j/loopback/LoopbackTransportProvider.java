package io.kitex4j.loopback;

import io.kitex4j.remote.transport.ClientTransport;
import io.kitex4j.remote.transport.ServerTransport;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.remote.transport.TransportProvider;

/**
 * An in-memory transport for engine tests, registered through META-INF/services and chosen only
 * by name ({@code .transport("loopback")}): its priority is the lowest possible, so that the
 * default choice of every other test stays the real transport.
 */
public final class LoopbackTransportProvider implements TransportProvider {
    public static final String NAME = "loopback";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public ClientTransport newClientTransport(TransportConfig config) {
        return new LoopbackClientTransport();
    }

    @Override
    public ServerTransport newServerTransport(TransportConfig config) {
        return new LoopbackServerTransport();
    }
}
