package io.kitex4j.transport.netty.internal.grpc;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pooled HTTP/2 connection of a {@link GrpcClient}: the calls reserved on it, the peer's
 * MAX_CONCURRENT_STREAMS, and whether it still takes new calls (not after GOAWAY or close).
 */
final class GrpcClientConnection {
    final GrpcClient client;
    final InetSocketAddress address;
    final boolean singleUse;
    final CompletableFuture<GrpcClientConnection> ready = new CompletableFuture<>();
    final AtomicInteger reserved = new AtomicInteger();
    volatile Channel channel;
    volatile GrpcClientHandler handler;
    volatile int maxStreams = Integer.MAX_VALUE;
    volatile boolean draining;
    volatile boolean closed;
    volatile long idleSince = System.nanoTime();

    GrpcClientConnection(GrpcClient client, InetSocketAddress address, boolean singleUse) {
        this.client = client;
        this.address = address;
        this.singleUse = singleUse;
    }

    /** Takes no new calls: it got GOAWAY, failed or closed. */
    boolean usable() {
        return !draining && !closed && !ready.isCompletedExceptionally();
    }

    /** A call reserved on this connection ended. */
    void release() {
        if (reserved.decrementAndGet() <= 0) {
            idleSince = System.nanoTime();
            if (singleUse || draining) {
                close();
            }
        }
    }

    /** Whether {@link #close()} was called (a channel attached later is closed at once). */
    private volatile boolean closeRequested;

    /** The connection's channel, once it exists (from its initializer, before it can become active). */
    void attach(Channel ch) {
        channel = ch;
        if (closeRequested) {
            ch.close(); // close() ran before the channel was known
        }
    }

    void close() {
        closeRequested = true;
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    @Override
    public String toString() {
        return "GrpcConnection{" + address + ", calls=" + reserved.get() + (draining ? ", draining" : "") + (closed ? ", closed" : "") + '}';
    }
}
