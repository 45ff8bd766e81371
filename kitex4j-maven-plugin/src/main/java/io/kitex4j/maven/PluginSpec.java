package io.kitex4j.maven;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code <plugin>} entry: {@code NAME[:KEY=VALUE,...]}, as the CLI's {@code --plugin} (kept in step with
 * {@code io.kitex4j.cli.PluginSpec}). A key
 * without {@code =} means {@code KEY=true}; a value may be empty ({@code KEY=}) and may contain
 * {@code =} (the key ends at the first one) but not {@code ,}.
 *
 * @param name the plugin's name
 * @param options its options, in the order written
 */
record PluginSpec(String name, Map<String, String> options) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public PluginSpec {
        Objects.requireNonNull(name, "name");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * Parses {@code NAME[:KEY=VALUE,...]}.
     *
     * @throws IllegalArgumentException saying what is wrong and what was expected
     */
    static PluginSpec parse(String text) {
        String spec = text.strip();
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(name.isEmpty()
                    ? "missing plugin name in '" + text + "' (expected NAME[:KEY=VALUE,...])"
                    : "bad plugin name '" + name + "' (letters, digits, '.', '_' and '-' expected)");
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (colon >= 0) {
            String rest = spec.substring(colon + 1);
            if (!rest.isBlank()) {
                for (String item : rest.split(",", -1)) {
                    String option = item.strip();
                    if (option.isEmpty()) {
                        throw new IllegalArgumentException("empty option in '" + text
                                + "' (expected NAME:KEY=VALUE,KEY=VALUE,...)");
                    }
                    int eq = option.indexOf('=');
                    String key = (eq < 0 ? option : option.substring(0, eq)).strip();
                    String value = eq < 0 ? "true" : option.substring(eq + 1).strip();
                    if (key.isEmpty()) {
                        throw new IllegalArgumentException("option without a key in '" + text
                                + "' (expected KEY=VALUE)");
                    }
                    if (options.putIfAbsent(key, value) != null) {
                        throw new IllegalArgumentException("option '" + key + "' given twice in '" + text + "'");
                    }
                }
            }
        }
        return new PluginSpec(name, options);
    }

    /** {@code NAME[:KEY=VALUE,...]}. */
    @Override
    public String toString() {
        if (options.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append(':');
        options.forEach((k, v) -> sb.append(k).append('=').append(v).append(','));
        return sb.substring(0, sb.length() - 1);
    }
}
