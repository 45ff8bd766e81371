package io.kitex4j.protobuf.codec;

import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.PayloadCodecProvider;

/** {@link java.util.ServiceLoader} entry for the raw protobuf codec of gRPC ({@link ProtobufPayloadCodec}). */
public final class ProtobufPayloadCodecProvider implements PayloadCodecProvider {
    @Override
    public PayloadCodec codec() {
        return new ProtobufPayloadCodec();
    }
}
