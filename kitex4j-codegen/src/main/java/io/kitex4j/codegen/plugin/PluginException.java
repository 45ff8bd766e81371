package io.kitex4j.codegen.plugin;

/** A plugin could not do its work; the message says why and is shown to the user. */
public class PluginException extends Exception {
    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
