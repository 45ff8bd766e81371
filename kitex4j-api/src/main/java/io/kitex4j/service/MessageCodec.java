package io.kitex4j.service;

/**
 * Marker for the protocol-specific object that encodes and decodes one message type (a Thrift
 * {@code ThriftStructCodec}, a protobuf parser). Generated code supplies it in a
 * {@link MethodDescriptor}; the payload codec of the protocol knows its concrete type.
 *
 * @param <T> the message type
 */
public interface MessageCodec<T> {}
