package io.kitex4j.transport.netty.internal.grpc;

/** HTTP/2 protocol defaults (RFC 9113 §6.5.2). */
final class Http2CodecDefaults {
    /** SETTINGS_INITIAL_WINDOW_SIZE when not sent. */
    static final int WINDOW = 65535;

    private Http2CodecDefaults() {}
}
