package io.kitex4j.client;

import io.kitex4j.context.CallHeaders;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Per-call settings that override the client's (Kitex's {@code callopt}). Immutable: every
 * {@code with...} returns a copy. {@link #DEFAULT} changes nothing.
 */
public final class CallOptions {
    /** No overrides. */
    public static final CallOptions DEFAULT = new CallOptions(null, null, null, null, null);

    private final Duration rpcTimeout;
    private final Duration connectTimeout;
    private final InetSocketAddress hostPort;
    private final CallHeaders headers;
    private final String compressor;

    private CallOptions(Duration rpcTimeout, Duration connectTimeout, InetSocketAddress hostPort, CallHeaders headers,
                        String compressor) {
        this.rpcTimeout = rpcTimeout;
        this.connectTimeout = connectTimeout;
        this.hostPort = hostPort;
        this.headers = headers;
        this.compressor = compressor;
    }

    /**
     * gRPC: sends {@code headers}' request headers with the call and stores the response headers
     * and trailers in it when the call ends (Kitex's outgoing metadata). Use a new
     * {@link CallHeaders} per call.
     */
    public CallOptions withHeaders(CallHeaders headers) {
        return new CallOptions(rpcTimeout, connectTimeout, hostPort, Objects.requireNonNull(headers, "headers"), compressor);
    }

    /** gRPC: compresses the request messages with {@code "gzip"} (Kitex's {@code WithGRPCCompressor}); {@code null} for none. */
    public CallOptions withCompressor(String compressor) {
        if (compressor != null && !compressor.equals("gzip") && !compressor.equals("identity")) {
            throw new IllegalArgumentException("unsupported compressor " + compressor + " (gzip or identity)");
        }
        return new CallOptions(rpcTimeout, connectTimeout, hostPort, headers,
                "identity".equals(compressor) ? null : compressor);
    }

    /** The gRPC call headers, or {@code null}. */
    public CallHeaders headers() {
        return headers;
    }

    /** The gRPC compressor, or {@code null}. */
    public String compressor() {
        return compressor;
    }

    /** The RPC timeout of this call; {@link Duration#ZERO} means none. */
    public CallOptions withRpcTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("rpc timeout must not be negative: " + timeout);
        }
        return new CallOptions(timeout, connectTimeout, hostPort, headers, compressor);
    }

    public CallOptions withConnectTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive: " + timeout);
        }
        return new CallOptions(rpcTimeout, timeout, hostPort, headers, compressor);
    }

    /** Sends this call to one address, bypassing discovery and load balancing. */
    public CallOptions withHostPort(InetSocketAddress address) {
        return new CallOptions(rpcTimeout, connectTimeout, Objects.requireNonNull(address, "address"), headers, compressor);
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
