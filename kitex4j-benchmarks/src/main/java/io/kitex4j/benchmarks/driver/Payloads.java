package io.kitex4j.benchmarks.driver;

/** The echo message of a given size: ASCII, so {@code size} characters are {@code size} bytes of UTF-8. */
public final class Payloads {
    private Payloads() {}

    public static String message(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0");
        }
        char[] c = new char[size];
        for (int i = 0; i < size; i++) {
            c[i] = (char) ('a' + i % 26);
        }
        return new String(c);
    }

    /** Throws if {@code reply} is not the echo of {@code sent} (compared by length: the cheap check every target gets). */
    public static void check(String sent, String reply) {
        if (reply == null || reply.length() != sent.length()) {
            throw new IllegalStateException("wrong echo: sent " + sent.length() + " chars, got "
                    + (reply == null ? "null" : reply.length() + " chars"));
        }
    }
}
