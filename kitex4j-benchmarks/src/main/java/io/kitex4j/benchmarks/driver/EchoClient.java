package io.kitex4j.benchmarks.driver;

/**
 * A benchmark client of one target: creates the closed-loop callers (sharing whatever the target's
 * own client shares: a connection pool, a channel, a selector thread) and releases everything on close.
 */
public interface EchoClient extends AutoCloseable {

    /** Whether {@link #newAsyncCaller(int)} is supported. */
    boolean supportsAsync();

    /** Whether {@link #newBlockingCaller(int)} is supported. */
    boolean supportsBlocking();

    /** Caller number {@code index} of the asynchronous driver. */
    default AsyncCaller newAsyncCaller(int index) throws Exception {
        throw new UnsupportedOperationException("no asynchronous client for this target");
    }

    /** Caller number {@code index} of the blocking driver (used by one thread). */
    default BlockingCaller newBlockingCaller(int index) throws Exception {
        throw new UnsupportedOperationException("no blocking client for this target");
    }

    @Override
    void close() throws Exception;
}
