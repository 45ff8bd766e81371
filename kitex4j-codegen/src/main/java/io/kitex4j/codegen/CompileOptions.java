package io.kitex4j.codegen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of one compilation: include directories ({@code -I}), plugins to run after the Java
 * generator (by name, with options), and generator switches. Immutable; built with {@link #builder()}.
 */
public final class CompileOptions {
    private final List<Path> includeDirs;
    private final Map<String, Map<String, String>> plugins;
    private final boolean generateIncludes;

    private CompileOptions(Builder b) {
        this.includeDirs = List.copyOf(b.includeDirs);
        Map<String, Map<String, String>> p = new LinkedHashMap<>();
        b.plugins.forEach((k, v) -> p.put(k, Map.copyOf(v)));
        this.plugins = java.util.Collections.unmodifiableMap(p);
        this.generateIncludes = b.generateIncludes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Directories searched for includes, in order, after the including file's own directory. */
    public List<Path> includeDirs() {
        return includeDirs;
    }

    /** Plugins to run, in order, each with its options. */
    public Map<String, Map<String, String>> plugins() {
        return plugins;
    }

    /** Whether included files are generated too (default true), as Apache's {@code -r}. */
    public boolean generateIncludes() {
        return generateIncludes;
    }

    /** Builds {@link CompileOptions}. Not thread-safe. */
    public static final class Builder {
        private final List<Path> includeDirs = new ArrayList<>();
        private final Map<String, Map<String, String>> plugins = new LinkedHashMap<>();
        private boolean generateIncludes = true;

        public Builder includeDir(Path dir) {
            includeDirs.add(Objects.requireNonNull(dir, "dir"));
            return this;
        }

        /** Runs the plugin named {@code name} (see {@link io.kitex4j.codegen.plugin.GeneratorPlugin#name()}). */
        public Builder plugin(String name, Map<String, String> options) {
            plugins.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(options, "options"));
            return this;
        }

        public Builder generateIncludes(boolean generateIncludes) {
            this.generateIncludes = generateIncludes;
            return this;
        }

        public CompileOptions build() {
            return new CompileOptions(this);
        }
    }
}
