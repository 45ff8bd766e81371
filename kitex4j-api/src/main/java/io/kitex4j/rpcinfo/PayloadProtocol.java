package io.kitex4j.rpcinfo;

/** The message protocol of a call's payload. */
public enum PayloadProtocol {
    /** Thrift strict binary: Kitex's Thrift protocol. */
    THRIFT_BINARY,
    /** Thrift compact: spoken by Apache Thrift peers (Kitex does not). */
    THRIFT_COMPACT,
    /** Kitex Protobuf: a Thrift-like header around a protobuf body. */
    KITEX_PROTOBUF,
    /** Protobuf messages inside gRPC frames. */
    PROTOBUF
}
