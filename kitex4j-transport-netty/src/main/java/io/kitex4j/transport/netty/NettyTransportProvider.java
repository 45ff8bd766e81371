package io.kitex4j.transport.netty;

import io.kitex4j.remote.transport.ClientTransport;
import io.kitex4j.remote.transport.ServerTransport;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.remote.transport.TransportProvider;
import io.kitex4j.transport.netty.internal.NettyClientTransport;
import io.kitex4j.transport.netty.internal.NettyServerTransport;

/**
 * The Netty transport ({@code "netty"}), registered with {@link java.util.ServiceLoader}: native
 * epoll on Linux when available, NIO otherwise. Adding this module to the class path is enough.
 */
public final class NettyTransportProvider implements TransportProvider {
    @Override
    public String name() {
        return "netty";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public ClientTransport newClientTransport(TransportConfig config) {
        return new NettyClientTransport(config);
    }

    @Override
    public ServerTransport newServerTransport(TransportConfig config) {
        return new NettyServerTransport(config);
    }
}
