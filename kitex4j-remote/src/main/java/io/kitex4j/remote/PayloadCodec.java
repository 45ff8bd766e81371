package io.kitex4j.remote;

import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.service.MessageCodec;
import io.netty.buffer.ByteBuf;

/**
 * Encodes and decodes the payload of a message (the part inside Framed, Buffered or TTHeader
 * framing) for one {@link PayloadProtocol}: Kitex's {@code remote.PayloadCodec}. Providers are
 * found with {@link java.util.ServiceLoader} through {@link PayloadCodecProvider}; a user codec
 * replaces a built-in one by a higher priority.
 *
 * <p>This is an extension SPI and uses Netty's {@link ByteBuf}; application code never sees it.
 * Implementations are stateless and thread-safe. Malformed input is reported with
 * {@link ProtocolException} (or a protocol-specific subclass of {@link RuntimeException}).
 */
public interface PayloadCodec {

    PayloadProtocol protocol();

    /** Writes the message header and body of {@code msg} to {@code out}. */
    void encode(RemoteMessage msg, ByteBuf out);

    /**
     * Reads the message header (type, method name, sequence id) into {@code msg}, leaving
     * {@code in} positioned at the body.
     */
    void decodeHeader(ByteBuf in, RemoteMessage msg);

    /**
     * Reads the body with the codecs of {@code msg.method()} (requests: the request codec; replies:
     * the response codec; exceptions: the application exception) and stores it in {@code msg}.
     */
    void decodeBody(ByteBuf in, RemoteMessage msg);

    /**
     * For unframed (Buffered) transports: the byte length of the complete message starting at
     * {@code offset}, or -1 if more bytes are needed. Must not move indexes or allocate; throws
     * {@link ProtocolException} on malformed bytes. Codecs of protocols that are always framed
     * keep the default, which refuses.
     */
    default int messageLength(ByteBuf in, int offset) {
        throw new ProtocolException(protocol() + " cannot be sent unframed (Buffered)");
    }

    /**
     * Writes one message alone, with no message header, sequence id or envelope: the body of a
     * gRPC message frame (a raw protobuf message; for Thrift over gRPC the bare struct) and of a
     * TTHeader Streaming data frame. {@code codec} is the method's request or response codec.
     */
    default void encodeMessage(Object message, MessageCodec<?> codec, ByteBuf out) {
        throw new UnsupportedOperationException(protocol() + " cannot encode a bare message");
    }

    /**
     * Reads one whole bare message (all readable bytes of {@code in}) with {@code codec}; the
     * reverse of {@link #encodeMessage}. Malformed bytes raise {@link ProtocolException}.
     */
    default Object decodeMessage(ByteBuf in, MessageCodec<?> codec) {
        throw new UnsupportedOperationException(protocol() + " cannot decode a bare message");
    }
}
