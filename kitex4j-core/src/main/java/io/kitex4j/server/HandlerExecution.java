package io.kitex4j.server;

/** Where a server runs its handlers. */
public enum HandlerExecution {
    /**
     * One virtual thread per request on Java 21+; before that a bounded pool of platform threads
     * (requests beyond pool and queue are rejected with "request over limit"). Safe for blocking
     * handlers. The default.
     */
    DEFAULT,
    /**
     * On the connection's I/O thread, with no hand-off: the fastest mode, for handlers that never
     * block (pure computation, or asynchronous handlers). A blocking handler here stalls every
     * connection of that I/O thread.
     */
    IO_THREAD
}
