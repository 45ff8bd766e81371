package io.kitex4j.transport.netty.internal;

import io.kitex4j.remote.ProtocolException;

/** A protocol that was recognised but is not served yet; the server answers it with a clear error and closes. */
final class UnsupportedProtocolException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    enum Kind {
        TTHEADER_STREAMING
    }

    final Kind kind;

    UnsupportedProtocolException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }
}
