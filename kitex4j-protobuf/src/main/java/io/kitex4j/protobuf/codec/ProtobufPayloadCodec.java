package io.kitex4j.protobuf.codec;

import io.kitex4j.protobuf.ProtobufCodec;
import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.ProtocolException;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.service.MessageCodec;
import io.netty.buffer.ByteBuf;

/**
 * The {@link PayloadCodec} of {@link PayloadProtocol#PROTOBUF}: raw protobuf messages as they
 * travel inside gRPC message frames (and TTHeader Streaming data frames), with no message header,
 * method name or sequence id; the transport carries those. Only {@link #encodeMessage} and
 * {@link #decodeMessage} apply: the gRPC transport calls
 * {@code PayloadCodecs.require(PayloadProtocol.PROTOBUF).encodeMessage(msg, methodCodec, buf)}.
 * The message-level methods throw {@link UnsupportedOperationException}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProtobufPayloadCodec implements PayloadCodec {

    @Override
    public PayloadProtocol protocol() {
        return PayloadProtocol.PROTOBUF;
    }

    /** Unsupported: raw protobuf has no message header; use {@link #encodeMessage}. */
    @Override
    public void encode(RemoteMessage msg, ByteBuf out) {
        throw unsupported("encode");
    }

    /** Unsupported: raw protobuf has no message header; use {@link #decodeMessage}. */
    @Override
    public void decodeHeader(ByteBuf in, RemoteMessage msg) {
        throw unsupported("decodeHeader");
    }

    /** Unsupported: raw protobuf has no message header; use {@link #decodeMessage}. */
    @Override
    public void decodeBody(ByteBuf in, RemoteMessage msg) {
        throw unsupported("decodeBody");
    }

    /** Refuses: raw protobuf only travels in gRPC frames, which carry its length. */
    @Override
    public int messageLength(ByteBuf in, int offset) {
        throw new ProtocolException("raw protobuf (PROTOBUF) travels only inside gRPC frames; it cannot be sent Buffered");
    }

    /**
     * Writes {@code message}'s protobuf encoding straight into {@code out}; {@code codec} is the
     * method's request or response {@link ProtobufCodec}. A null message writes nothing (an empty
     * message).
     *
     * @throws IllegalArgumentException if {@code codec} is not a {@link ProtobufCodec} or the
     *     message is not of its type
     */
    @Override
    public void encodeMessage(Object message, MessageCodec<?> codec, ByteBuf out) {
        KitexProtobufPayloadCodec.encodeBare(message, codec, out);
    }

    /**
     * Parses all readable bytes of {@code in} as one message with {@code codec} (a
     * {@link ProtobufCodec}) and consumes them.
     *
     * @throws ProtocolException if the bytes are not valid protobuf of that type, or {@code codec}
     *     is not a {@link ProtobufCodec}
     */
    @Override
    public Object decodeMessage(ByteBuf in, MessageCodec<?> codec) {
        return KitexProtobufPayloadCodec.decodeBare(in, codec);
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("PayloadProtocol.PROTOBUF is raw protobuf inside gRPC frames and has no "
                + "message header, so " + what + " does not apply: use encodeMessage/decodeMessage "
                + "(Kitex Protobuf with a message header is PayloadProtocol.KITEX_PROTOBUF)");
    }

    @Override
    public String toString() {
        return "ProtobufPayloadCodec";
    }
}
