package io.kitex4j.codegen.internal;

import io.kitex4j.codegen.CompileOptions;
import io.kitex4j.codegen.GeneratedFile;
import io.kitex4j.codegen.ThriftCompiler;
import io.kitex4j.codegen.internal.java.JavaGenerator;
import io.kitex4j.codegen.plugin.GeneratorPlugin;
import io.kitex4j.codegen.plugin.PluginContext;
import io.kitex4j.codegen.plugin.PluginException;
import io.kitex4j.codegen.thrift.Diagnostic;
import io.kitex4j.codegen.thrift.IdlLoadException;
import io.kitex4j.codegen.thrift.LoadResult;
import io.kitex4j.codegen.thrift.ThriftIdlLoader;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** One run of the compiler: load, generate, plugins. */
public final class Compilation {
    private Compilation() {}

    public static ThriftCompiler.Result run(List<Path> idlFiles, CompileOptions options)
            throws IdlLoadException, PluginException {
        if (idlFiles.isEmpty()) {
            throw new IllegalArgumentException("no IDL file given");
        }
        LoadResult loaded = ThriftIdlLoader.builder().includeDirs(options.includeDirs()).build().loadAll(idlFiles);
        List<IdlProgram> toGenerate = options.generateIncludes() ? loaded.programs() : loaded.roots();
        // A sorted map keeps the output order stable whatever order the generator works in.
        Map<String, GeneratedFile> files = new TreeMap<>();
        for (GeneratedFile f : JavaGenerator.generate(toGenerate)) {
            if (files.put(f.relativePath(), f) != null) {
                throw new PluginException("two definitions generate the same file " + f.relativePath()
                        + " (check the java namespaces of the IDL files)");
            }
        }
        List<Diagnostic> warnings = new ArrayList<>(loaded.warnings());
        Map<String, GeneratorPlugin> available = new LinkedHashMap<>();
        for (GeneratorPlugin p : ServiceLoader.load(GeneratorPlugin.class, Compilation.class.getClassLoader())) {
            available.put(p.name(), p);
        }
        for (Map.Entry<String, Map<String, String>> e : options.plugins().entrySet()) {
            GeneratorPlugin plugin = available.get(e.getKey());
            if (plugin == null) {
                throw new PluginException("unknown plugin '" + e.getKey() + "'; available: " + available.keySet());
            }
            List<String> pluginWarnings = new ArrayList<>();
            plugin.process(new Context(loaded, e.getValue(), files, pluginWarnings));
            for (String w : pluginWarnings) {
                warnings.add(Diagnostic.warning(io.kitex4j.codegen.thrift.model.SourceLocation.ofFile(loaded.root().path()), "plugin " + plugin.name() + ": " + w));
            }
        }
        return new ThriftCompiler.Result(new ArrayList<>(files.values()), warnings);
    }

    public static void write(ThriftCompiler.Result result, Path outputDir) throws IOException {
        for (GeneratedFile f : result.files()) {
            Path target = outputDir.resolve(f.relativePath().replace('/', java.io.File.separatorChar)).normalize();
            if (!target.startsWith(outputDir.normalize())) {
                throw new IOException("refusing to write outside the output directory: " + f.relativePath());
            }
            byte[] bytes = f.content().getBytes(StandardCharsets.UTF_8);
            if (Files.exists(target) && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                continue; // unchanged: keep the timestamp, so incremental builds stay incremental
            }
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        }
    }

    private static final class Context implements PluginContext {
        private final LoadResult loaded;
        private final Map<String, String> options;
        private final Map<String, GeneratedFile> files;
        private final List<String> warnings;

        Context(LoadResult loaded, Map<String, String> options, Map<String, GeneratedFile> files, List<String> warnings) {
            this.loaded = loaded;
            this.options = options;
            this.files = files;
            this.warnings = warnings;
        }

        @Override
        public List<IdlProgram> roots() {
            return loaded.roots();
        }

        @Override
        public List<IdlProgram> programs() {
            return loaded.programs();
        }

        @Override
        public Map<String, String> options() {
            return options;
        }

        @Override
        public List<GeneratedFile> files() {
            return List.copyOf(files.values());
        }

        @Override
        public void put(GeneratedFile file) {
            files.put(file.relativePath(), file);
        }

        @Override
        public boolean remove(String relativePath) {
            return files.remove(relativePath) != null;
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    }
}
