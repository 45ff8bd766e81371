package io.kitex4j.protobuf.codec;

import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.PayloadCodecProvider;

/** {@link java.util.ServiceLoader} entry for the Kitex Protobuf codec ({@link KitexProtobufPayloadCodec}). */
public final class KitexProtobufPayloadCodecProvider implements PayloadCodecProvider {
    @Override
    public PayloadCodec codec() {
        return new KitexProtobufPayloadCodec();
    }
}
