package io.kitex4j.remote;

/**
 * Reads and writes transport metadata of messages (Kitex's {@code remote.MetaHandler}): runs
 * after a message is decoded ({@link #readMeta}) and before one is encoded ({@link #writeMeta}).
 * The built-in handlers write and read TTHeader keys and metainfo; users add their own through
 * the client or server builder. Implementations are thread-safe.
 */
public interface MetaHandler {

    /** Fills the outgoing message's header keys (and anything else it owns). */
    void writeMeta(RemoteMessage msg);

    /** Reads what it owns from an incoming message's header keys. */
    void readMeta(RemoteMessage msg);
}
