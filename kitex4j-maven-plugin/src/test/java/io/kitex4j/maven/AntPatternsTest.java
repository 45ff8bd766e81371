package io.kitex4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AntPatternsTest {

    @TempDir
    Path dir;

    @Test
    void doubleStarMatchesAnyNumberOfDirectoriesIncludingNone() {
        assertThat(AntPatterns.matches("**/*.thrift", "echo.thrift")).isTrue();
        assertThat(AntPatterns.matches("**/*.thrift", "a/b/echo.thrift")).isTrue();
        assertThat(AntPatterns.matches("**/*.thrift", "echo.thrift.bak")).isFalse();
        assertThat(AntPatterns.matches("api/**/*.thrift", "api/echo.thrift")).isTrue();
        assertThat(AntPatterns.matches("api/**/*.thrift", "api/v1/echo.thrift")).isTrue();
        assertThat(AntPatterns.matches("api/**/*.thrift", "other/echo.thrift")).isFalse();
        assertThat(AntPatterns.matches("common/", "common/x/y.thrift")).isTrue();
    }

    @Test
    void starAndQuestionMarkStayWithinOneSegment() {
        assertThat(AntPatterns.matches("*.thrift", "echo.thrift")).isTrue();
        assertThat(AntPatterns.matches("*.thrift", "a/echo.thrift")).isFalse();
        assertThat(AntPatterns.matches("echo?.thrift", "echo2.thrift")).isTrue();
        assertThat(AntPatterns.matches("echo?.thrift", "echo.thrift")).isFalse();
        assertThat(AntPatterns.matches("a.b+c.thrift", "a.b+c.thrift")).isTrue();
        assertThat(AntPatterns.matches("a.b+c.thrift", "aXb+c.thrift")).isFalse();
    }

    @Test
    void scanFindsIncludedNotExcludedFilesSorted() throws IOException {
        for (String f : List.of("b.thrift", "a.thrift", "sub/c.thrift", "shared/s.thrift", "notes.txt")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "");
        }
        assertThat(AntPatterns.scan(dir, List.of("**/*.thrift"), List.of("shared/**")))
                .containsExactly(dir.resolve("a.thrift"), dir.resolve("b.thrift"), dir.resolve("sub/c.thrift"));
        assertThat(AntPatterns.scan(dir.resolve("missing"), List.of("**/*.thrift"), List.of())).isEmpty();
    }
}
