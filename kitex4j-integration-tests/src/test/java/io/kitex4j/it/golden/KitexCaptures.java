package io.kitex4j.it.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HexFormat;

/**
 * The Kitex v0.16.1 wire captures of {@code testdata/kitex-vectors}: {@code NAME.req.hex} (every
 * byte the Kitex client sent), {@code NAME.resp.hex} (every byte the Kitex server sent; empty for
 * oneway) and {@code NAME.txt} (setup and decode). The directory comes from the system property
 * {@code kitex4j.testdata} (set by surefire), else from walking up from the working directory.
 */
final class KitexCaptures {
    private KitexCaptures() {}

    private static volatile Path dir;

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
        throw new IllegalStateException("testdata/kitex-vectors not found (kitex4j.testdata=" + prop
                + ", cwd=" + Paths.get("").toAbsolutePath() + ")");
    }

    /** Every byte the Kitex client sent in case {@code name}. */
    static byte[] request(String name) {
        return hex(name + ".req.hex");
    }

    /** Every byte the Kitex server sent in case {@code name} (empty for oneway). */
    static byte[] response(String name) {
        return hex(name + ".resp.hex");
    }

    /** The case description ({@code NAME.txt}). */
    static String description(String name) {
        try {
            return Files.readString(dir().resolve(name + ".txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rest of the "Observed" line of case {@code name} that starts with {@code prefix}
     * (e.g. {@code "client call returned error: "}), or {@code null}.
     */
    static String observed(String name, String prefix) {
        for (String line : description(name).split("\\R")) {
            String t = line.strip();
            if (t.startsWith("- ")) {
                t = t.substring(2);
            }
            if (t.startsWith(prefix)) {
                return t.substring(prefix.length());
            }
        }
        return null;
    }

    private static byte[] hex(String file) {
        try {
            String text = Files.readString(dir().resolve(file), StandardCharsets.US_ASCII);
            return HexFormat.of().parseHex(text.replaceAll("\\s+", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
