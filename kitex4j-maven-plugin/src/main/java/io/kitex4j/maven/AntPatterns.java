package io.kitex4j.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Ant-style file patterns, as Maven's {@code <includes>}: {@code *} and {@code ?} within one path
 * segment, {@code **} for any number of segments (including none), a trailing {@code /} meaning
 * {@code /**}. Paths are relative with {@code /} separators.
 */
final class AntPatterns {
    private AntPatterns() {}

    /** The regular files under {@code dir} matching an include and no exclude, sorted. */
    static List<Path> scan(Path dir, List<String> includes, List<String> excludes) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).sorted().forEach(p -> {
                String rel = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                if (includes.stream().anyMatch(i -> matches(i, rel))
                        && excludes.stream().noneMatch(e -> matches(e, rel))) {
                    found.add(p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Whether {@code path} matches the Ant pattern. */
    static boolean matches(String pattern, String path) {
        String p = pattern.replace('\\', '/').strip();
        if (p.endsWith("/")) {
            p = p + "**";
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return match(p.split("/"), 0, path.split("/"), 0);
    }

    private static boolean match(String[] pat, int i, String[] segs, int j) {
        if (i == pat.length) {
            return j == segs.length;
        }
        if (pat[i].equals("**")) {
            for (int k = j; k <= segs.length; k++) {
                if (match(pat, i + 1, segs, k)) {
                    return true;
                }
            }
            return false;
        }
        return j < segs.length && segment(pat[i]).matcher(segs[j]).matches() && match(pat, i + 1, segs, j + 1);
    }

    private static Pattern segment(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? "[^/]*" : "[^/]");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString());
    }
}
