package io.kitex4j.thrift.internal;

import io.kitex4j.thrift.ThriftProtocolException;

/** Shared limit checks and the exceptions the protocols raise, so every protocol words them alike. */
final class Limits {

    /**
     * The largest accepted nesting limit. Skipping and scanning recurse once per level, so the
     * limit also bounds stack use.
     */
    static final int MAX_DEPTH = 1024;

    private Limits() {}

    static int checkMaxDepth(int maxDepth) {
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be in [1, " + MAX_DEPTH + "]: " + maxDepth);
        }
        return maxDepth;
    }

    static void checkWriteSize(int size) {
        if (size < 0) {
            throw negativeSize("container", size);
        }
    }

    static ThriftProtocolException truncated(String what, long needed, int available) {
        return new ThriftProtocolException(ThriftProtocolException.INVALID_DATA,
                "truncated " + what + ": needs " + needed + " bytes, " + available + " readable");
    }

    static ThriftProtocolException negativeSize(String what, int size) {
        return new ThriftProtocolException(ThriftProtocolException.NEGATIVE_SIZE,
                "negative " + what + " size: " + size);
    }

    static ThriftProtocolException lengthExceedsInput(String what, int length, int available) {
        return new ThriftProtocolException(ThriftProtocolException.SIZE_LIMIT,
                what + " length " + length + " exceeds the " + available + " readable bytes");
    }

    static ThriftProtocolException containerTooLarge(String what, int size, int available) {
        return new ThriftProtocolException(ThriftProtocolException.SIZE_LIMIT,
                what + " size " + size + " cannot fit in the " + available + " readable bytes");
    }

    static ThriftProtocolException depthExceeded(int maxDepth) {
        return new ThriftProtocolException(ThriftProtocolException.DEPTH_LIMIT,
                "nesting deeper than the limit of " + maxDepth);
    }

    static ThriftProtocolException unknownType(int type) {
        return new ThriftProtocolException(ThriftProtocolException.INVALID_DATA, "unknown thrift type " + type);
    }
}
