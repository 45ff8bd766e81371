package io.kitex4j.protoc.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plugin's parameters: protoc passes {@code --kitex4j_opt=K=V,...} (or the
 * {@code --kitex4j_out=K=V,...:DIR} prefix) as one comma-separated string. None is required.
 *
 * <ul>
 *   <li>{@code generated_annotation=true|false} (default {@code true}): whether the service classes
 *       carry {@code @javax.annotation.processing.Generated("io.kitex4j.protoc")} (the
 *       {@code // Code generated ... DO NOT EDIT.} header is always written).
 *   <li>{@code javadoc=true|false} (default {@code true}): whether the comments of services and
 *       methods in the .proto file are copied into the Javadoc.
 * </ul>
 * A key without {@code =} means {@code KEY=true}. Unknown keys, repeated keys and values that are
 * not {@code true}/{@code false} are errors (so a misspelt option does not pass silently).
 *
 * @param generatedAnnotation whether to write {@code @Generated}
 * @param javadoc whether to copy proto comments into Javadoc
 */
record Options(boolean generatedAnnotation, boolean javadoc) {

    static final Options DEFAULT = new Options(true, true);

    private static final Set<String> KEYS = new TreeSet<>(Set.of("generated_annotation", "javadoc"));

    /** Parses the parameter string protoc passes (may be empty). */
    static Options parse(String parameter) throws GeneratorException {
        Map<String, Boolean> values = new LinkedHashMap<>();
        if (parameter != null && !parameter.isBlank()) {
            for (String item : parameter.split(",", -1)) {
                String option = item.strip();
                if (option.isEmpty()) {
                    throw new GeneratorException("empty option in '" + parameter + "' (expected KEY=VALUE,KEY=VALUE,...)");
                }
                int eq = option.indexOf('=');
                String key = (eq < 0 ? option : option.substring(0, eq)).strip();
                String value = eq < 0 ? "true" : option.substring(eq + 1).strip();
                if (!KEYS.contains(key)) {
                    throw new GeneratorException("unknown option '" + key + "' (known: " + String.join(", ", KEYS) + ")");
                }
                if (!value.equals("true") && !value.equals("false")) {
                    throw new GeneratorException("option " + key + " must be true or false, not '" + value + "'");
                }
                if (values.putIfAbsent(key, Boolean.valueOf(value)) != null) {
                    throw new GeneratorException("option '" + key + "' given twice");
                }
            }
        }
        return new Options(values.getOrDefault("generated_annotation", true), values.getOrDefault("javadoc", true));
    }
}
