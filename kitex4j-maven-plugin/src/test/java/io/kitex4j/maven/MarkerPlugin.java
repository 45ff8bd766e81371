package io.kitex4j.maven;

import io.kitex4j.codegen.GeneratedFile;
import io.kitex4j.codegen.plugin.GeneratorPlugin;
import io.kitex4j.codegen.plugin.PluginContext;
import java.util.TreeMap;

/** A test plugin: writes {@code marker.txt} holding its options. */
public final class MarkerPlugin implements GeneratorPlugin {
    @Override
    public String name() {
        return "test-marker";
    }

    @Override
    public void process(PluginContext context) {
        context.put(new GeneratedFile("marker.txt", new TreeMap<>(context.options()).toString()));
    }
}
