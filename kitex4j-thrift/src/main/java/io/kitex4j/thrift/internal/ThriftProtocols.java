package io.kitex4j.thrift.internal;

import io.kitex4j.thrift.ThriftProtocolId;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftWriter;
import io.netty.buffer.ByteBuf;

/** Creates the reader or writer of a protocol over a buffer, with the default depth limit. */
public final class ThriftProtocols {

    private ThriftProtocols() {}

    /** A reader of {@code id} that consumes {@code buf} from its reader index. */
    public static ThriftReader reader(ThriftProtocolId id, ByteBuf buf) {
        return switch (id) {
            case BINARY -> new BinaryProtocol(buf);
            case COMPACT -> new CompactProtocol(buf);
        };
    }

    /** A writer of {@code id} that appends to {@code buf}. */
    public static ThriftWriter writer(ThriftProtocolId id, ByteBuf buf) {
        return switch (id) {
            case BINARY -> new BinaryProtocol(buf);
            case COMPACT -> new CompactProtocol(buf);
        };
    }
}
