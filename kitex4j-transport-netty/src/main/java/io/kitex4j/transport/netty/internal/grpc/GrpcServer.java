package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.remote.transport.InboundDispatcher;
import io.kitex4j.remote.transport.TransportConfig;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * The gRPC side of a server transport: makes the HTTP/2 handler that protocol detection installs
 * on a connection, keeps track of those connections, and drains them on graceful shutdown.
 * Calls are counted through the transport's in-flight callbacks, so the exit wait covers them.
 * Thread-safe.
 */
public final class GrpcServer {
    final TransportConfig config;
    final InboundDispatcher dispatcher;
    private final Runnable callStarted;
    private final Runnable callFinished;
    private final Set<GrpcServerHandler> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    /**
     * @param callStarted run when a call is accepted
     * @param callFinished run once per accepted call when it is over on the wire and its handler returned
     */
    public GrpcServer(TransportConfig config, InboundDispatcher dispatcher, Runnable callStarted, Runnable callFinished) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.callStarted = callStarted;
        this.callFinished = callFinished;
    }

    /** A new handler for one HTTP/2 connection whose client preface is about to arrive. */
    public ChannelHandler newHandler() {
        return GrpcServerHandler.create(this);
    }

    /** The TLS context of a server configured with a certificate (ALPN {@code h2}). */
    public static SslContext serverSslContext(TransportConfig config) throws SSLException {
        return GrpcTls.serverContext(config);
    }

    /**
     * The first handler of a connection on a TLS port: detects a TLS client hello, runs the
     * handshake and, when ALPN chose {@code h2}, calls {@code installGrpc} on the pipeline.
     * Plaintext connections pass through untouched.
     */
    public static ChannelHandler tlsDetector(SslContext sslContext, Consumer<ChannelPipeline> installGrpc) {
        return new TlsDetector(sslContext, installGrpc);
    }

    /**
     * Graceful shutdown, step one: every connection gets GOAWAY (NO_ERROR, last stream = the last
     * one it accepted), so clients open no new calls here while the calls in flight finish.
     */
    public void drain() {
        draining = true;
        for (GrpcServerHandler h : connections) {
            h.drain();
        }
    }

    /**
     * Graceful shutdown, step two (after the calls in flight ended): waits until the clients
     * closed their drained connections, at most until {@code deadlineNanos} ({@link System#nanoTime()}).
     */
    public void awaitDrained(long deadlineNanos) {
        while (!connections.isEmpty() && System.nanoTime() - deadlineNanos < 0) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** gRPC connections open now. */
    public int connectionCount() {
        return connections.size();
    }

    boolean draining() {
        return draining;
    }

    void register(GrpcServerHandler h) {
        connections.add(h);
        if (draining) {
            h.drain();
        }
    }

    void unregister(GrpcServerHandler h) {
        connections.remove(h);
    }

    void callStarted() {
        callStarted.run();
    }

    void callFinished() {
        callFinished.run();
    }
}
