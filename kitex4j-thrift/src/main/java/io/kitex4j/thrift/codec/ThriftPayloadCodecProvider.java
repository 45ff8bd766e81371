package io.kitex4j.thrift.codec;

import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.PayloadCodecProvider;
import io.kitex4j.rpcinfo.PayloadProtocol;

/** {@link java.util.ServiceLoader} entry for the Thrift binary codec. */
public final class ThriftPayloadCodecProvider implements PayloadCodecProvider {
    @Override
    public PayloadCodec codec() {
        return new ThriftPayloadCodec(PayloadProtocol.THRIFT_BINARY);
    }

    /** {@link java.util.ServiceLoader} entry for the Thrift compact codec. */
    public static final class Compact implements PayloadCodecProvider {
        @Override
        public PayloadCodec codec() {
            return new ThriftPayloadCodec(PayloadProtocol.THRIFT_COMPACT);
        }
    }
}
