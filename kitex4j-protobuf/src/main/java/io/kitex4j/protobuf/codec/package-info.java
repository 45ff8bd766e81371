/**
 * The protobuf payload codecs plugged into the remote layer through
 * {@link java.util.ServiceLoader}: {@link io.kitex4j.protobuf.codec.KitexProtobufPayloadCodec}
 * ({@link io.kitex4j.rpcinfo.PayloadProtocol#KITEX_PROTOBUF}: a message header, then the protobuf
 * body; always framed) and {@link io.kitex4j.protobuf.codec.ProtobufPayloadCodec}
 * ({@link io.kitex4j.rpcinfo.PayloadProtocol#PROTOBUF}: bare messages inside gRPC frames).
 */
package io.kitex4j.protobuf.codec;
