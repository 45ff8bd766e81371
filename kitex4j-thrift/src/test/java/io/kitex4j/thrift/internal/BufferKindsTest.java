package io.kitex4j.thrift.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.thrift.ThriftProtocolException;
import io.kitex4j.thrift.ThriftProtocolId;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;
import org.junit.jupiter.api.Test;

/**
 * The protocols write and read through a buffer's array or native memory when it has one, and
 * through scratch arrays for strings: the same bytes as libthrift, and the same values back, on
 * every kind of buffer (heap, pooled and unpooled direct, composite, sliced, small buffers that
 * must grow), on Netty and plain threads.
 */
class BufferKindsTest {

    private static final List<String> STRINGS = strings();

    private static List<String> strings() {
        List<String> s = new ArrayList<>();
        s.add("");
        s.add("a");
        s.add("short ascii");
        s.add("x".repeat(32));
        s.add("y".repeat(33));
        s.add("a moderately long title for a complex nested struct");
        s.add("z".repeat(1024));
        s.add("q".repeat(70_000)); // beyond the scratch arrays
        s.add("héllo wörld");
        s.add("日本語のテキスト".repeat(10));
        s.add("emoji \uD83D\uDE00 ".repeat(20));
        s.add("é".repeat(25_000)); // 50,000 bytes: fits the scratch bytes, not the scratch chars
        s.add("lone \uD800 high"); // malformed UTF-16, short
        s.add("lone low \uDC00 ".repeat(10)); // malformed UTF-16, long
        s.add("ends high " + "w".repeat(40) + "\uD83D");
        return s;
    }

    private static final long[] LONGS = {0, 1, -1, 63, 64, -64, -65, 127, 128, 8191, 8192, Integer.MAX_VALUE,
        Integer.MIN_VALUE, 1_700_000_000_123L, Long.MAX_VALUE, Long.MIN_VALUE};

    private static void writeAll(ThriftWriter w) {
        w.writeStructBegin();
        for (String s : STRINGS) {
            w.writeString(s);
        }
        for (long v : LONGS) {
            w.writeI64(v);
            w.writeI32((int) v);
            w.writeI16((short) v);
        }
        w.writeDouble(0.75);
        w.writeBinary(new byte[] {1, 2, 3});
        w.writeStructEnd();
    }

