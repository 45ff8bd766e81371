package io.kitex4j.codegen;

import java.util.Objects;

/**
 * One generated file: a path relative to the output directory (always with {@code /}
 * separators, e.g. {@code io/kitex4j/examples/echo/EchoService.java}) and its text.
 */
public record GeneratedFile(String relativePath, String content) {
    public GeneratedFile {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(content, "content");
        if (relativePath.isEmpty() || relativePath.startsWith("/") || relativePath.contains("..")) {
            throw new IllegalArgumentException("generated file path must be relative and inside the output: " + relativePath);
        }
    }
}
