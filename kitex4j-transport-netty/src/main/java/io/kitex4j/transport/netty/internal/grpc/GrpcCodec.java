package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.service.MessageCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * gRPC message framing: the 5-byte prefix (compressed flag, u32 big-endian length) before each
 * message, gzip, and the payload codec around the bare message bytes.
 */
final class GrpcCodec {
    static final int HEADER = 5;

    private GrpcCodec() {}

    /**
     * Encodes {@code message} with its payload codec into a new buffer that starts with
     * {@link #HEADER} bytes left for the prefix ({@link #frame} fills it in).
     */
    static ByteBuf encodeBare(ByteBufAllocator alloc, PayloadCodec codec, MessageCodec<?> messageCodec, Object message) {
        ByteBuf out = alloc.buffer();
        try {
            out.writeZero(HEADER);
            codec.encodeMessage(message, messageCodec, out);
            return out;
        } catch (RuntimeException | Error e) {
            out.release();
            throw e;
        }
    }

    /**
     * Turns a buffer from {@link #encodeBare} into a whole gRPC frame, gzip-compressing the
     * message when {@code gzip} (the input is then released and a new buffer returned). Takes
     * ownership of {@code bare} whether it succeeds or throws.
     */
    static ByteBuf frame(ByteBufAllocator alloc, ByteBuf bare, boolean gzip) {
        int len = bare.readableBytes() - HEADER;
        if (!gzip) {
            try {
                bare.setByte(bare.readerIndex(), 0);
                bare.setInt(bare.readerIndex() + 1, len);
                return bare;
            } catch (RuntimeException e) {
                bare.release();
                throw e;
            }
        }
        ByteBuf out = alloc.buffer(Math.max(64, len / 2 + HEADER));
        try {
            out.writeZero(HEADER);
            try (GZIPOutputStream gz = new GZIPOutputStream(new ByteBufOutputStream(out), 8192)) {
                bare.getBytes(bare.readerIndex() + HEADER, gz, len);
            }
            out.setByte(0, 1);
            out.setInt(1, out.readableBytes() - HEADER);
            return out;
        } catch (IOException | RuntimeException e) {
            out.release();
            throw new IllegalStateException("gzip failed: " + e.getMessage(), e);
        } finally {
            bare.release();
        }
    }

    /**
     * Decompresses a gzip message; the result is at most {@code maxSize} bytes.
     *
     * @throws StatusException RESOURCE_EXHAUSTED when it is bigger, INTERNAL when it is not gzip
     */
    static ByteBuf gunzip(ByteBufAllocator alloc, ByteBuf compressed, int maxSize) {
        ByteBuf out = alloc.buffer(Math.min(maxSize, Math.max(256, compressed.readableBytes() * 4)));
        try (GZIPInputStream in = new GZIPInputStream(new ByteBufInputStream(compressed), 8192)) {
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (out.readableBytes() + n > maxSize) {
                    throw new StatusException(StatusCode.RESOURCE_EXHAUSTED,
                            "Decompressed gRPC message exceeds maximum size " + maxSize);
                }
                out.writeBytes(chunk, 0, n);
            }
            return out;
        } catch (IOException e) {
            out.release();
            throw new StatusException(StatusCode.INTERNAL, "Could not decompress the gzip message: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }
}
