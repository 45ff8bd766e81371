package io.kitex4j.transport.netty.internal;

import io.kitex4j.remote.PayloadCodecs;
import io.kitex4j.remote.ProtocolException;
import io.kitex4j.remote.internal.ttheader.TTHeader;
import io.kitex4j.remote.internal.ttheader.TTHeaderCodec;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cuts the byte stream into {@link InboundFrame}s, detecting the framing of every message as
 * Kitex's default codec does (§1.11 of the wire fact sheet): TTHeader by its magic at offset 4,
 * then Buffered Thrift (binary {@code 0x8001} or compact {@code 0x82} at offset 0), then Framed
 * Thrift (the same at offset 4); inside TTHeader the payload is sniffed the same way. Kitex
 * Protobuf ({@code 0x9001} at offset 4: always framed) is served bare Framed and as
 * TTHeader|Framed; unframed inside TTHeader it is refused, as Kitex does. The HTTP/2 preface (gRPC
 * with prior knowledge) becomes a marker frame on which the connection is handed to the gRPC
 * handler. TTHeader Streaming is recognised and raised as {@link UnsupportedProtocolException}
 * until its transport exists.
 *
 * <p>Limits: a frame over {@code maxFrameSize} or malformed bytes raise {@link ProtocolException};
 * a message whose bytes are not all there {@code readTimeoutNanos} after its first byte arrived
 * closes the connection (a client trickling one byte a second cannot hold it open).
 */
final class FrameDecoder extends ByteToMessageDecoder {
    private static final byte[] H2_PREFACE = "PRI * HT".getBytes(StandardCharsets.US_ASCII);
    private static final int THRIFT_BINARY_MAGIC = 0x8001_0000;
    private static final int KITEX_PB_MAGIC = 0x9001_0000;
    private static final int MAGIC_MASK = 0xFFFF_0000;

    private final int maxFrameSize;
    private final long readTimeoutNanos;
    /** The server connection's handler (stamped with read activity for the idle timeout); null on clients. */
    private final ServerHandler server;
    private long partialSince = -1;
    private ScheduledFuture<?> readTimer;
    private boolean first = true;
    private boolean failed;

    FrameDecoder(int maxFrameSize, long readTimeoutNanos, ServerHandler server) {
        this.maxFrameSize = maxFrameSize;
        this.readTimeoutNanos = readTimeoutNanos;
        this.server = server;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (server != null) {
            server.activity();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int decoded = 0;
        while (in.isReadable()) {
            InboundFrame f;
            try {
                f = decodeOne(in);
            } catch (RuntimeException e) {
                failed = true;
                partialSince = -1;
                in.skipBytes(in.readableBytes());
                throw e;
            }
            if (f == null) {
                break;
            }
            out.add(f);
            decoded++;
        }
        if (in.isReadable()) {
            // The clock runs from the first byte of the message still incomplete, so a steady
            // pipelined stream is never cut.
            if (partialSince < 0 || decoded > 0) {
                partialSince = System.nanoTime();
                scheduleReadTimer(ctx, readTimeoutNanos);
            }
        } else {
            partialSince = -1;
        }
    }

    private void scheduleReadTimer(ChannelHandlerContext ctx, long delay) {
        if (readTimer != null && !readTimer.isDone()) {
            return;
        }
        readTimer = ctx.executor().schedule(() -> {
            readTimer = null;
            if (partialSince < 0 || !ctx.channel().isActive()) {
                return;
            }
            if (!ctx.channel().config().isAutoRead()) {
                // The server paused reading (its queue is full): that time is not the peer's fault.
                partialSince = System.nanoTime();
                scheduleReadTimer(ctx, readTimeoutNanos);
                return;
            }
            long waited = System.nanoTime() - partialSince;
            if (waited >= readTimeoutNanos) {
                ctx.fireExceptionCaught(new ReadTimeoutOnFrameException(
                        "message not complete " + TimeUnit.NANOSECONDS.toMillis(waited) + " ms after its first byte (read timeout "
                                + TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos) + " ms)"));
            } else {
                scheduleReadTimer(ctx, readTimeoutNanos - waited);
            }
        }, delay, TimeUnit.NANOSECONDS);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (readTimer != null) {
            readTimer.cancel(false);
            readTimer = null;
        }
    }

