package io.kitex4j.service;

/** How a method's messages flow. */
public enum InteractionMode {
    /** One request, one response. */
    PING_PONG,
    /** One request, no response (Thrift {@code oneway}). */
    ONEWAY,
    CLIENT_STREAMING,
    SERVER_STREAMING,
    BIDI_STREAMING;

    public boolean isStreaming() {
        return ordinal() >= CLIENT_STREAMING.ordinal();
    }
}
