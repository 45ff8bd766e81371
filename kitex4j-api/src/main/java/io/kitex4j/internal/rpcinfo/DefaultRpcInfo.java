package io.kitex4j.internal.rpcinfo;

import io.kitex4j.rpcinfo.RpcInfo;

/** The framework's {@link RpcInfo}, holding the writable parts. */
public final class DefaultRpcInfo implements RpcInfo {
    private final Side side;
    private final MutableEndpointInfo from;
    private final MutableEndpointInfo to;
    private final MutableInvocation invocation;
    private final MutableRpcConfig config;
    private final MutableRpcStats stats;

    public DefaultRpcInfo(Side side, MutableEndpointInfo from, MutableEndpointInfo to, MutableInvocation invocation,
                          MutableRpcConfig config, MutableRpcStats stats) {
        this.side = side;
        this.from = from;
        this.to = to;
        this.invocation = invocation;
        this.config = config;
        this.stats = stats;
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public MutableEndpointInfo from() {
        return from;
    }

    @Override
    public MutableEndpointInfo to() {
        return to;
    }

    @Override
    public MutableInvocation invocation() {
        return invocation;
    }

    @Override
    public MutableRpcConfig config() {
        return config;
    }

    @Override
    public MutableRpcStats stats() {
        return stats;
    }

    @Override
    public String toString() {
        return "RpcInfo{" + side + ", from=" + from + ", to=" + to + ", invocation=" + invocation + ", config=" + config + '}';
    }
}
