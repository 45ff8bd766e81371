package io.kitex4j.rpcinfo;

/**
 * How messages are framed on the connection. The names follow Kitex's {@code transport}
 * bits; {@link #TTHEADER_FRAMED} is what Kitex (≥ 0.13) sends when a user asks for TTHeader.
 */
public enum TransportProtocol {
    /** The bare message ({@code PurePayload}); the reader must parse the message to find its end. */
    BUFFERED(0),
    /** A 4-byte big-endian length, then the message. The Kitex client default since v0.13. */
    FRAMED(4),
    /** A TTHeader frame around the bare message. */
    TTHEADER(2),
    /** A TTHeader frame around a Framed message (what Kitex sends for "TTHeader"). */
    TTHEADER_FRAMED(2 | 4),
    /** gRPC over HTTP/2. */
    GRPC(16),
    /** Kitex's TTHeader Streaming. */
    TTHEADER_STREAMING(64);

    private final int kitexBits;

    TransportProtocol(int kitexBits) {
        this.kitexBits = kitexBits;
    }

    /** The value of Kitex's {@code transport.Protocol} bit set for this framing. */
    public int kitexBits() {
        return kitexBits;
    }

    /** Whether a TTHeader frame wraps each message. */
    public boolean isTTHeader() {
        return this == TTHEADER || this == TTHEADER_FRAMED || this == TTHEADER_STREAMING;
    }

    /** Whether the message (inside TTHeader or not) is preceded by a 4-byte length. */
    public boolean isFramed() {
        return this == FRAMED || this == TTHEADER_FRAMED;
    }
}
