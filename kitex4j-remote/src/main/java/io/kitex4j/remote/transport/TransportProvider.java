package io.kitex4j.remote.transport;

/**
 * {@link java.util.ServiceLoader} provider of transports. The engines pick the available provider
 * with the highest {@link #priority()} unless one is named in the builder.
 */
public interface TransportProvider {

    String name();

    default int priority() {
        return 0;
    }

    ClientTransport newClientTransport(TransportConfig config);

    ServerTransport newServerTransport(TransportConfig config);
}
