package io.kitex4j.internal.rpcinfo;

import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.RpcConfig;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.service.InteractionMode;
import java.time.Duration;

/** The framework's writable {@link RpcConfig}. */
public final class MutableRpcConfig implements RpcConfig {
    // Shared defaults: one of these is made for every call on both sides.
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(50);
    private static final Duration DEFAULT_READ_WRITE_TIMEOUT = Duration.ofSeconds(5);

    private Duration rpcTimeout = Duration.ZERO;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readWriteTimeout = DEFAULT_READ_WRITE_TIMEOUT;
    private TransportProtocol transportProtocol = TransportProtocol.FRAMED;
    private PayloadProtocol payloadProtocol = PayloadProtocol.THRIFT_BINARY;
    private InteractionMode interactionMode = InteractionMode.PING_PONG;
    /** Whether the RPC timeout was set explicitly (Kitex only propagates explicit timeouts). */
    private boolean rpcTimeoutExplicit;
    private boolean connectTimeoutExplicit;

    @Override
    public Duration rpcTimeout() {
        return rpcTimeout;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public Duration readWriteTimeout() {
        return readWriteTimeout;
    }

    @Override
    public TransportProtocol transportProtocol() {
        return transportProtocol;
    }

    @Override
    public PayloadProtocol payloadProtocol() {
        return payloadProtocol;
    }

    @Override
    public InteractionMode interactionMode() {
        return interactionMode;
    }

    public boolean rpcTimeoutExplicit() {
        return rpcTimeoutExplicit;
    }

    public boolean connectTimeoutExplicit() {
        return connectTimeoutExplicit;
    }

    public MutableRpcConfig setRpcTimeout(Duration rpcTimeout, boolean explicit) {
        this.rpcTimeout = rpcTimeout;
        this.rpcTimeoutExplicit = explicit;
        return this;
    }

    public MutableRpcConfig setConnectTimeout(Duration connectTimeout, boolean explicit) {
        this.connectTimeout = connectTimeout;
        this.connectTimeoutExplicit = explicit;
        return this;
    }

    public MutableRpcConfig setReadWriteTimeout(Duration readWriteTimeout) {
        this.readWriteTimeout = readWriteTimeout;
        return this;
    }

    public MutableRpcConfig setTransportProtocol(TransportProtocol transportProtocol) {
        this.transportProtocol = transportProtocol;
        return this;
    }

    public MutableRpcConfig setPayloadProtocol(PayloadProtocol payloadProtocol) {
        this.payloadProtocol = payloadProtocol;
        return this;
    }

    public MutableRpcConfig setInteractionMode(InteractionMode interactionMode) {
        this.interactionMode = interactionMode;
        return this;
    }

    @Override
    public String toString() {
        return "{rpcTimeout=" + rpcTimeout + ", connectTimeout=" + connectTimeout + ", transport=" + transportProtocol
                + ", payload=" + payloadProtocol + ", mode=" + interactionMode + '}';
    }
}
