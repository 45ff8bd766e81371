package io.kitex4j.cli;

import io.kitex4j.codegen.GeneratedFile;
import io.kitex4j.codegen.plugin.GeneratorPlugin;
import io.kitex4j.codegen.plugin.PluginContext;
import io.kitex4j.codegen.plugin.PluginException;
import java.util.TreeMap;

/**
 * A test plugin: writes {@code plugin-options.txt} with the options it received (sorted
 * {@code k=v} lines) and the number of generated files it saw; option {@code fail=MSG} makes it
 * fail with MSG, {@code warn=MSG} makes it warn.
 */
public final class OptionsRecordingPlugin implements GeneratorPlugin {

    static final String NAME = "test-options";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "records its options (test plugin)";
    }

    @Override
    public void process(PluginContext context) throws PluginException {
        if (context.options().containsKey("fail")) {
            throw new PluginException(context.options().get("fail"));
        }
        if (context.options().containsKey("warn")) {
            context.warn(context.options().get("warn"));
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(context.options()).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        sb.append("files seen: ").append(context.files().size()).append('\n');
        context.put(new GeneratedFile("plugin-options.txt", sb.toString()));
    }
}
