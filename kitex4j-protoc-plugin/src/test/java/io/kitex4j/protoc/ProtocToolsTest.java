package io.kitex4j.protoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The helpers the CLI and the Maven plugin use to run protoc with this plugin. */
class ProtocToolsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "Linux, amd64, linux-x86_64",
        "Linux, aarch64, linux-aarch_64",
        "Linux, ppc64le, linux-ppcle_64",
        "Linux, s390x, linux-s390_64",
        "Linux, x86, linux-x86_32",
        "Mac OS X, aarch64, osx-aarch_64",
        "Mac OS X, x86_64, osx-x86_64",
        "Windows 11, amd64, windows-x86_64",
        "Windows Server 2022, x86, windows-x86_32",
    })
    void theProtocClassifierOfAMachine(String osName, String osArch, String classifier) {
        assertThat(ProtocTools.osClassifier(osName, osArch)).isEqualTo(classifier);
    }

    @Test
    void machinesWithoutAProtocAreRefused() {
        assertThatThrownBy(() -> ProtocTools.osClassifier("SunOS", "sparcv9"))
                .hasMessage("no protoc is published for the operating system 'SunOS'");
        assertThatThrownBy(() -> ProtocTools.osClassifier("Linux", "riscv64"))
                .hasMessage("no protoc is published for the architecture 'riscv64'");
        assertThat(ProtocTools.osClassifier()).matches("[a-z]+-[a-z0-9_]+");
    }

    @Test
    void theWellKnownTypesComeFromProtobufJava() throws IOException {
        Path out = ProtocTools.extractWellKnownTypes(dir.resolve("wkt"));
        assertThat(out).isEqualTo(dir.resolve("wkt"));
        for (String name : ProtocTools.WELL_KNOWN_TYPES) {
            assertThat(Files.readString(out.resolve(name))).contains("package google.protobuf;");
        }
        // Unchanged files are not rewritten.
        Path empty = out.resolve("google/protobuf/empty.proto");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(empty, old);
        ProtocTools.extractWellKnownTypes(out);
        assertThat(Files.getLastModifiedTime(empty)).isEqualTo(old);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theLauncherRunsThePluginWithTheGivenJavaAndClassPath() throws IOException {
        Path launcher = ProtocTools.writePluginLauncher(dir.resolve("it's here"), Path.of("/opt/my java/bin/java"),
                List.of(Path.of("/a b/plugin.jar"), Path.of("/c/protobuf.jar")));
        assertThat(launcher.getFileName().toString()).isEqualTo("protoc-gen-kitex4j");
        assertThat(Files.isExecutable(launcher)).isTrue();
        assertThat(Files.readString(launcher)).isEqualTo("#!/bin/sh\nexec '/opt/my java/bin/java'"
                + " -Xshare:auto -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp '/a b/plugin.jar:/c/protobuf.jar'"
                + " io.kitex4j.protoc.PluginMain \"$@\"\n");
        // Written again in place.
        ProtocTools.writePluginLauncher(dir.resolve("it's here"), Path.of("/j"), List.of(Path.of("/x.jar")));
        assertThat(Files.readString(launcher)).contains("exec '/j' ");
        try (var files = Files.list(dir.resolve("it's here"))) {
            assertThat(files).containsExactly(launcher);
        }
    }

    @Test
    void thePluginClassPathHoldsThisModuleProtobufAndJavaPoet() {
        List<Path> cp = ProtocTools.pluginClassPath();
        assertThat(cp).hasSize(3).allMatch(Files::exists);
        assertThat(cp.get(0)).isEqualTo(ProtocTools.codeSource(PluginMain.class));
        assertThat(cp.get(1).getFileName().toString()).startsWith("protobuf-java-");
        assertThat(cp.get(2).getFileName().toString()).startsWith("javapoet-");
    }
}
