package io.kitex4j.thrift;

/** The Thrift protocols this runtime speaks. */
public enum ThriftProtocolId {
    /** Strict binary protocol ({@code 0x8001} message headers). The Kitex default. */
    BINARY,
    /** Compact protocol ({@code 0x82} message headers). Spoken by Apache Thrift; Kitex does not. */
    COMPACT
}
