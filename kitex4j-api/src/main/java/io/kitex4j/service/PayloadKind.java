package io.kitex4j.service;

/** The IDL family a service was generated from. */
public enum PayloadKind {
    THRIFT,
    PROTOBUF
}
