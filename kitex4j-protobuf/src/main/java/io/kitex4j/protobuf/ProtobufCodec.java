package io.kitex4j.protobuf;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.kitex4j.protobuf.internal.ByteBufCoding;
import io.kitex4j.remote.ProtocolException;
import io.kitex4j.service.MessageCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.Objects;

/**
 * The {@link MessageCodec} of one protobuf message type: what a generated protobuf stub puts in a
 * {@link io.kitex4j.service.MethodDescriptor} for its request and response, and what the Kitex
 * Protobuf and gRPC payload codecs use to write and read message bodies. Works with full and lite
 * generated messages (anything that is a {@link MessageLite}).
 *
 * <p>Immutable and thread-safe. The buffer methods are an extension-level API (they expose Netty's
 * {@link ByteBuf}); application code only calls {@link #of}.
 *
 * @param <T> the message type
 */
public final class ProtobufCodec<T extends MessageLite> implements MessageCodec<T> {
    private final T defaultInstance;
    private final Parser<T> parser;

    private ProtobufCodec(T defaultInstance, Parser<T> parser) {
        this.defaultInstance = defaultInstance;
        this.parser = parser;
    }

    /**
     * The codec of {@code defaultInstance}'s message type, e.g.
     * {@code ProtobufCodec.of(EchoRequest.getDefaultInstance())}. Any instance of the type will do;
     * its default instance is kept.
     *
     * @throws NullPointerException if {@code defaultInstance} is null
     */
    @SuppressWarnings("unchecked")
    public static <T extends MessageLite> ProtobufCodec<T> of(T defaultInstance) {
        Objects.requireNonNull(defaultInstance, "defaultInstance");
        T instance = (T) defaultInstance.getDefaultInstanceForType();
        return new ProtobufCodec<>(instance, (Parser<T>) instance.getParserForType());
    }

    /** The message type's default (empty) instance; also what an empty body decodes to. */
    public T defaultInstance() {
        return defaultInstance;
    }

    /** The message type's parser. */
    public Parser<T> parser() {
        return parser;
    }

    /**
     * Serialises {@code msg} straight into {@code out} at its writer index (growing it as needed),
     * with no intermediate array when {@code out} is backed by one array or one NIO buffer. A null
     * {@code msg} writes nothing, which a reader decodes as the default instance (as Kitex's
     * {@code proto.Marshal} of an unset message).
     *
     * @throws IllegalArgumentException if {@code msg} is not of this codec's message type
     * @throws IllegalStateException if the message changed while being serialised
     */
    public void write(T msg, ByteBuf out) {
        if (msg == null) {
            return;
        }
        if (!defaultInstance.getClass().isInstance(msg)) {
            throw new IllegalArgumentException("protobuf codec of " + typeName() + " cannot write a "
                    + msg.getClass().getName());
        }
        ByteBufCoding.write(out, msg.getSerializedSize(), msg::writeTo);
    }

    /**
     * Parses all readable bytes of {@code in} as one message and consumes them (reading the heap
     * array in place when there is one; direct memory is copied into a per-thread array first). Zero bytes give the default instance.
     *
     * @throws ProtocolException if the bytes are not a valid encoding of this message type
     *     (including a proto2 message missing required fields); {@code in} is then not consumed
     */
    public T read(ByteBuf in) {
        int len = in.readableBytes();
        T msg;
        try {
            if (in.hasArray()) {
                msg = parser.parseFrom(in.array(), in.arrayOffset() + in.readerIndex(), len);
            } else if (len <= SCRATCH_MAX) {
                // Direct memory: copy into this thread's scratch array and parse that. Protobuf
                // decodes strings from a direct NIO buffer a char at a time, from an array with
                // String's own (vectorised) constructor; grpc-java copies to an array too. The
                // parser copies what it keeps (no aliasing), so the array is free afterwards.
                byte[] scratch = scratch(len);
                in.getBytes(in.readerIndex(), scratch, 0, len);
                msg = parser.parseFrom(scratch, 0, len);
            } else {
                msg = parser.parseFrom(ByteBufUtil.getBytes(in, in.readerIndex(), len, false));
            }
        } catch (InvalidProtocolBufferException e) {
            throw new ProtocolException("invalid protobuf " + typeName() + " (" + len + " bytes): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Bytes from the network: whatever the parser trips on is the peer's malformed input.
            throw new ProtocolException("invalid protobuf " + typeName() + " (" + len + " bytes): " + e, e);
        }
        in.skipBytes(len);
        return msg;
    }

    /** Direct-buffer messages up to this size are parsed from a per-thread array; larger ones from a fresh one. */
    private static final int SCRATCH_MAX = 64 << 10;
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[1024];
        }
    };

    private static byte[] scratch(int len) {
        byte[] a = SCRATCH.get();
        if (a.length < len) {
            a = new byte[Math.max(len, Math.min(SCRATCH_MAX, a.length * 2))];
            SCRATCH.set(a);
        }
        return a;
    }

    private String typeName() {
        return defaultInstance.getClass().getName();
    }

    @Override
    public String toString() {
        return "ProtobufCodec{" + typeName() + '}';
    }
}
