package io.kitex4j.remote.internal.ttheader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads the Kitex wire captures of {@code testdata/kitex-vectors}: {@code NAME.req.hex} /
 * {@code NAME.resp.hex} (whitespace-separated hex; an empty file is zero bytes) and the §8
 * {@code sec8-*.hex} vectors. The directory comes from the system property
 * {@code kitex4j.testdata} (set by surefire), else from walking up from the working directory.
 */
final class KitexVectors {
    private KitexVectors() {}

    private static volatile Path dir;

    /** The {@code kitex-vectors} directory. */
    static Path dir() {
        Path d = dir;
        if (d == null) {
            dir = d = locate();
        }
        return d;
    }

    private static Path locate() {
        String prop = System.getProperty("kitex4j.testdata");
        if (prop != null && !prop.isBlank()) {
            Path p = Paths.get(prop, "kitex-vectors");
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata").resolve("kitex-vectors");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/kitex-vectors not found (kitex4j.testdata="
                + prop + ", cwd=" + Paths.get("").toAbsolutePath() + ")");
    }

    /** Case stems that have a {@code .req.hex} file, sorted. */
    static List<String> caseNames() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".req.hex"))
                    .map(n -> n.substring(0, n.length() - ".req.hex".length()))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes the client wrote in case {@code name}. */
    static byte[] request(String name) {
        return hexFile(name + ".req.hex");
    }

    /** Bytes the server wrote in case {@code name}. */
    static byte[] response(String name) {
        return hexFile(name + ".resp.hex");
    }

    /** A §8 vector, e.g. {@code sec8("v3b")} or {@code sec8("mockreqthrift")}. */
    static byte[] sec8(String id) {
        return hexFile("sec8-" + id + ".hex");
    }

    static byte[] hexFile(String fileName) {
        try {
            return hex(Files.readString(dir().resolve(fileName), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes hex, ignoring whitespace and {@code |} separators. */
    static byte[] hex(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '|') {
                sb.append(c);
            }
        }
        if ((sb.length() & 1) != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] out = new byte[sb.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(sb.charAt(2 * i), 16);
            int lo = Character.digit(sb.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("bad hex at " + 2 * i + ": " + sb.substring(2 * i, 2 * i + 2));
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    static String toHex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (int i = 0; i < b.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Character.forDigit(b[i] >> 4 & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
        }
        return sb.toString();
    }
}
