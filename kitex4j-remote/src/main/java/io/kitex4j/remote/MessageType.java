package io.kitex4j.remote;

/** Message types shared by Thrift and Kitex Protobuf (the low bits of their message headers). */
public final class MessageType {
    public static final int CALL = 1;
    public static final int REPLY = 2;
    public static final int EXCEPTION = 3;
    public static final int ONEWAY = 4;

    private MessageType() {}
}
