package io.kitex4j.rpcinfo;

import io.kitex4j.stats.StatsEvent;
import io.kitex4j.stats.StatsLevel;

/**
 * Timestamped events of one call (see {@link StatsEvent}), its sizes and its error. Recorded by
 * the framework and read by tracers in {@link io.kitex4j.stats.Tracer#finish}.
 */
public interface RpcStats {

    StatsLevel level();

    /** The {@link System#nanoTime()} at which the event happened, or {@code -1} if it did not (or was not recorded). */
    long eventNanos(StatsEvent event);

    /** Bytes written for the request (client) or response (server), or 0 if unknown. */
    long sendSize();

    /** Bytes read for the response (client) or request (server), or 0 if unknown. */
    long recvSize();

    /** The error the call ended with, or {@code null}. */
    Throwable error();
}