    /** One frame, or null if more bytes are needed. */
    private InboundFrame decodeOne(ByteBuf in) {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (first && server != null && readable >= 1 && in.getByte(start) == 'P') {
            int n = Math.min(readable, H2_PREFACE.length);
            for (int i = 0; i < n; i++) {
                if (in.getByte(start + i) != H2_PREFACE[i]) {
                    throw new ProtocolException("invalid payload: neither TTHeader, Framed nor Buffered thrift");
                }
            }
            if (n < H2_PREFACE.length) {
                return null;
            }
            // HTTP/2 with prior knowledge (gRPC, §1.11): every byte so far goes to ServerHandler in
            // a marker frame (transport GRPC); it swaps this connection's pipeline to the gRPC
            // handler, removing this decoder, and replays the bytes there.
            first = false;
            return new InboundFrame(TransportProtocol.GRPC, null, 0, null, null, in.readRetainedSlice(readable), readable);
        }
        if (readable < 8) {
            // The smallest strict message is longer than 8 bytes; wait (the read timeout bounds the wait).
            if (readable >= 2 && !plausibleStart(in, start, readable)) {
                throw new ProtocolException("invalid payload: first bytes " + hex(in, start, readable)
                        + " are neither TTHeader, Framed nor Buffered thrift");
            }
            return null;
        }
        int word1 = in.getInt(start + 4);
        if ((word1 & MAGIC_MASK) == 0x1000_0000) {
            return decodeTTHeader(in, start, readable);
        }
        int word0 = in.getInt(start);
        first = false;
        if ((word0 & MAGIC_MASK) == THRIFT_BINARY_MAGIC || isCompact(in, start)) {
            PayloadProtocol p = (word0 & MAGIC_MASK) == THRIFT_BINARY_MAGIC ? PayloadProtocol.THRIFT_BINARY : PayloadProtocol.THRIFT_COMPACT;
            int len = PayloadCodecs.require(p).messageLength(in, start);
            if (len < 0) {
                if (readable > maxFrameSize) {
                    throw tooLarge(readable);
                }
                return null;
            }
            if (len > maxFrameSize) {
                throw tooLarge(len);
            }
            return new InboundFrame(TransportProtocol.BUFFERED, p, 0, null, null, in.readRetainedSlice(len), len);
        }
        if ((word1 & MAGIC_MASK) == THRIFT_BINARY_MAGIC || isCompact(in, start + 4)) {
            PayloadProtocol p = (word1 & MAGIC_MASK) == THRIFT_BINARY_MAGIC ? PayloadProtocol.THRIFT_BINARY : PayloadProtocol.THRIFT_COMPACT;
            long len = word0 & 0xFFFF_FFFFL;
            if (word0 < 0 || len + 4 > maxFrameSize) {
                throw tooLarge(len + 4);
            }
            if (readable < len + 4) {
                return null;
            }
            in.skipBytes(4);
            return new InboundFrame(TransportProtocol.FRAMED, p, 0, null, null, in.readRetainedSlice((int) len), (int) len + 4);
        }
        if ((word1 & MAGIC_MASK) == KITEX_PB_MAGIC) {
            // Kitex Protobuf: always framed, sniffed at [4:8] only (as Kitex's isProtobufKitex).
            long len = word0 & 0xFFFF_FFFFL;
            if (word0 < 0 || len + 4 > maxFrameSize) {
                throw tooLarge(len + 4);
            }
            if (readable < len + 4) {
                return null;
            }
            in.skipBytes(4);
            return new InboundFrame(TransportProtocol.FRAMED, PayloadProtocol.KITEX_PROTOBUF, 0, null, null,
                    in.readRetainedSlice((int) len), (int) len + 4);
        }
        throw new ProtocolException("invalid payload: first bytes " + hex(in, start, 8)
                + " are neither TTHeader, Framed nor Buffered thrift");
    }

