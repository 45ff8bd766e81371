package io.kitex4j.protobuf.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Function;

/** Buffer plumbing for tests; every buffer allocated here is released here. */
public final class Bufs {
    private Bufs() {}

    /** The kinds of buffer the codecs must handle: each exposes its memory differently. */
    public enum Kind {
        /** Unpooled heap: one backing array. */
        HEAP,
        /** Pooled direct (what the transport uses): one NIO buffer, no array. */
        DIRECT,
        /** A composite of two direct pieces: neither one array nor one NIO buffer. */
        COMPOSITE
    }

    /** An empty buffer of {@code kind}; the caller releases it. */
    public static ByteBuf empty(Kind kind) {
        switch (kind) {
            case HEAP:
                return Unpooled.buffer(16);
            case DIRECT:
                return PooledByteBufAllocator.DEFAULT.directBuffer(16);
            default:
                CompositeByteBuf c = PooledByteBufAllocator.DEFAULT.compositeDirectBuffer();
                c.addComponent(true, PooledByteBufAllocator.DEFAULT.directBuffer(3).writeByte(0));
                c.addComponent(true, PooledByteBufAllocator.DEFAULT.directBuffer(3).writeByte(0));
                c.clear(); // two components, nothing readable, still fragmented for writers
                return c;
        }
    }

    /** A buffer of {@code kind} holding {@code bytes} (a composite splits them in two). */
    public static ByteBuf of(Kind kind, byte[] bytes) {
        switch (kind) {
            case HEAP:
                return Unpooled.wrappedBuffer(bytes.clone());
            case DIRECT:
                return PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, bytes.length)).writeBytes(bytes);
            default:
                int half = bytes.length / 2;
                CompositeByteBuf c = PooledByteBufAllocator.DEFAULT.compositeDirectBuffer();
                c.addComponent(true, PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, half))
                        .writeBytes(bytes, 0, half));
                c.addComponent(true, PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, bytes.length - half))
                        .writeBytes(bytes, half, bytes.length - half));
                return c;
        }
    }

    /** What {@code body} writes into a fresh buffer of {@code kind}. */
    public static byte[] write(Kind kind, Consumer<ByteBuf> body) {
        ByteBuf buf = empty(kind);
        try {
            body.accept(buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** Runs {@code body} over a buffer of {@code kind} holding {@code bytes}, then releases it. */
    public static <T> T read(Kind kind, byte[] bytes, Function<ByteBuf, T> body) {
        ByteBuf buf = of(kind, bytes);
        try {
            return body.apply(buf);
        } finally {
            buf.release();
        }
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    public static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").formatHex(b);
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    public static byte[] prefix(byte[] b, int n) {
        return Arrays.copyOf(b, n);
    }
}
