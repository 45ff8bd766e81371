package io.kitex4j.transport.netty.internal.grpc;

import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;

/**
 * Cuts the DATA bytes of one stream into gRPC messages. It holds the received chunks as they
 * are (no copy unless a message spans chunks) and checks each message's length against the
 * maximum as soon as its 5-byte prefix is in, so an oversize message is refused before its body
 * arrives. Not thread-safe (one stream, its event loop). Owns the buffers handed to
 * {@link #add}; {@link #release()} frees what is left.
 */
final class MessageDeframer {
    private final int maxMessageSize;
    private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
    private int readable;
    /** The head message's payload length once its prefix was read, else -1. */
    private int headLength = -1;
    private boolean headCompressed;
    private boolean lastCompressed;

    MessageDeframer(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /** Appends received bytes; takes ownership of {@code data}. */
    void add(ByteBuf data) {
        if (!data.isReadable()) {
            data.release();
            return;
        }
        chunks.addLast(data);
        readable += data.readableBytes();
    }

    /** Bytes held. */
    int readableBytes() {
        return readable;
    }

    /**
     * The whole wire length (prefix + payload) of the head message, or -1 while its prefix is
     * incomplete.
     *
     * @throws StatusException RESOURCE_EXHAUSTED when the message is over the maximum, INTERNAL
     *     when the flags byte has reserved bits set
     */
    long headWireLength() {
        if (headLength < 0) {
            if (readable < GrpcCodec.HEADER) {
                return -1;
            }
            int flags = byteAt(0);
            if ((flags & 0xFE) != 0) {
                throw new StatusException(StatusCode.INTERNAL, "gRPC frame header malformed: reserved bits not zero");
            }
            long len = (long) byteAt(1) << 24 | byteAt(2) << 16 | byteAt(3) << 8 | byteAt(4);
            if (len > maxMessageSize) {
                throw new StatusException(StatusCode.RESOURCE_EXHAUSTED,
                        "gRPC message exceeds maximum size " + maxMessageSize + ": " + len);
            }
            headLength = (int) len;
            headCompressed = flags == 1;
        }
        return GrpcCodec.HEADER + (long) headLength; // long: a maximum near Integer.MAX_VALUE must not overflow
    }

    /**
     * Removes the head message if it is complete and returns its payload (still compressed when
     * {@link #lastCompressed()}); {@code null} if more bytes are needed. The caller releases it.
     */
    ByteBuf poll(ByteBufAllocator alloc) {
        long total = headWireLength();
        if (total < 0 || readable < total) {
            return null;
        }
        skip(GrpcCodec.HEADER);
        ByteBuf payload = take(headLength, alloc);
        readable -= (int) total;
        lastCompressed = headCompressed;
        headLength = -1;
        return payload;
    }

    /** Whether the message last returned by {@link #poll} had its compressed flag set. */
    boolean lastCompressed() {
        return lastCompressed;
    }

    /** Releases every buffer held. Idempotent. */
    void release() {
        ByteBuf b;
        while ((b = chunks.poll()) != null) {
            b.release();
        }
        readable = 0;
        headLength = -1;
    }

    private int byteAt(int index) {
        for (ByteBuf b : chunks) {
            int n = b.readableBytes();
            if (index < n) {
                return b.getUnsignedByte(b.readerIndex() + index);
            }
            index -= n;
        }
        throw new IndexOutOfBoundsException("index " + index);
    }

    private void skip(int n) {
        while (n > 0) {
            ByteBuf head = chunks.peekFirst();
            int k = Math.min(n, head.readableBytes());
            head.skipBytes(k);
            n -= k;
            if (!head.isReadable()) {
                chunks.pollFirst().release();
            }
        }
    }

    private ByteBuf take(int n, ByteBufAllocator alloc) {
        if (n == 0) {
            return Unpooled.EMPTY_BUFFER;
        }
        ByteBuf head = chunks.peekFirst();
        if (head.readableBytes() >= n) {
            ByteBuf slice = head.readRetainedSlice(n);
            if (!head.isReadable()) {
                chunks.pollFirst().release();
            }
            return slice;
        }
        ByteBuf out = alloc.buffer(n, n);
        while (n > 0) {
            head = chunks.peekFirst();
            int k = Math.min(n, head.readableBytes());
            out.writeBytes(head, k);
            n -= k;
            if (!head.isReadable()) {
                chunks.pollFirst().release();
            }
        }
        return out;
    }
}
