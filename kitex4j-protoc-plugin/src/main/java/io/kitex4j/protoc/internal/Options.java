package io.kitex4j.protoc.internal;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;

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
 *   <li>{@code service_package=<java package>} (default: each file's Java package, as for its
 *       messages): the Java package of every generated service class. The message classes stay
 *       where {@code java_out} puts them; the service classes import them. The value must be a
 *       dotted Java package name (identifiers that are not keywords).
 * </ul>
 * A key without {@code =} means {@code KEY=true} (for the boolean options). Unknown keys, repeated
 * keys and bad values are errors (so a misspelt option does not pass silently).
 *
 * @param generatedAnnotation whether to write {@code @Generated}
 * @param javadoc whether to copy proto comments into Javadoc
 * @param servicePackage the Java package of the service classes, {@code null}: each file's Java package
 */
record Options(boolean generatedAnnotation, boolean javadoc, String servicePackage) {

    static final Options DEFAULT = new Options(true, true, null);

    static final String SERVICE_PACKAGE = "service_package";

    private static final Set<String> BOOLEAN_KEYS = Set.of("generated_annotation", "javadoc");
    private static final Set<String> KEYS = new TreeSet<>(Set.of("generated_annotation", "javadoc", SERVICE_PACKAGE));

    /** The Java package of the service classes of {@code file}: {@code service_package}, else the file's Java package. */
    String servicePackage(FileDescriptorProto file) {
        return servicePackage != null ? servicePackage : JavaTypes.javaPackage(file);
    }

    /** Parses the parameter string protoc passes (may be empty). */
    static Options parse(String parameter) throws GeneratorException {
        Map<String, String> values = new LinkedHashMap<>();
        if (parameter != null && !parameter.isBlank()) {
            for (String item : parameter.split(",", -1)) {
                String option = item.strip();
                if (option.isEmpty()) {
                    throw new GeneratorException("empty option in '" + parameter + "' (expected KEY=VALUE,KEY=VALUE,...)");
                }
                int eq = option.indexOf('=');
                String key = (eq < 0 ? option : option.substring(0, eq)).strip();
                if (!KEYS.contains(key)) {
                    throw new GeneratorException("unknown option '" + key + "' (known: " + String.join(", ", KEYS) + ")");
                }
                String value;
                if (BOOLEAN_KEYS.contains(key)) {
                    value = eq < 0 ? "true" : option.substring(eq + 1).strip();
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new GeneratorException("option " + key + " must be true or false, not '" + value + "'");
                    }
                } else {
                    if (eq < 0) {
                        throw new GeneratorException("option " + key + " needs a value: " + key
                                + "=<java package>, e.g. " + key + "=echo.kitex");
                    }
                    value = option.substring(eq + 1).strip();
                    checkPackageName(key, value);
                }
                if (values.putIfAbsent(key, value) != null) {
                    throw new GeneratorException("option '" + key + "' given twice");
                }
            }
        }
        return new Options(!"false".equals(values.get("generated_annotation")), !"false".equals(values.get("javadoc")),
                values.get(SERVICE_PACKAGE));
    }

    /** A dotted Java package name: identifiers (not keywords, not {@code true}, {@code false}, {@code null}, {@code _}). */
    static void checkPackageName(String key, String value) throws GeneratorException {
        String problem = null;
        if (value.isEmpty()) {
            problem = "it is empty";
        } else {
            for (String segment : value.split("\\.", -1)) {
                if (segment.isEmpty()) {
                    problem = "it has an empty part (a leading, trailing or doubled '.')";
                } else if (segment.equals("true") || segment.equals("false") || segment.equals("null")) {
                    problem = "'" + segment + "' is a Java literal";
                } else if (SourceVersion.isKeyword(segment)) {
                    problem = "'" + segment + "' is a Java keyword";
                } else if (!SourceVersion.isIdentifier(segment)) {
                    problem = "'" + segment + "' is not a Java identifier";
                }
                if (problem != null) {
                    break;
                }
            }
        }
        if (problem != null) {
            throw new GeneratorException("option " + key + " must be a Java package name (identifiers separated by '.',"
                    + " e.g. echo.kitex), not '" + value + "': " + problem);
        }
    }
}
