package io.kitex4j.codegen.plugin;

/**
 * A code generator plugin, like thriftgo's: it receives the resolved IDL model and the files the
 * Java generator produced, and may add, replace or remove files. Found with
 * {@link java.util.ServiceLoader} and run when named in
 * {@link io.kitex4j.codegen.CompileOptions.Builder#plugin} (CLI: {@code --plugin name[:k=v,...]}).
 *
 * <p>Plugins run in the order given, each seeing the previous one's output. A plugin reports
 * problems by throwing {@link PluginException}; the compilation then fails with its message.
 */
public interface GeneratorPlugin {

    /** The name users select the plugin by, e.g. {@code service-catalog}. */
    String name();

    /** One line for {@code --help}. */
    default String description() {
        return "";
    }

    void process(PluginContext context) throws PluginException;
}
