package io.kitex4j.transport.netty.internal;

import io.kitex4j.errors.ConnectionException;
import io.kitex4j.remote.transport.TransportConfig;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Kitex's long-connection pool: idle connections per address in a LIFO list (the most recently
 * used first), at most {@code maxIdlePerAddress} per address and {@code maxIdleGlobal} in all;
 * connections idle for longer than {@code maxIdleTimeout} are closed (oldest first). With short
 * connections every call dials and the connection is closed after it. Thread-safe.
 */
final class ConnectionPool {
    private static final AttributeKey<Long> IDLE_SINCE = AttributeKey.valueOf("kitex4j.idleSince");
    private static final AttributeKey<InetSocketAddress> TARGET = AttributeKey.valueOf("kitex4j.target");

    private final Bootstrap bootstrap;
    private final TransportConfig config;
    private final Map<InetSocketAddress, ArrayDeque<Channel>> idle = new HashMap<>();
    private int idleCount;
    private boolean closed;

    ConnectionPool(Bootstrap bootstrap, TransportConfig config) {
        this.bootstrap = bootstrap;
        this.config = config;
    }

    /** An idle live connection to {@code address}, or a new one. */
    CompletableFuture<Channel> acquire(InetSocketAddress address, long connectTimeoutMillis) {
        if (!config.shortConnections()) {
            Channel ch = pollIdle(address);
            if (ch != null) {
                return CompletableFuture.completedFuture(ch);
            }
        }
        CompletableFuture<Channel> result = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                result.completeExceptionally(new ConnectionException("client transport is closed"));
                return result;
            }
        }
        ChannelFuture f = bootstrap.clone()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeoutMillis)))
                .connect(address);
        f.addListener(done -> {
            if (done.isSuccess()) {
                f.channel().attr(TARGET).set(address);
                result.complete(f.channel());
            } else {
                Throwable c = done.cause();
                result.completeExceptionally(new ConnectionException("dial tcp " + address + ": "
                        + (c == null ? "cancelled" : c.getMessage()), c));
            }
        });
        return result;
    }

    private synchronized Channel pollIdle(InetSocketAddress address) {
        ArrayDeque<Channel> q = idle.get(address);
        if (q == null) {
            return null;
        }
        long now = System.nanoTime();
        long maxIdle = config.maxIdleTimeout().toNanos();
        Channel ch;
        while ((ch = q.pollLast()) != null) {
            idleCount--;
            Long since = ch.attr(IDLE_SINCE).get();
            if (ch.isActive() && (since == null || now - since < maxIdle)) {
                return ch;
            }
            ch.close();
        }
        return null;
    }

    /** Gives a connection back after a successful call; closes it when the pool is full or short connections are used. */
    void release(Channel ch) {
        InetSocketAddress address = ch.attr(TARGET).get();
        if (config.shortConnections() || address == null || !ch.isActive()) {
            ch.close();
            return;
        }
        synchronized (this) {
            if (!closed) {
                ArrayDeque<Channel> q = idle.computeIfAbsent(address, a -> new ArrayDeque<>());
                if (q.size() < config.maxIdlePerAddress() && idleCount < config.maxIdleGlobal()) {
                    ch.attr(IDLE_SINCE).set(System.nanoTime());
                    q.addLast(ch);
                    idleCount++;
                    return;
                }
            }
        }
        ch.close();
    }

    /** Closes connections idle for longer than the idle timeout, oldest first. */
    synchronized void evictExpired() {
        long now = System.nanoTime();
        long maxIdle = config.maxIdleTimeout().toNanos();
        for (Iterator<ArrayDeque<Channel>> it = idle.values().iterator(); it.hasNext(); ) {
            ArrayDeque<Channel> q = it.next();
            Channel ch;
            while ((ch = q.peekFirst()) != null) {
                Long since = ch.attr(IDLE_SINCE).get();
                if (ch.isActive() && since != null && now - since < maxIdle) {
                    break;
                }
                q.pollFirst();
                idleCount--;
                ch.close();
            }
            if (q.isEmpty()) {
                it.remove();
            }
        }
    }

    synchronized int idleCount() {
        return idleCount;
    }

    synchronized void close() {
        closed = true;
        for (ArrayDeque<Channel> q : idle.values()) {
            for (Channel ch : q) {
                ch.close();
            }
        }
        idle.clear();
        idleCount = 0;
    }
}
