package io.kitex4j.transport.netty.internal;

import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.util.AbstractReferenceCounted;
import java.util.Map;

/**
 * One whole message cut from the stream: how it was framed, its TTHeader keys if any, and the
 * payload (the message header and body), which the receiver must release.
 */
final class InboundFrame extends AbstractReferenceCounted {
    final TransportProtocol transport;
    final PayloadProtocol payloadProtocol;
    final int seqId;
    final Map<Integer, String> intInfo;
    final Map<String, String> strInfo;
    final ByteBuf payload;
    final int wireSize;

    InboundFrame(TransportProtocol transport, PayloadProtocol payloadProtocol, int seqId, Map<Integer, String> intInfo,
                 Map<String, String> strInfo, ByteBuf payload, int wireSize) {
        this.transport = transport;
        this.payloadProtocol = payloadProtocol;
        this.seqId = seqId;
        this.intInfo = intInfo;
        this.strInfo = strInfo;
        this.payload = payload;
        this.wireSize = wireSize;
    }

    @Override
    protected void deallocate() {
        payload.release();
    }

    @Override
    public InboundFrame touch(Object hint) {
        payload.touch(hint);
        return this;
    }
}
