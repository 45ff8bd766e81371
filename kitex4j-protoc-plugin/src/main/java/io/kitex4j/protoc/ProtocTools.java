package io.kitex4j.protoc;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the tools that run protoc with this plugin share ({@code kitex4j proto} and the Maven
 * plugin's {@code generate-proto}): the protoc artifact's classifier for this machine, the
 * launcher script protoc starts as {@code protoc-gen-kitex4j}, and the well-known types.
 */
public final class ProtocTools {
    private ProtocTools() {}

    /** The plugin's name as protoc sees it: {@code --plugin=protoc-gen-kitex4j=...}, {@code --kitex4j_out}. */
    public static final String PLUGIN_NAME = "protoc-gen-kitex4j";

    /**
     * The well-known types ({@code google/protobuf/*.proto}). The protoc executable from Maven
     * Central is the bare binary, without the {@code include} directory of the release archives, so
     * it does not find them by itself; protobuf-java carries them.
     */
    public static final List<String> WELL_KNOWN_TYPES = List.of(
            "google/protobuf/any.proto", "google/protobuf/api.proto", "google/protobuf/descriptor.proto",
            "google/protobuf/duration.proto", "google/protobuf/empty.proto", "google/protobuf/field_mask.proto",
            "google/protobuf/source_context.proto", "google/protobuf/struct.proto", "google/protobuf/timestamp.proto",
            "google/protobuf/type.proto", "google/protobuf/wrappers.proto");

    /**
     * The classifier of the protoc artifact for this machine ({@code com.google.protobuf:protoc:VERSION:exe:CLASSIFIER}),
     * as os-maven-plugin names it: {@code linux-x86_64}, {@code linux-aarch_64}, {@code osx-aarch_64},
     * {@code windows-x86_64}, ...
     *
     * @throws IllegalStateException for an operating system or architecture protoc is not published for
     */
    public static String osClassifier() {
        return osClassifier(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    static String osClassifier(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        String os;
        if (name.startsWith("linux")) {
            os = "linux";
        } else if (name.startsWith("macosx") || name.startsWith("osx") || name.startsWith("darwin")) {
            os = "osx";
        } else if (name.startsWith("windows")) {
            os = "windows";
        } else {
            throw new IllegalStateException("no protoc is published for the operating system '" + osName + "'");
        }
        String arch = switch (osArch.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "")) {
            case "x8664", "amd64", "x86_64", "em64t", "x64" -> "x86_64";
            case "x8632", "x86", "i386", "i486", "i586", "i686", "ia32", "x32" -> "x86_32";
            case "aarch64", "arm64", "aarch_64" -> "aarch_64";
            case "ppc64le" -> "ppcle_64";
            case "s390x" -> "s390_64";
            default -> throw new IllegalStateException("no protoc is published for the architecture '" + osArch + "'");
        };
        return os + "-" + arch;
    }

    /** Whether this JVM runs on Windows (launchers are {@code .cmd} files there). */
    public static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * Writes the launcher protoc starts as {@code protoc-gen-kitex4j} into {@code dir}: a shell
     * script ({@code protoc-gen-kitex4j}; a {@code protoc-gen-kitex4j.cmd} batch file on Windows)
     * running {@code java -cp CLASSPATH io.kitex4j.protoc.PluginMain}. {@code classPath} must hold
     * this module and protobuf-java and JavaPoet.
     *
     * @return the launcher, executable
     */
    public static Path writePluginLauncher(Path dir, Path java, List<Path> classPath) throws IOException {
        Files.createDirectories(dir);
        String cp = classPath.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        // Short-lived: start fast; C1 is plenty for one request.
        String jvmOptions = "-Xshare:auto -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
        Path launcher;
        String text;
        if (isWindows()) {
            launcher = dir.resolve(PLUGIN_NAME + ".cmd");
            text = "@echo off\r\n\"" + java + "\" " + jvmOptions + " -cp \"" + cp + "\" " + PluginMain.class.getName() + " %*\r\n";
        } else {
            launcher = dir.resolve(PLUGIN_NAME);
            text = "#!/bin/sh\nexec " + shellQuote(java.toString()) + " " + jvmOptions + " -cp " + shellQuote(cp) + " "
                    + PluginMain.class.getName() + " \"$@\"\n";
        }
        Path tmp = Files.createTempFile(dir, PLUGIN_NAME, ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, launcher, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (!isWindows()) {
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return launcher;
    }

    /**
     * The class path the plugin runs with: the jars (or class directories) holding this module,
     * protobuf-java and JavaPoet, as this JVM loaded them (one entry when they are shaded into one
     * jar, as in the CLI's runnable jar). Kept here so that its users need not know the plugin's
     * dependencies.
     *
     * @throws IllegalStateException when a class was not loaded from a file (e.g. a custom class loader)
     */
    public static List<Path> pluginClassPath() {
        java.util.LinkedHashSet<Path> entries = new java.util.LinkedHashSet<>();
        for (Class<?> c : List.of(PluginMain.class, com.google.protobuf.Message.class, com.palantir.javapoet.JavaFile.class)) {
            entries.add(codeSource(c));
        }
        return List.copyOf(entries);
    }

    /** The jar or class directory {@code type} was loaded from. */
    public static Path codeSource(Class<?> type) {
        java.security.CodeSource cs = type.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from");
        }
        try {
            return Path.of(cs.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (java.net.URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from: " + cs.getLocation(), e);
        }
    }

    /** The {@code java} executable of this JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
    }

    /**
     * Copies the {@link #WELL_KNOWN_TYPES} from protobuf-java (on this class's class path) under
     * {@code dir}, which then serves as protoc's last {@code -I}. Files already there with the same
     * content are left alone.
     *
     * @return {@code dir}
     */
    public static Path extractWellKnownTypes(Path dir) throws IOException {
        for (String name : WELL_KNOWN_TYPES) {
            byte[] content;
            try (InputStream in = com.google.protobuf.Empty.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("protobuf-java on the class path lacks " + name);
                }
                content = in.readAllBytes();
            }
            Path target = dir.resolve(name);
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "wkt", ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return dir;
    }

    /** What a protoc run printed (standard output and error together) and its exit status. */
    public record ProtocRun(int exitStatus, String output) {}

    /**
     * Runs {@code protoc args...} in {@code workingDir} and waits for it; its output (standard
     * output and error merged, as protoc prints diagnostics on standard error) is returned, not printed.
     *
     * @throws IOException when protoc cannot be started (not found, not executable, wrong platform)
     */
    public static ProtocRun runProtoc(Path protoc, List<String> args, Path workingDir) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(protoc.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
                .start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), java.nio.charset.Charset.defaultCharset());
        } catch (IOException e) {
            p.destroyForcibly();
            throw e;
        }
        try {
            return new ProtocRun(p.waitFor(), output);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /**
     * Makes {@code file} executable when it is not (a copy from a Maven repository loses the bit).
     *
     * @return whether it is executable now
     */
    public static boolean ensureExecutable(Path file) {
        return Files.isExecutable(file) || (Files.isRegularFile(file) && file.toFile().setExecutable(true) && Files.isExecutable(file));
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
