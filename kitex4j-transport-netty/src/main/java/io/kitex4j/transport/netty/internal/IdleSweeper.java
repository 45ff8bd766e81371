package io.kitex4j.transport.netty.internal;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Closes the idle Kitex connections of one event loop (the server's {@code maxConnectionIdleTime}),
 * in place of an {@code IdleStateHandler} with its own timer task per connection. Every
 * {@code timeout / }{@value #TICKS_PER_TIMEOUT} the sweep advances a tick counter and walks this
 * loop's connections; a connection stamps the current tick (a plain int write, no clock read) when
 * it reads bytes or a reply write completes, and is offered the close once {@code idleTicks} ticks
 * have passed since its stamp. A stamp of tick {@code t} was taken before sweep {@code t + 1} ran,
 * and sweeps are at least one period apart, so a connection is never closed before it has been
 * idle for the whole timeout; it is closed at most one period (a tenth of the timeout) later, plus
 * whatever delays the event loop adds.
 *
 * <p>Confined to its event loop: every method but {@link #stop} runs there. The sweep runs only
 * while the loop has connections, and never again after {@link #stop}.
 */
final class IdleSweeper implements Runnable {
    /** Sweeps per idle timeout: the close comes after an idle time in (timeout, timeout × (1 + 1 / this)]. */
    static final int TICKS_PER_TIMEOUT = 10;
    private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int INITIAL_CAPACITY = 16;

    private final EventExecutor loop;
    private final long periodNanos;
    private final int idleTicks;
    private ServerHandler[] connections = new ServerHandler[INITIAL_CAPACITY];
    private int size;
    private int tick;
    private ScheduledFuture<?> next;
    private boolean stopped;

    IdleSweeper(EventExecutor loop, long timeoutNanos) {
        this.loop = loop;
        this.periodNanos = Math.max(MIN_PERIOD_NANOS, timeoutNanos / TICKS_PER_TIMEOUT);
        // Idle for the whole timeout is guaranteed once (ticks since the stamp - 1) periods cover it.
        long ticks = (timeoutNanos + periodNanos - 1) / periodNanos + 1;
        this.idleTicks = (int) Math.min(Integer.MAX_VALUE / 2, ticks);
    }

    /** The current tick: what a connection stamps on activity. */
    int now() {
        return tick;
    }

    void add(ServerHandler h) {
        if (size == connections.length) {
            connections = Arrays.copyOf(connections, size * 2);
        }
        h.sweepIndex = size;
        connections[size++] = h;
        if (next == null && !stopped) {
            next = loop.schedule(this, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    void remove(ServerHandler h) {
        int i = h.sweepIndex;
        if (i < 0 || i >= size || connections[i] != h) {
            return;
        }
        h.sweepIndex = -1;
        ServerHandler last = connections[--size];
        connections[size] = null;
        if (last != h) {
            connections[i] = last;
            last.sweepIndex = i;
        }
        if (connections.length > INITIAL_CAPACITY && size < connections.length / 4) {
            connections = Arrays.copyOf(connections, connections.length / 2);
        }
    }

    @Override
    public void run() {
        next = null;
        if (stopped) {
            return;
        }
        int now = ++tick;
        // Downwards: a connection closed now leaves the list later (when its pipeline is torn
        // down), but should it leave at once, the one swapped into its slot was already seen.
        for (int i = size - 1; i >= 0; i--) {
            if (i >= size) {
                continue;
            }
            ServerHandler h = connections[i];
            if (now - h.lastActive >= idleTicks) {
                h.idle();
            }
        }
        if (size > 0 && !stopped) {
            next = loop.schedule(this, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** No sweep after this; callable from any thread (a no-op once the loop has shut down). */
    void stop() {
        if (loop.inEventLoop()) {
            stop0();
            return;
        }
        try {
            loop.execute(this::stop0);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The loop is gone, and its scheduled tasks with it.
        }
    }

    private void stop0() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    // For tests.

    boolean scheduled() {
        return next != null;
    }

    boolean stopped() {
        return stopped;
    }

    int size() {
        return size;
    }

    long periodNanos() {
        return periodNanos;
    }
}
