package io.kitex4j.it.interop;

import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolFactory;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportFactory;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * The four transport/protocol combinations Apache Thrift and Kitex4j have in common: binary or
 * compact Thrift, buffered (bare message) or framed (4-byte length first).
 */
enum Combo {
    BINARY_BUFFERED(false, false),
    BINARY_FRAMED(false, true),
    COMPACT_BUFFERED(true, false),
    COMPACT_FRAMED(true, true);

    final boolean compact;
    final boolean framed;

    Combo(boolean compact, boolean framed) {
        this.compact = compact;
        this.framed = framed;
    }

    /** The Kitex4j transport of this combination. */
    TransportProtocol transport() {
        return framed ? TransportProtocol.FRAMED : TransportProtocol.BUFFERED;
    }

    /** The Kitex4j payload protocol of this combination. */
    PayloadProtocol payload() {
        return compact ? PayloadProtocol.THRIFT_COMPACT : PayloadProtocol.THRIFT_BINARY;
    }

    /** libthrift's client-side stack: TFramedTransport around the socket for framed, then the protocol. */
    TProtocol clientProtocol(TTransport socket) throws TException {
        TTransport t = framed ? new TFramedTransport(socket) : socket;
        // The libthrift default, as generated clients are built: strict write, non-strict read.
        return compact ? new TCompactProtocol(t) : new TBinaryProtocol(t);
    }

    TProtocolFactory protocolFactory() {
        return compact ? new TCompactProtocol.Factory() : new TBinaryProtocol.Factory();
    }

    TTransportFactory transportFactory() {
        return framed ? new TFramedTransport.Factory() : new TTransportFactory();
    }
}