    private InboundFrame decodeTTHeader(ByteBuf in, int start, int readable) {
        if (server != null && TTHeaderCodec.isStreaming(in, start)) {
            throw new UnsupportedProtocolException(UnsupportedProtocolException.Kind.TTHEADER_STREAMING,
                    "TTHeader Streaming is not supported by this server yet");
        }
        first = false;
        int frameLen = TTHeaderCodec.frameLength(in, start);
        if (frameLen > maxFrameSize || frameLen < 0) {
            throw tooLarge(frameLen < 0 ? (in.getUnsignedInt(start) + 4) : frameLen);
        }
        if (readable < frameLen) {
            return null;
        }
        ByteBuf frame = in.slice(start, frameLen);
        TTHeader h = TTHeaderCodec.decode(frame, new TTHeader());
        int payloadStart = frame.readerIndex();
        int payloadLen = frameLen - payloadStart;
        if (payloadLen < 8) {
            throw new ProtocolException("TTHeader payload of " + payloadLen + " bytes is too short for a message");
        }
        int p0 = frame.getInt(payloadStart);
        int p1 = frame.getInt(payloadStart + 4);
        TransportProtocol transport;
        PayloadProtocol payload;
        int msgOffset;
        if ((p0 & MAGIC_MASK) == THRIFT_BINARY_MAGIC || isCompact(frame, payloadStart)) {
            transport = TransportProtocol.TTHEADER;
            payload = (p0 & MAGIC_MASK) == THRIFT_BINARY_MAGIC ? PayloadProtocol.THRIFT_BINARY : PayloadProtocol.THRIFT_COMPACT;
            msgOffset = 0;
        } else if ((p1 & MAGIC_MASK) == THRIFT_BINARY_MAGIC || isCompact(frame, payloadStart + 4)) {
            transport = TransportProtocol.TTHEADER_FRAMED;
            payload = (p1 & MAGIC_MASK) == THRIFT_BINARY_MAGIC ? PayloadProtocol.THRIFT_BINARY : PayloadProtocol.THRIFT_COMPACT;
            if (p0 != payloadLen - 4) {
                throw new ProtocolException("TTHeader framed payload length " + (p0 & 0xFFFF_FFFFL) + " does not match the "
                        + (payloadLen - 4) + " bytes left in the frame");
            }
            msgOffset = 4;
        } else if ((p1 & MAGIC_MASK) == KITEX_PB_MAGIC) {
            transport = TransportProtocol.TTHEADER_FRAMED;
            payload = PayloadProtocol.KITEX_PROTOBUF;
            if (p0 != payloadLen - 4) {
                throw new ProtocolException("TTHeader framed payload length " + (p0 & 0xFFFF_FFFFL) + " does not match the "
                        + (payloadLen - 4) + " bytes left in the frame");
            }
            msgOffset = 4;
        } else if ((p0 & MAGIC_MASK) == KITEX_PB_MAGIC) {
            // Kitex sniffs Kitex Protobuf only behind a Framed length and answers this "invalid payload".
            throw new ProtocolException("Kitex Protobuf inside TTHeader must be framed (TTHeader|Framed); Kitex refuses it unframed too");
        } else {
            throw new ProtocolException("invalid TTHeader payload: first bytes " + hex(frame, payloadStart, 8));
        }
        in.skipBytes(payloadStart + msgOffset);
        ByteBuf body = in.readRetainedSlice(payloadLen - msgOffset);
        return new InboundFrame(transport, payload, h.seqId(), h.intInfoOrNull(), h.strInfoOrNull(), body, frameLen);
    }

    /** Whether the first bytes could begin some frame we know, given fewer than 8 bytes. */
    private static boolean plausibleStart(ByteBuf in, int start, int readable) {
        int b0 = in.getUnsignedByte(start);
        int b1 = in.getUnsignedByte(start + 1);
        if (b0 == 0x80 && b1 == 0x01) {
            return true; // buffered binary
        }
        if (b0 == 0x82) {
            return (b1 & 0x1F) == 1; // buffered compact
        }
        // Framed / TTHeader / Kitex PB: a length whose high byte is small.
        return b0 < 0x80 || b0 == 0xFF;
    }

    private static boolean isCompact(ByteBuf buf, int offset) {
        return buf.getUnsignedByte(offset) == 0x82 && (buf.getByte(offset + 1) & 0x1F) == 1;
    }

    private ProtocolException tooLarge(long size) {
        return new ProtocolException("frame of " + size + " bytes exceeds the max frame size of " + maxFrameSize + " bytes");
    }

    private static String hex(ByteBuf b, int start, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(String.format("%02x", b.getUnsignedByte(start + i)));
        }
        return sb.toString();
    }

    /** A partial message outlived the read timeout. */
    static final class ReadTimeoutOnFrameException extends ProtocolException {
        private static final long serialVersionUID = 1L;

        ReadTimeoutOnFrameException(String message) {
            super(message);
        }
    }
}
