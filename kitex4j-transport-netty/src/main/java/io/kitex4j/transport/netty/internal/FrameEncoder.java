package io.kitex4j.transport.netty.internal;

import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.PayloadCodecs;
import io.kitex4j.remote.ProtocolException;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.internal.ttheader.TTHeaderCodec;
import io.kitex4j.remote.internal.ttheader.TTHeaderKeys;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Encodes a {@link RemoteMessage} into one frame of its transport: Buffered, Framed, TTHeader or
 * TTHeader|Framed (Kitex Protobuf: Framed or TTHeader|Framed only).
 */
public final class FrameEncoder {
    private FrameEncoder() {}

    /**
     * Encodes {@code msg}; the caller owns the returned buffer. Throws {@link ProtocolException}
     * if the frame would exceed {@code maxFrameSize} (nothing is leaked), and
     * {@link IllegalArgumentException} for Kitex Protobuf over an unframed transport (Buffered or
     * pure TTHeader): Kitex Protobuf is always framed, and Kitex refuses to encode it otherwise.
     * Servers reply in the framing of the request, which for Kitex Protobuf is always framed.
     */
    public static ByteBuf encode(ByteBufAllocator alloc, RemoteMessage msg, int maxFrameSize) {
        PayloadCodec codec = PayloadCodecs.require(msg.payloadProtocol());
        TransportProtocol transport = msg.transport();
        if (msg.payloadProtocol() == PayloadProtocol.KITEX_PROTOBUF && !transport.isFramed()) {
            throw new IllegalArgumentException("Kitex Protobuf is always framed: use FRAMED or TTHEADER_FRAMED, not "
                    + transport);
        }
        ByteBuf out = alloc.ioBuffer(256);
        try {
            int ttStart = -1;
            if (transport.isTTHeader()) {
                ttStart = TTHeaderCodec.writeHeader(out, 0, msg.seqId(), protocolId(msg.payloadProtocol()),
                        msg.hasIntInfo() ? msg.intInfo() : null, msg.hasStrInfo() ? msg.strInfo() : null);
            }
            int lenIdx = -1;
            if (transport.isFramed()) {
                lenIdx = out.writerIndex();
                out.writeInt(0);
            }
            codec.encode(msg, out);
            if (lenIdx >= 0) {
                out.setInt(lenIdx, out.writerIndex() - lenIdx - 4);
            }
            if (ttStart >= 0) {
                TTHeaderCodec.finishFrame(out, ttStart);
            }
            if (out.readableBytes() > maxFrameSize) {
                throw new ProtocolException("frame of " + out.readableBytes() + " bytes exceeds the max frame size of "
                        + maxFrameSize + " bytes");
            }
            msg.wireSize(out.readableBytes());
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    static int protocolId(PayloadProtocol p) {
        // Kitex writes 0x00 even for Kitex Protobuf; the payload is sniffed by its magic.
        return p == PayloadProtocol.THRIFT_COMPACT ? TTHeaderKeys.PROTOCOL_THRIFT_COMPACT : TTHeaderKeys.PROTOCOL_THRIFT_BINARY;
    }
}
