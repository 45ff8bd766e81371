package io.kitex4j.remote.internal.ttheader;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers around {@link TTHeaderCodec} that work on byte arrays and release every buffer. */
final class Frames {
    private Frames() {}

    /** One decoded frame. {@code headerSize} is the HEADER SIZE field (header info bytes / 4). */
    record Decoded(TTHeader header, byte[] payload, int headerSize) {}

    /** A pooled direct buffer holding {@code bytes}, so Netty's leak detector tracks it. */
    static ByteBuf direct(byte[] bytes) {
        return PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(bytes.length, 1)).writeBytes(bytes);
    }

    /** Splits a captured TTHeader stream into frames by their LENGTH fields. */
    static List<byte[]> split(byte[] stream) {
        List<byte[]> frames = new ArrayList<>();
        ByteBuf buf = direct(stream);
        try {
            while (buf.isReadable()) {
                int start = buf.readerIndex();
                assertThat(TTHeaderCodec.isTTHeader(buf, start)).as("TTHeader magic at %d", start).isTrue();
                int len = TTHeaderCodec.frameLength(buf, start);
                assertThat(len).as("frame at %d fits the stream", start).isBetween(14, buf.readableBytes());
                frames.add(ByteBufUtil.getBytes(buf, start, len));
                buf.skipBytes(len);
            }
        } finally {
            buf.release();
        }
        return frames;
    }

    static Decoded decode(byte[] frame) {
        ByteBuf buf = direct(frame);
        try {
            TTHeader h = TTHeaderCodec.decode(buf, new TTHeader());
            int headerSize = buf.getUnsignedShort(12);
            assertThat(buf.readerIndex()).isEqualTo(14 + headerSize * 4);
            return new Decoded(h, ByteBufUtil.getBytes(buf), headerSize);
        } finally {
            buf.release();
        }
    }

    /** Header then payload, with LENGTH patched. */
    static byte[] encode(TTHeader h, byte[] payload) {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try {
            int start = TTHeaderCodec.writeHeader(out, h);
            assertThat(start).isZero();
            out.writeBytes(payload);
            TTHeaderCodec.finishFrame(out, start);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    static byte[] range(byte[] b, int from, int to) {
        return Arrays.copyOfRange(b, from, to);
    }
}
