package io.kitex4j.thrift;

/**
 * Malformed or unsupported Thrift bytes: raised by readers while decoding and by writers on
 * values that cannot be encoded. The {@link #type()} codes follow Apache Thrift's
 * {@code TProtocolException} and Kitex's {@code perrors}.
 */
public final class ThriftProtocolException extends RuntimeException {
    public static final int UNKNOWN = 0;
    public static final int INVALID_DATA = 1;
    public static final int NEGATIVE_SIZE = 2;
    public static final int SIZE_LIMIT = 3;
    public static final int BAD_VERSION = 4;
    public static final int NOT_IMPLEMENTED = 5;
    public static final int DEPTH_LIMIT = 6;

    private static final long serialVersionUID = 1L;

    private final int type;

    public ThriftProtocolException(int type, String message) {
        super(message);
        this.type = type;
    }

    /** One of the constants of this class. */
    public int type() {
        return type;
    }
}
