package io.kitex4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStateTest {

    @TempDir
    Path dir;

    Path idl;
    Path out;
    BuildState state;

    @BeforeEach
    void state() throws IOException {
        idl = Files.writeString(dir.resolve("a.thrift"), "struct A {}\n");
        out = Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(out.resolve("a"));
        Files.writeString(out.resolve("a/A.java"), "class A {}");
        state = BuildState.of(List.of("root " + idl), List.of(idl), List.of("a/A.java"));
    }

    @Test
    void roundTripsThroughItsFile() throws IOException {
        Path file = dir.resolve("target/state/generate-default.state");
        state.write(file);
        BuildState read = BuildState.read(file).orElseThrow();
        assertThat(read.config()).isEqualTo(state.config());
        assertThat(read.inputs()).isEqualTo(state.inputs());
        assertThat(read.outputs()).isEqualTo(state.outputs());
        assertThat(read.staleReason(List.of("root " + idl), out)).isEmpty();
    }

    @Test
    void aMissingOrForeignFileIsNoState() throws IOException {
        assertThat(BuildState.read(dir.resolve("none"))).isEmpty();
        assertThat(BuildState.read(Files.writeString(dir.resolve("x"), "something else\n"))).isEmpty();
    }

    @Test
    void contentNotTimestampsDecides() throws IOException {
        Files.setLastModifiedTime(idl, FileTime.fromMillis(0));
        assertThat(state.staleReason(List.of("root " + idl), out)).isEmpty();
        Files.writeString(idl, "struct A { 1: i32 x }\n");
        assertThat(state.staleReason(List.of("root " + idl), out)).contains(idl + " changed");
        Files.delete(idl);
        assertThat(state.staleReason(List.of("root " + idl), out)).contains(idl + " changed");
    }

    @Test
    void configurationChangesAndMissingOutputsAreStale() throws IOException {
        assertThat(state.staleReason(List.of("root " + idl, "plugin x"), out))
                .contains("the configuration or the set of IDL files changed");
        BuildState withGenerator = BuildState.of(List.of("generator a.jar@1", "root " + idl), List.of(idl), List.of());
        assertThat(withGenerator.staleReason(List.of("generator a.jar@2", "root " + idl), out))
                .contains("the generator changed");
        Files.delete(out.resolve("a/A.java"));
        assertThat(state.staleReason(List.of("root " + idl), out)).contains("generated file a/A.java is missing");
    }
}
