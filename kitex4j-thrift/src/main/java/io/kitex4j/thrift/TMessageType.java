package io.kitex4j.thrift;

/** Thrift message types: the low byte of a strict binary message header. */
public final class TMessageType {
    public static final byte CALL = 1;
    public static final byte REPLY = 2;
    public static final byte EXCEPTION = 3;
    public static final byte ONEWAY = 4;

    private TMessageType() {}
}
