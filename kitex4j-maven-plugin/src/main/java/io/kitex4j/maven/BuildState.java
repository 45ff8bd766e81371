package io.kitex4j.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the last successful generation used and produced, kept in a small text file under
 * {@code target/}: the configuration (IDL roots, include directories, plugins, options, the
 * generator's identity), a SHA-256 of every IDL file it read (roots and everything they include)
 * and the files it generated. Generation is skipped while all of these are unchanged and every
 * generated file still exists.
 *
 * <p>Format, one entry a line: {@code config TEXT}, {@code input SHA256 PATH}, {@code output RELATIVE_PATH}.
 */
final class BuildState {

    private static final String HEADER = "# kitex4j-maven-plugin: the inputs and outputs of the last generation";

    private final List<String> config;
    private final Map<Path, String> inputs;
    private final List<String> outputs;

    BuildState(List<String> config, Map<Path, String> inputs, List<String> outputs) {
        this.config = List.copyOf(config);
        this.inputs = new LinkedHashMap<>(inputs);
        this.outputs = List.copyOf(outputs);
    }

    /** A state recording the current content of {@code inputFiles}. */
    static BuildState of(List<String> config, List<Path> inputFiles, List<String> outputs) throws IOException {
        Map<Path, String> inputs = new LinkedHashMap<>();
        for (Path p : inputFiles) {
            inputs.put(p, sha256(p));
        }
        return new BuildState(config, inputs, outputs);
    }

    List<String> config() {
        return config;
    }

    Map<Path, String> inputs() {
        return inputs;
    }

    List<String> outputs() {
        return outputs;
    }

    /** The state in {@code file}, or empty when there is none or it cannot be read. */
    static Optional<BuildState> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        List<String> config = new ArrayList<>();
        Map<Path, String> inputs = new LinkedHashMap<>();
        List<String> outputs = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("config ")) {
                config.add(line.substring(7));
            } else if (line.startsWith("input ")) {
                int space = line.indexOf(' ', 6);
                if (space < 0) {
                    return Optional.empty();
                }
                inputs.put(Path.of(line.substring(space + 1)), line.substring(6, space));
            } else if (line.startsWith("output ")) {
                outputs.add(line.substring(7));
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                return Optional.empty(); // not ours, or from another version: regenerate
            }
        }
        return Optional.of(new BuildState(config, inputs, outputs));
    }

    void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        config.forEach(c -> lines.add("config " + c));
        inputs.forEach((p, h) -> lines.add("input " + h + " " + p));
        outputs.forEach(o -> lines.add("output " + o));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * Why generating again is needed for {@code currentConfig}, or empty when this state is up to
     * date: same configuration, every input unchanged, every output present under {@code outputDir}.
     */
    Optional<String> staleReason(List<String> currentConfig, Path outputDir) throws IOException {
        if (!config.equals(currentConfig)) {
            List<String> before = config.stream().filter(c -> !c.startsWith("generator ")).toList();
            List<String> now = currentConfig.stream().filter(c -> !c.startsWith("generator ")).toList();
            return Optional.of(before.equals(now) ? "the generator changed"
                    : "the configuration or the set of IDL files changed");
        }
        for (Map.Entry<Path, String> e : inputs.entrySet()) {
            if (!e.getValue().equals(sha256(e.getKey()))) {
                return Optional.of(e.getKey() + " changed");
            }
        }
        for (String o : outputs) {
            if (!Files.isRegularFile(outputDir.resolve(o))) {
                return Optional.of("generated file " + o + " is missing");
            }
        }
        return Optional.empty();
    }

    /** The hex SHA-256 of a text's UTF-8 bytes. */
    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hex SHA-256 of a file's content, or {@code missing}. */
    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return "missing";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
