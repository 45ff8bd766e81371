package io.kitex4j.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Per-call settings that override the client's (Kitex's {@code callopt}). Immutable: every
 * {@code with...} returns a copy. {@link #DEFAULT} changes nothing.
 */
public final class CallOptions {
    /** No overrides. */
    public static final CallOptions DEFAULT = new CallOptions(null, null, null);

    private final Duration rpcTimeout;
    private final Duration connectTimeout;
    private final InetSocketAddress hostPort;

    private CallOptions(Duration rpcTimeout, Duration connectTimeout, InetSocketAddress hostPort) {
        this.rpcTimeout = rpcTimeout;
        this.connectTimeout = connectTimeout;
        this.hostPort = hostPort;
    }

    /** The RPC timeout of this call; {@link Duration#ZERO} means none. */
    public CallOptions withRpcTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("rpc timeout must not be negative: " + timeout);
        }
        return new CallOptions(timeout, connectTimeout, hostPort);
    }

    public CallOptions withConnectTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive: " + timeout);
        }
        return new CallOptions(rpcTimeout, timeout, hostPort);
    }

    /** Sends this call to one address, bypassing discovery and load balancing. */
    public CallOptions withHostPort(InetSocketAddress address) {
        return new CallOptions(rpcTimeout, connectTimeout, Objects.requireNonNull(address, "address"));
    }

    /** The RPC timeout override, or {@code null}. */
    public Duration rpcTimeout() {
        return rpcTimeout;
    }

    /** The connect timeout override, or {@code null}. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The address override, or {@code null}. */
    public InetSocketAddress hostPort() {
        return hostPort;
    }
}
