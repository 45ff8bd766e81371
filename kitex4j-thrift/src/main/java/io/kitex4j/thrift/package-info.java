/**
 * The Thrift runtime that generated code and the framework build on.
 *
 * <p>Entry points: {@link io.kitex4j.thrift.ThriftReader} and {@link io.kitex4j.thrift.ThriftWriter}
 * read and write Thrift values in one protocol ({@link io.kitex4j.thrift.ThriftProtocolId}), and a
 * {@link io.kitex4j.thrift.ThriftStructCodec} per generated struct encodes and decodes it through
 * them. {@link io.kitex4j.thrift.TType} and {@link io.kitex4j.thrift.TMessageType} name the wire
 * constants; malformed input raises {@link io.kitex4j.thrift.ThriftProtocolException}.
 */
package io.kitex4j.thrift;
