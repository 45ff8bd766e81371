package io.kitex4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/kitex4j} without a built jar says how to build it. (With the jar it is run by
 * {@code LauncherScriptIT}, after the package phase.)
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherScriptTest {

    @TempDir
    Path fakeRepo;

    /** The repository root: the directory above the working directory holding {@code bin/kitex4j}. */
    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("bin/kitex4j")) && Files.isDirectory(p.resolve("kitex4j-cli"))) {
                return p;
            }
        }
        throw new IllegalStateException("bin/kitex4j not found above " + Path.of("").toAbsolutePath());
    }

    record Result(int status, String out, String err) {}

    static Result exec(Path workingDir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kitex4j-out", ".txt");
        Path err = Files.createTempFile("kitex4j-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished within 60 s").isTrue();
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void withoutTheJarItSaysHowToBuildIt() throws IOException, InterruptedException {
        Path script = fakeRepo.resolve("bin/kitex4j");
        Files.createDirectories(script.getParent());
        Files.copy(repositoryRoot().resolve("bin/kitex4j"), script);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        Result r = exec(fakeRepo, List.of(script.toString(), "--help"));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("kitex4j: the command line is not built yet", "mvn install -DskipTests");
    }
}
