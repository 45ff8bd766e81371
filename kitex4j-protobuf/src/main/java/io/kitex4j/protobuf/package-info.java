/**
 * The protobuf runtime that generated protobuf stubs and the framework build on.
 *
 * <p>Entry point: {@link io.kitex4j.protobuf.ProtobufCodec}, the
 * {@link io.kitex4j.service.MessageCodec} of one protobuf message type
 * ({@code ProtobufCodec.of(EchoRequest.getDefaultInstance())}), which generated stubs put in their
 * {@link io.kitex4j.service.MethodDescriptor}s. The payload codecs that carry those messages on the
 * wire (Kitex Protobuf, raw protobuf inside gRPC) are in {@link io.kitex4j.protobuf.codec} and are
 * found through {@link java.util.ServiceLoader}; having this module on the class path is enough.
 */
package io.kitex4j.protobuf;
