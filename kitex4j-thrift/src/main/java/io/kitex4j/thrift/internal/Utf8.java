package io.kitex4j.thrift.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.nio.charset.StandardCharsets;

/**
 * String encoding and decoding for the protocols, tuned by the codec benchmark
 * ({@code kitex4j-benchmarks} ThriftCodecBenchmark; see docs/decisions.md):
 * <ul>
 *   <li>short strings are written char by char straight into the buffer, with the length
 *       patched afterwards (no pre-pass to count UTF-8 bytes);</li>
 *   <li>long strings go through {@link String#getBytes} — the JDK's vectorised encoder beats any
 *       per-char loop into a buffer by far, at the cost of one transient array;</li>
 *   <li>reads decode from a per-I/O-thread scratch array when the buffer has no backing array
 *       (one copy into the String, instead of Netty's two for strings over 1 KiB).</li>
 * </ul>
 */
final class Utf8 {
    /** Strings of at most this many chars take the per-char path. */
    static final int SHORT = 32;
    private static final int MAX_SCRATCH = 64 * 1024;
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[1024];
        }
    };

    private Utf8() {}

    /** Writes a 4-byte big-endian length and the UTF-8 bytes of {@code s}. */
    static void writeWithIntLength(ByteBuf buf, String s) {
        int n = s.length();
        if (n <= SHORT) {
            buf.ensureWritable(4 + n * 3);
            int lenIndex = buf.writerIndex();
            buf.writeInt(0);
            int written = ByteBufUtil.reserveAndWriteUtf8(buf, s, n * 3);
            buf.setInt(lenIndex, written);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        buf.ensureWritable(4 + b.length);
        buf.writeInt(b.length);
        buf.writeBytes(b);
    }

    /**
     * The UTF-8 bytes of a long string, for protocols whose length prefix is variable; short
     * strings return null and are written with {@link #writeShortWithByteLength}.
     */
    static byte[] longBytes(String s) {
        return s.length() <= SHORT ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a short string (at most {@link #SHORT} chars, so at most 96 bytes) after a one-byte varint length. */
    static void writeShortWithByteLength(ByteBuf buf, String s) {
        int n = s.length();
        buf.ensureWritable(1 + n * 3);
        int lenIndex = buf.writerIndex();
        buf.writeByte(0);
        int written = ByteBufUtil.reserveAndWriteUtf8(buf, s, n * 3);
        buf.setByte(lenIndex, written); // < 128: a one-byte varint
    }

    /** Decodes {@code len} bytes at {@code index} (bounds already checked). */
    static String read(ByteBuf buf, int index, int len) {
        if (len == 0) {
            return "";
        }
        if (buf.hasArray()) {
            return new String(buf.array(), buf.arrayOffset() + index, len, StandardCharsets.UTF_8);
        }
        if (len <= MAX_SCRATCH && Thread.currentThread() instanceof FastThreadLocalThread) {
            byte[] scratch = SCRATCH.get();
            if (scratch.length < len) {
                scratch = new byte[Math.min(MAX_SCRATCH, Math.max(len, scratch.length * 2))];
                SCRATCH.set(scratch);
            }
            buf.getBytes(index, scratch, 0, len);
            return new String(scratch, 0, len, StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[len];
        buf.getBytes(index, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
