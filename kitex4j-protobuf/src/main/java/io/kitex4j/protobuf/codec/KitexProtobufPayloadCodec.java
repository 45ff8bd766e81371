package io.kitex4j.protobuf.codec;

import com.google.protobuf.MessageLite;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.protobuf.ProtobufCodec;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.ProtocolException;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.service.MessageCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;

/**
 * The {@link PayloadCodec} of {@link PayloadProtocol#KITEX_PROTOBUF} (§3 of the wire fact sheet,
 * Kitex's {@code pkg/remote/codec/protobuf}): a Thrift-like message header, then the raw protobuf
 * encoding of the request or response message with no wrapper:
 * <pre>
 *   u32 0x9001_0000 | msgType   (1 call, 2 reply, 3 exception, 4 oneway)
 *   u32 name length (> 0), name (UTF-8)
 *   u32 seq id
 *   ... body: the message, up to the end of the frame
 * </pre>
 * An EXCEPTION's body is {@code ErrorProto{int32 TypeID = 1; string Message = 2;}}, written from
 * the {@link ApplicationException} in the message body (any other body: type 6 with its text) and
 * read back as a {@link RemoteApplicationException}. Kitex Protobuf is always framed (bare Framed or
 * TTHeader|Framed): the body length comes from the frame, so {@link #messageLength} refuses.
 *
 * <p>Stateless and thread-safe. Malformed input raises {@link ProtocolException}; nothing else
 * escapes a decode method for bad bytes.
 */
public final class KitexProtobufPayloadCodec implements PayloadCodec {
    /** The version word's high half ({@code ProtobufV1Magic}); the low half is the message type. */
    public static final int MAGIC = 0x9001_0000;
    private static final int MAGIC_MASK = 0xFFFF_0000;

    @Override
    public PayloadProtocol protocol() {
        return PayloadProtocol.KITEX_PROTOBUF;
    }

    /**
     * Writes the header and the body of {@code msg}. A null body of a call or reply writes an
     * empty body (an empty message; also the reply of a business status error).
     *
     * @throws IllegalArgumentException if the method name is empty (Kitex refuses it too) or the
     *     body is not a message of the method's protobuf type
     */
    @Override
    public void encode(RemoteMessage msg, ByteBuf out) {
        String name = msg.methodName();
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Kitex Protobuf needs a method name; the message has none: " + msg);
        }
        out.writeInt(MAGIC | (msg.messageType() & 0xFFFF));
        int lenIdx = out.writerIndex();
        out.writeInt(0);
        int nameLen = ByteBufUtil.writeUtf8(out, name);
        out.setInt(lenIdx, nameLen);
        out.writeInt(msg.seqId());
        Object body = msg.body();
        if (msg.messageType() == MessageType.EXCEPTION) {
            if (body instanceof ApplicationException) {
                ApplicationException e = (ApplicationException) body;
                ErrorProto.write(e.typeId(), e.getMessage(), out);
            } else {
                // Kitex: a non-TransError error is sent as InternalError with err.Error().
                String text = body instanceof Throwable ? String.valueOf(((Throwable) body).getMessage()) : String.valueOf(body);
                ErrorProto.write(ApplicationException.INTERNAL_ERROR, text, out);
            }
            return;
        }
        if (body == null) {
            return;
        }
        ProtobufCodec<MessageLite> codec = Codecs.protobuf(Codecs.bodyCodec(msg), "method " + name, false);
        codec.write(Codecs.message(body, codec, "method " + name), out);
    }

    /**
     * Reads the header (type, method name, seq id) into {@code msg}, leaving {@code in} at the body.
     *
     * @throws ProtocolException if the magic is not {@code 0x9001} ("bad version"), the message type
     *     is not 1..4, the name length is 0 or runs past the message, or the header is cut short
     */
    @Override
    public void decodeHeader(ByteBuf in, RemoteMessage msg) {
        if (in.readableBytes() < 4) {
            throw new ProtocolException("Kitex Protobuf message of " + in.readableBytes() + " bytes is too short for its header");
        }
        int word = in.readInt();
        if ((word & MAGIC_MASK) != MAGIC) {
            throw new ProtocolException(String.format("bad version in Kitex Protobuf message: %08x (want 9001xxxx)", word));
        }
        int type = word & 0xFFFF;
        if (type < MessageType.CALL || type > MessageType.ONEWAY) {
            throw new ProtocolException("invalid Kitex Protobuf message type " + type);
        }
        if (in.readableBytes() < 4) {
            throw new ProtocolException("Kitex Protobuf message ends before its method name length");
        }
        int nameLen = in.readInt();
        if (nameLen <= 0) {
            throw new ProtocolException("Kitex Protobuf method name length must be > 0, got " + Integer.toUnsignedString(nameLen));
        }
        // The name and the 4-byte seq id must fit in what is left.
        if (nameLen > in.readableBytes() - 4) {
            throw new ProtocolException("Kitex Protobuf method name length " + nameLen + " does not fit in the "
                    + in.readableBytes() + " bytes left of the message");
        }
        String name = in.readCharSequence(nameLen, StandardCharsets.UTF_8).toString();
        int seq = in.readInt();
        msg.messageType(type).methodName(name).seqId(seq);
    }

    /**
     * Reads the body (all readable bytes): the method's request message for CALL/ONEWAY, its
     * response message for REPLY, or for EXCEPTION the {@code ErrorProto} as a
     * {@link RemoteApplicationException} (whatever method it names; Kitex skips the name and seq
     * checks for exceptions).
     *
     * @throws ProtocolException if the body is not valid protobuf of that type, or the method is
     *     not a protobuf method (a request for a Thrift service's method)
     */
    @Override
    public void decodeBody(ByteBuf in, RemoteMessage msg) {
        if (msg.messageType() == MessageType.EXCEPTION) {
            ErrorProto.Value e = ErrorProto.read(in);
            msg.body(new RemoteApplicationException(e.typeId(), e.message()));
            return;
        }
        msg.body(Codecs.protobuf(Codecs.bodyCodec(msg), "method " + msg.methodName(), true).read(in));
    }

    /** Refuses: Kitex Protobuf is always framed (Framed or TTHeader|Framed), never Buffered. */
    @Override
    public int messageLength(ByteBuf in, int offset) {
        throw new ProtocolException("Kitex Protobuf is always framed (Framed or TTHeader|Framed); it cannot be sent Buffered");
    }

    /** Writes {@code message} alone (the raw protobuf encoding) with {@code codec}, a {@link ProtobufCodec}. */
    @Override
    public void encodeMessage(Object message, MessageCodec<?> codec, ByteBuf out) {
        encodeBare(message, codec, out);
    }

    /** Parses all readable bytes of {@code in} with {@code codec}, a {@link ProtobufCodec}; malformed bytes raise {@link ProtocolException}. */
    @Override
    public Object decodeMessage(ByteBuf in, MessageCodec<?> codec) {
        return decodeBare(in, codec);
    }

    static void encodeBare(Object message, MessageCodec<?> codec, ByteBuf out) {
        ProtobufCodec<MessageLite> pc = Codecs.protobuf(codec, "the message codec", false);
        if (message != null) {
            pc.write(Codecs.message(message, pc, "the message codec"), out);
        }
    }

    static Object decodeBare(ByteBuf in, MessageCodec<?> codec) {
        return Codecs.protobuf(codec, "the message codec", true).read(in);
    }

    @Override
    public String toString() {
        return "KitexProtobufPayloadCodec";
    }
}
