package drivers;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftStructCodec;
import io.kitex4j.thrift.ThriftWriter;
import io.kitex4j.thrift.internal.BinaryProtocol;
import io.kitex4j.thrift.internal.CompactProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;

/** Encoding and decoding through the runtime's protocols over Netty buffers; every buffer is released. */
public final class Wire {
    private Wire() {}

    /** The two Thrift protocols. */
    public enum Protocol {
        BINARY, COMPACT;

        Object over(ByteBuf buf) {
            return this == BINARY ? new BinaryProtocol(buf) : new CompactProtocol(buf);
        }
    }

    public static <T> byte[] encode(ThriftStructCodec<T> codec, T value, Protocol protocol) {
        return write(protocol, w -> codec.write(value, w));
    }

    /** The bytes {@code writer} writes. */
    public static byte[] write(Protocol protocol, Consumer<ThriftWriter> writer) {
        ByteBuf buf = Unpooled.buffer();
        try {
            writer.accept((ThriftWriter) protocol.over(buf));
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** Decodes {@code bytes}, which must hold exactly one struct. */
    public static <T> T decode(ThriftStructCodec<T> codec, byte[] bytes, Protocol protocol) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            T value = codec.read((ThriftReader) protocol.over(buf));
            assertThat(buf.readableBytes()).as("bytes left after decoding").isZero();
            return value;
        } finally {
            buf.release();
        }
    }

    public static <T> T roundTrip(ThriftStructCodec<T> codec, T value, Protocol protocol) {
        return decode(codec, encode(codec, value, protocol), protocol);
    }

    /**
     * Writes {@code value} in both protocols and reads it back: the copy equals the original, has
     * the same hash code and string, and encodes to the same bytes.
     */
    public static <T> void assertRoundTrips(ThriftStructCodec<T> codec, T value) {
        for (Protocol p : Protocol.values()) {
            byte[] bytes = encode(codec, value, p);
            T back = decode(codec, bytes, p);
            assertThat(back).as("%s round trip of %s", p, value).isEqualTo(value);
            assertThat(back.hashCode()).as("%s hash code", p).isEqualTo(value.hashCode());
            assertThat(back.toString()).as("%s toString", p).isEqualTo(value.toString());
            assertThat(encode(codec, back, p)).as("%s bytes of the copy", p).isEqualTo(bytes);
        }
    }
}
