package io.kitex4j.thrift.internal;

import io.kitex4j.thrift.ThriftProtocolId;
import java.util.Arrays;
import java.util.UUID;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TTransport;

/** Runs libthrift 0.22, the reference implementation the protocols are compared with. */
final class Libthrift {

    interface Body {
        void writeTo(TProtocol out) throws TException;
    }

    private Libthrift() {}

    static TProtocol protocol(ThriftProtocolId id, TTransport transport) {
        return switch (id) {
            case BINARY -> new TBinaryProtocol(transport, true, true);
            case COMPACT -> new TCompactProtocol(transport);
        };
    }

    /** What libthrift writes for {@code body}. */
    static byte[] write(ThriftProtocolId id, Body body) throws TException {
        TMemoryBuffer out = new TMemoryBuffer(64);
        body.writeTo(protocol(id, out));
        return Arrays.copyOf(out.getArray(), out.length());
    }

    static byte[] write(ThriftProtocolId id, Script script) throws TException {
        return write(id, out -> script.writeTo(out, id));
    }

    /** A libthrift reader over {@code bytes}. */
    static TProtocol reader(ThriftProtocolId id, byte[] bytes) throws TException {
        return protocol(id, new TMemoryInputTransport(bytes));
    }

    /**
     * Maps a UUID to the one libthrift 0.22 must be given to put it on the wire in RFC 4122 order
     * (the Thrift specification's order, which Kitex4j writes), and back: the map is its own
     * inverse. libthrift's TBinaryProtocol writes the least significant half first (each half
     * big-endian); its TCompactProtocol writes each half little-endian, least significant half
     * first, which is the whole 16 bytes reversed.
     */
    static UUID toLibthrift(ThriftProtocolId id, UUID uuid) {
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        return switch (id) {
            case BINARY -> new UUID(lsb, msb);
            case COMPACT -> new UUID(Long.reverseBytes(lsb), Long.reverseBytes(msb));
        };
    }
}