    private static void libthriftWriteAll(TProtocol p) throws TException {
        for (String s : STRINGS) {
            p.writeString(s);
        }
        for (long v : LONGS) {
            p.writeI64(v);
            p.writeI32((int) v);
            p.writeI16((short) v);
        }
        p.writeDouble(0.75);
        p.writeBinary(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));
    }

    private static void readAll(ThriftReader r, ThriftProtocolId id) throws TException {
        TProtocol expected = Libthrift.reader(id, Libthrift.write(id, BufferKindsTest::libthriftWriteAll));
        r.readStructBegin();
        for (int i = 0; i < STRINGS.size(); i++) {
            assertThat(r.readString()).as("string %d", i).isEqualTo(expected.readString());
        }
        for (int i = 0; i < LONGS.length; i++) {
            assertThat(r.readI64()).isEqualTo(expected.readI64());
            assertThat(r.readI32()).isEqualTo(expected.readI32());
            assertThat(r.readI16()).isEqualTo(expected.readI16());
        }
        assertThat(r.readDouble()).isEqualTo(0.75);
        assertThat(r.readBinary()).containsExactly(1, 2, 3);
        r.readStructEnd();
    }

    private static Object protocol(ThriftProtocolId id, ByteBuf buf) {
        return id == ThriftProtocolId.BINARY ? new BinaryProtocol(buf) : new CompactProtocol(buf);
    }

    /** Buffers to write into: each starts small so that writes make it grow. */
    private static List<Function<Integer, ByteBuf>> writeTargets() {
        return List.of(
                n -> Unpooled.buffer(n),
                n -> Unpooled.directBuffer(n),
                n -> PooledByteBufAllocator.DEFAULT.directBuffer(n),
                n -> PooledByteBufAllocator.DEFAULT.heapBuffer(n),
                n -> {
                    CompositeByteBuf c = Unpooled.compositeBuffer();
                    c.addComponent(true, PooledByteBufAllocator.DEFAULT.directBuffer(n));
                    return c;
                });
    }

    @Test
    void writesLibthriftsBytesIntoEveryKindOfBuffer() throws TException {
        for (ThriftProtocolId id : ThriftProtocolId.values()) {
            byte[] expected = Libthrift.write(id, BufferKindsTest::libthriftWriteAll);
            for (Function<Integer, ByteBuf> target : writeTargets()) {
                for (int initial : new int[] {1, 64, 1 << 20}) {
                    ByteBuf buf = target.apply(initial);
                    try {
                        writeAll((ThriftWriter) protocol(id, buf));
                        assertThat(ByteBufUtil.getBytes(buf)).as("%s into %s", id, buf).isEqualTo(expected);
                    } finally {
                        buf.release();
                    }
                }
            }
        }
    }

    @Test
    void readsEveryKindOfBufferOnNettyAndPlainThreads() throws Exception {
        for (ThriftProtocolId id : ThriftProtocolId.values()) {
            byte[] bytes = Libthrift.write(id, BufferKindsTest::libthriftWriteAll);
            readAllKinds(id, bytes);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread netty = new FastThreadLocalThread(() -> {
                try {
                    readAllKinds(id, bytes);
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            netty.start();
            netty.join();
            if (failure.get() != null) {
                throw new AssertionError("on a FastThreadLocalThread", failure.get());
            }
        }
    }

    private static void readAllKinds(ThriftProtocolId id, byte[] bytes) throws TException {
        List<ByteBuf> sources = new ArrayList<>();
        sources.add(Unpooled.wrappedBuffer(bytes));
        sources.add(PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes));
        sources.add(Unpooled.directBuffer(bytes.length).writeBytes(bytes));
        // Two direct components split mid-value, and a slice of a larger buffer.
        int half = bytes.length / 2 + 1;
        CompositeByteBuf c = Unpooled.compositeBuffer();
        c.addComponent(true, PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(bytes, 0, half));
        c.addComponent(true, PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(bytes, half, bytes.length - half));
        sources.add(c);
        CompositeByteBuf one = Unpooled.compositeBuffer();
        one.addComponent(true, PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(bytes));
        sources.add(one);
        ByteBuf big = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length + 20);
        big.writeZero(7).writeBytes(bytes).writeZero(13);
        sources.add(big.retainedSlice(7, bytes.length));
        big.release();
        sources.add(Unpooled.wrappedBuffer(bytes).asReadOnly());
        for (ByteBuf buf : sources) {
            try {
                readAll((ThriftReader) protocol(id, buf), id);
                assertThat(buf.isReadable()).as("%s from %s", id, buf).isFalse();
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void readOnlyBuffersRefuseWrites() {
        for (ThriftProtocolId id : ThriftProtocolId.values()) {
            ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(256);
            try {
                ThriftWriter w = (ThriftWriter) protocol(id, buf.asReadOnly());
                assertThatThrownBy(() -> w.writeString("short")).isInstanceOf(ReadOnlyBufferException.class);
                assertThatThrownBy(() -> w.writeI64(Long.MIN_VALUE)).isInstanceOf(ReadOnlyBufferException.class);
                assertThat(buf.writerIndex()).isZero();
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void truncatedScalarsLeaveAClearErrorOnEveryKindOfBuffer() {
        for (ThriftProtocolId id : ThriftProtocolId.values()) {
            // A field header of type i64 (binary: type, id; compact: delta 1, type 6), then one byte.
            byte[] bytes = id == ThriftProtocolId.BINARY ? new byte[] {10, 0, 1, 1} : new byte[] {0x16, (byte) 0x80};
            ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(bytes);
            try {
                ThriftReader r = (ThriftReader) protocol(id, buf);
                r.readStructBegin();
                assertThat(r.readFieldBegin()).isEqualTo((byte) 10);
                assertThatThrownBy(r::readI64).isInstanceOf(ThriftProtocolException.class).hasMessageContaining("truncated");
                assertThatThrownBy(r::readDouble).isInstanceOf(ThriftProtocolException.class).hasMessageContaining("truncated");
            } finally {
                buf.release();
            }
        }
    }
}
