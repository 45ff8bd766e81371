package io.kitex4j.thrift.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.nio.charset.StandardCharsets;

/**
 * String encoding and decoding for the protocols, tuned by the codec benchmark
 * ({@code kitex4j-benchmarks} ThriftCodecBenchmark; see docs/decisions.md):
 * <ul>
 *   <li>short ASCII strings are written char by char straight into the buffer;</li>
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
            buf.ensureWritable(4 + n);
            int start = buf.writerIndex();
            if (writeAscii(buf, start + 4, s, n)) {
                buf.setInt(start, n);
                buf.writerIndex(start + 4 + n);
                return;
            }
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        buf.ensureWritable(4 + b.length);
        buf.writeInt(b.length);
        buf.writeBytes(b);
    }

    /**
     * Writes a string after a varint length. Short ASCII strings (the common case) go straight
     * into the buffer behind a one-byte length; anything else through the JDK encoder.
     */
    static void writeWithVarintLength(ByteBuf buf, String s) {
        int n = s.length();
        if (n <= SHORT) {
            buf.ensureWritable(1 + n);
            int start = buf.writerIndex();
            if (writeAscii(buf, start + 1, s, n)) {
                buf.setByte(start, n); // n < 128: a one-byte varint
                buf.writerIndex(start + 1 + n);
                return;
            }
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        buf.ensureWritable(5 + b.length);
        writeVarint32(buf, b.length);
        buf.writeBytes(b);
    }

    private static void writeVarint32(ByteBuf buf, int n) {
        while ((n & ~0x7F) != 0) {
            buf.writeByte((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        buf.writeByte(n);
    }

    /**
     * Sets {@code s} at {@code index} if it is pure ASCII (its UTF-8 bytes are its chars); returns
     * false, having written garbage past the writer index only, if it is not. Non-ASCII strings,
     * including malformed UTF-16, then go through {@link String#getBytes}, which encodes exactly
     * as libthrift does.
     */
    private static boolean writeAscii(ByteBuf buf, int index, String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            buf.setByte(index + i, c);
        }
        return true;
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
