package io.kitex4j.interop.thrift.wire;

import io.kitex4j.testing.LeakRecorder;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftStructCodec;
import io.kitex4j.thrift.ThriftWriter;
import io.kitex4j.thrift.internal.BinaryProtocol;
import io.kitex4j.thrift.internal.CompactProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.thrift.TBase;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TTransport;

/**
 * One struct encoded and decoded by each side: Kitex4j's protocols over a pooled Netty
 * {@link ByteBuf} (always released) with the struct's generated {@code CODEC}, libthrift's
 * {@link TBinaryProtocol} / {@link TCompactProtocol} over a {@link TMemoryBuffer}.
 */
public final class Encodings {
    private Encodings() {}

    static {
        // jqwik properties are not Jupiter tests: install kitex4j-testing's leak recorder before the
        // first buffer is allocated here, whichever engine runs first.
        LeakRecorder.install();
    }

    /** Binary or compact. */
    public enum Proto {
        BINARY,
        COMPACT;

        ThriftWriter ourWriter(ByteBuf buf) {
            return this == BINARY ? new BinaryProtocol(buf) : new CompactProtocol(buf);
        }

        ThriftReader ourReader(ByteBuf buf) {
            return this == BINARY ? new BinaryProtocol(buf) : new CompactProtocol(buf);
        }

        TProtocol apache(TTransport t) {
            return this == BINARY ? new TBinaryProtocol(t) : new TCompactProtocol(t);
        }
    }

    /** Kitex4j's bytes for {@code value}. */
    public static <T> byte[] ours(Proto proto, ThriftStructCodec<T> codec, T value) {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(64);
        try {
            codec.write(value, proto.ourWriter(buf));
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** Kitex4j's decoding of {@code bytes}; fails unless every byte was consumed. */
    public static <T> T ours(Proto proto, ThriftStructCodec<T> codec, byte[] bytes) {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(bytes.length);
        try {
            buf.writeBytes(bytes);
            T value = codec.read(proto.ourReader(buf));
            if (buf.isReadable()) {
                throw new AssertionError("Kitex4j's " + proto + " decoder left " + buf.readableBytes()
                        + " of " + bytes.length + " bytes unread");
            }
            return value;
        } finally {
            buf.release();
        }
    }

    /** libthrift's bytes for {@code value}. */
    public static byte[] apache(Proto proto, TBase<?, ?> value) {
        try {
            TMemoryBuffer mem = new TMemoryBuffer(64);
            value.write(proto.apache(mem));
            return Arrays.copyOf(mem.getArray(), mem.length());
        } catch (TException e) {
            throw new AssertionError("libthrift could not write " + value, e);
        }
    }

    /** libthrift's decoding of {@code bytes} into a fresh struct; fails unless every byte was consumed. */
    public static <T extends TBase<?, ?>> T apache(Proto proto, Supplier<T> fresh, byte[] bytes) {
        try {
            TMemoryInputTransport in = new TMemoryInputTransport(bytes);
            T value = fresh.get();
            value.read(proto.apache(in));
            if (in.getBytesRemainingInBuffer() != 0) {
                throw new AssertionError("libthrift's " + proto + " decoder left " + in.getBytesRemainingInBuffer()
                        + " of " + bytes.length + " bytes unread");
            }
            return value;
        } catch (TException e) {
            throw new AssertionError("libthrift could not read " + ByteBufUtil.hexDump(bytes), e);
        }
    }
}
