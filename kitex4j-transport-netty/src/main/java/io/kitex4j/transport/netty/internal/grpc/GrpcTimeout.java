package io.kitex4j.transport.netty.internal.grpc;

/**
 * The {@code grpc-timeout} header: at most 8 ASCII digits and a unit ({@code n u m S M H}). The
 * encoder picks the finest unit that fits, rounding up, exactly as grpc-go (and so Kitex, which
 * sent {@code 1499390u} for a 1.5 s timeout) does; the decoder follows grpc-go's checks.
 */
public final class GrpcTimeout {
    /** The largest value with 8 digits. */
    static final long MAX_VALUE = 99_999_999L;
    private static final long[] UNIT_NANOS = {1L, 1_000L, 1_000_000L, 1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L};
    private static final char[] UNITS = {'n', 'u', 'm', 'S', 'M', 'H'};

    private GrpcTimeout() {}

    /** The header value for a remaining time of {@code nanos} ({@code 0n} when none is left). */
    public static String encode(long nanos) {
        if (nanos <= 0) {
            return "0n";
        }
        for (int i = 0; i < UNITS.length; i++) {
            long unit = UNIT_NANOS[i];
            long v = nanos / unit + (nanos % unit > 0 ? 1 : 0);
            if (v <= MAX_VALUE) {
                return Long.toString(v) + UNITS[i];
            }
        }
        return MAX_VALUE + "H";
    }

    /**
     * The time in nanoseconds a header value stands for, saturated at {@link Long#MAX_VALUE}.
     *
     * @throws IllegalArgumentException if it is malformed (the server answers INTERNAL)
     */
    public static long decode(String value) {
        if (value == null || value.length() < 2) {
            throw new IllegalArgumentException("timeout string is too short: \"" + value + "\"");
        }
        int size = value.length();
        if (size > 9) {
            throw new IllegalArgumentException("timeout string is too long: \"" + value + "\"");
        }
        char u = value.charAt(size - 1);
        long unit = -1;
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i] == u) {
                unit = UNIT_NANOS[i];
            }
        }
        if (unit < 0) {
            throw new IllegalArgumentException("timeout unit is not recognized: \"" + value + "\"");
        }
        long v = 0;
        for (int i = 0; i < size - 1; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("timeout value is not a number: \"" + value + "\"");
            }
            v = v * 10 + (c - '0');
        }
        if (v > Long.MAX_VALUE / unit) {
            return Long.MAX_VALUE;
        }
        return v * unit;
    }
}
