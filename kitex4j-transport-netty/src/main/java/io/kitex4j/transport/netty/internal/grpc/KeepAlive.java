package io.kitex4j.transport.netty.internal.grpc;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/2 keepalive of one connection (grpc-go's): after {@code time} without reading anything,
 * send a PING; if nothing at all is read within {@code timeout} after it, the peer is gone and
 * the connection is closed. Runs on the connection's event loop.
 */
final class KeepAlive {
    /** Our PING payload ("kitex4jk"), told apart from the peer's own pings by their acks. */
    static final long PING_DATA = 0x6b69746578346a6bL;

    private final GrpcHandler handler;
    /** Keepalive pings the peer acknowledged (for tests and diagnosis). */
    volatile int acks;
    private final long timeNanos;
    private final long timeoutNanos;
    private long lastRead = System.nanoTime();
    private long pingSentAt;
    /** A ping is out and unanswered ({@code System.nanoTime()} may be negative: no sentinel value). */
    private boolean pingOutstanding;
    private ScheduledFuture<?> timer;
    private boolean stopped;

    KeepAlive(GrpcHandler handler, long timeNanos, long timeoutNanos) {
        this.handler = handler;
        this.timeNanos = timeNanos;
        this.timeoutNanos = timeoutNanos;
    }

    void start() {
        schedule(timeNanos);
    }

    void onRead() {
        lastRead = System.nanoTime();
    }

    void onPingAck(long data) {
        if (data == PING_DATA) {
            lastRead = System.nanoTime();
            acks++;
        }
    }

    void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void schedule(long delayNanos) {
        if (!stopped) {
            timer = handler.ctx.executor().schedule(this::check, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
        }
    }

    private void check() {
        if (stopped || !handler.ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        if (pingOutstanding) {
            if (lastRead - pingSentAt < 0) {
                handler.keepAliveTimedOut();
                return;
            }
            pingOutstanding = false;
        }
        long idle = now - lastRead;
        if (idle >= timeNanos) {
            pingSentAt = now;
            pingOutstanding = true;
            handler.encoder().writePing(handler.ctx, false, PING_DATA, handler.ctx.newPromise());
            handler.flushNow();
            schedule(timeoutNanos);
        } else {
            schedule(timeNanos - idle);
        }
    }
}
