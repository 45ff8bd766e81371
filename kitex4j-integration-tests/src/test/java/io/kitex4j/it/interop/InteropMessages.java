package io.kitex4j.it.interop;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Messages used by the interop tests. */
final class InteropMessages {
    private InteropMessages() {}

    /** Two-, three- and four-byte UTF-8 sequences, a combining mark and an embedded NUL. */
    static final String NON_ASCII = "héllo wörld — 你好, мир, こんにちは 🌍🚀 e\u0301 \u0000 end";

    /** A message of exactly {@code bytes} UTF-8 bytes mixing ASCII and multi-byte characters. */
    static String ofUtf8Bytes(int bytes, long seed) {
        String[] pieces = {"a", "Z", "0", " ", "é", "ж", "€", "你", "🙂"};
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder(bytes);
        int size = 0;
        while (size < bytes) {
            String p = pieces[rnd.nextInt(pieces.length)];
            int n = p.getBytes(StandardCharsets.UTF_8).length;
            if (size + n > bytes) {
                p = "x";
                n = 1;
            }
            sb.append(p);
            size += n;
        }
        String s = sb.toString();
        if (s.getBytes(StandardCharsets.UTF_8).length != bytes) {
            throw new AssertionError("bad test message size");
        }
        return s;
    }

    /** 100 KB (102 400 UTF-8 bytes). */
    static final String HUNDRED_KB = ofUtf8Bytes(100 * 1024, 4242);
}
