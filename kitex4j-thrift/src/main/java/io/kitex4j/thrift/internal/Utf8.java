package io.kitex4j.thrift.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.internal.PlatformDependent;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * String encoding and decoding for one protocol instance, tuned by the codec benchmark
 * ({@code kitex4j-benchmarks} ThriftCodecBenchmark; see docs/decisions.md):
 * <ul>
 *   <li>short ASCII strings are written char by char straight into the buffer's memory (its
 *       array, or its native address), after one capacity check;</li>
 *   <li>longer strings are encoded into the thread's scratch array by the JDK's UTF-8
 *       {@link CharsetEncoder} (whose ASCII loop is vectorised, as fast as {@link String#getBytes}
 *       without its transient array), then copied into the buffer; only strings over
 *       {@value #MAX_SCRATCH_CHARS} chars, or malformed UTF-16, take {@link String#getBytes};</li>
 *   <li>reads from a buffer without a backing array (direct, composite) copy the bytes into the
 *       thread's scratch array and decode from there: one copy into the String on every thread.</li>
 * </ul>
 * The scratch space belongs to a thread ({@link FastThreadLocal}: an array slot on Netty threads, a
 * {@code ThreadLocal} elsewhere); an instance looks it up again only when it finds itself on
 * another thread than last time, so a string costs a field compare, not a lookup. Scratch arrays
 * grow to at most {@value #MAX_SCRATCH} bytes; larger strings use transient arrays.
 */
final class Utf8 {
    /** Strings of at most this many chars take the per-char path. */
    static final int SHORT = 32;
    static final int MAX_SCRATCH = 64 * 1024;
    /** Strings of at most this many bytes are copied out of native memory byte by byte. */
    static final int SHORT_COPY = 64;
    /** Longest string encoded through the scratch array (up to 3 bytes per char). */
    static final int MAX_SCRATCH_CHARS = MAX_SCRATCH / 3;

    /**
     * One thread's scratch space, grown on demand (so that a short-lived thread, a virtual thread
     * say, pays about what a transient array would have cost).
     */
    private static final class Scratch {
        byte[] bytes = new byte[0];
        ByteBuffer byteView = ByteBuffer.wrap(bytes);
        char[] chars = new char[0];
        CharBuffer charView = CharBuffer.wrap(chars);
        private CharsetEncoder encoder;

        CharsetEncoder encoder() {
            CharsetEncoder e = encoder;
            if (e == null) {
                e = encoder = StandardCharsets.UTF_8.newEncoder();
            }
            return e;
        }

        byte[] bytes(int n) {
            if (bytes.length < n) {
                bytes = new byte[Math.min(MAX_SCRATCH, Math.max(Math.max(n, 128), bytes.length * 2))];
                byteView = ByteBuffer.wrap(bytes);
            }
            return bytes;
        }

        char[] chars(int n) {
            if (chars.length < n) {
                chars = new char[Math.min(MAX_SCRATCH_CHARS, Math.max(Math.max(n, 64), chars.length * 2))];
                charView = CharBuffer.wrap(chars);
            }
            return chars;
        }
    }

    private static final FastThreadLocal<Scratch> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected Scratch initialValue() {
            return new Scratch();
        }
    };

    private Scratch scratch;
    private Thread owner;

    private Scratch scratch() {
        Thread t = Thread.currentThread();
        if (t != owner) {
            scratch = SCRATCH.get();
            owner = t;
        }
        return scratch;
    }

    /** Writes a 4-byte big-endian length and the UTF-8 bytes of {@code s}. */
    void writeWithIntLength(ByteBuf buf, String s) {
        int n = s.length();
        if (n <= SHORT) {
            buf.ensureWritable(4 + n);
            int start = buf.writerIndex();
            if (setAscii(buf, start + 4, s, n)) {
                buf.setInt(start, n);
                buf.writerIndex(start + 4 + n);
                return;
            }
        }
        int len = encode(s, n);
        if (len >= 0) {
            buf.ensureWritable(4 + len);
            buf.writeInt(len);
            buf.writeBytes(scratch.bytes, 0, len);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        buf.ensureWritable(4 + b.length);
        buf.writeInt(b.length);
        buf.writeBytes(b);
    }

    /**
     * Writes a string after a varint length. Short ASCII strings (the common case) go straight
     * into the buffer behind a one-byte length.
     */
    void writeWithVarintLength(ByteBuf buf, String s) {
        int n = s.length();
        if (n <= SHORT) {
            buf.ensureWritable(1 + n);
            int start = buf.writerIndex();
            if (setAscii(buf, start + 1, s, n)) {
                buf.setByte(start, n); // n < 128: a one-byte varint
                buf.writerIndex(start + 1 + n);
                return;
            }
        }
        int len = encode(s, n);
        byte[] b;
        if (len >= 0) {
            b = scratch.bytes;
        } else {
            b = s.getBytes(StandardCharsets.UTF_8);
            len = b.length;
        }
        buf.ensureWritable(5 + len);
        writeVarint32(buf, len);
        buf.writeBytes(b, 0, len);
    }

    /**
     * Encodes {@code s} ({@code n} chars) into the scratch array and returns the byte count, or -1
     * if it is too long for the scratch array or not well-formed UTF-16 (then
     * {@link String#getBytes} encodes it, replacing lone surrogates exactly as libthrift does).
     */
    private int encode(String s, int n) {
        if (n > MAX_SCRATCH_CHARS) {
            return -1;
        }
        Scratch sc = scratch();
        char[] chars = sc.chars(n);
        sc.bytes(3 * n);
        s.getChars(0, n, chars, 0);
        CharBuffer in = sc.charView;
        in.clear().limit(n);
        ByteBuffer out = sc.byteView;
        out.clear();
        CharsetEncoder e = sc.encoder();
        e.reset();
        CoderResult r = e.encode(in, out, true);
        if (r.isError() || in.hasRemaining()) {
            return -1;
        }
        return out.position();
    }

    private static void writeVarint32(ByteBuf buf, int n) {
        while ((n & ~0x7F) != 0) {
            buf.writeByte((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        buf.writeByte(n);
    }

    /**
     * Sets {@code s} at {@code index} (capacity already ensured) if it is pure ASCII (its UTF-8
     * bytes are its chars); returns false, having written garbage past the writer index only, if
     * it is not.
     */
    private static boolean setAscii(ByteBuf buf, int index, String s, int n) {
        if (buf.hasMemoryAddress() && !buf.isReadOnly()) {
            long address = buf.memoryAddress() + index;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    return false;
                }
                PlatformDependent.putByte(address + i, (byte) c);
            }
            return true;
        }
        if (buf.hasArray()) {
            byte[] a = buf.array();
            int off = buf.arrayOffset() + index;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    return false;
                }
                a[off + i] = (byte) c;
            }
            return true;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            buf.setByte(index + i, c);
        }
        return true;
    }

    /**
     * A String of {@code len} ASCII bytes. The deprecated {@code String(byte[], int hibyte, int,
     * int)} constructor copies them (a Latin-1 String) without scanning them again for non-ASCII
     * bytes as the UTF-8 constructor does; for ASCII, high byte 0 is exactly UTF-8 decoding.
     */
    @SuppressWarnings("deprecation")
    private static String ascii(byte[] b, int len) {
        return new String(b, 0, 0, len);
    }

    /** Decodes {@code len} bytes at {@code index}, which the caller has checked lie in {@code [readerIndex, writerIndex)}. */
    String read(ByteBuf buf, int index, int len) {
        if (len == 0) {
            return "";
        }
        if (buf.hasArray()) {
            return new String(buf.array(), buf.arrayOffset() + index, len, StandardCharsets.UTF_8);
        }
        if (len <= MAX_SCRATCH) {
            byte[] b = scratch().bytes(len);
            if (len <= SHORT_COPY && buf.hasMemoryAddress()) {
                // Unsafe.copyMemory into an array is a native call, slow for a few bytes: copy them
                // one by one, noting whether they are all ASCII.
                long address = buf.memoryAddress() + index;
                int all = 0;
                for (int i = 0; i < len; i++) {
                    byte x = PlatformDependent.getByte(address + i);
                    all |= x;
                    b[i] = x;
                }
                if (all >= 0) {
                    return ascii(b, len);
                }
            } else {
                buf.getBytes(index, b, 0, len);
            }
            return new String(b, 0, len, StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[len];
        buf.getBytes(index, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
