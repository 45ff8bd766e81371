package io.kitex4j.remote.transport;

import io.kitex4j.remote.RemoteMessage;

/** Where the server engine hands a request's outcome back to the transport. Thread-safe; use once. */
public interface ReplySink {

    /** Encodes and writes the reply (a REPLY or EXCEPTION message). */
    void reply(RemoteMessage reply);

    /** The request needs no reply (oneway) and has been handled. */
    void done();
}
