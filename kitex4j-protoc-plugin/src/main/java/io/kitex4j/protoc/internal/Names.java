package io.kitex4j.protoc.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How proto names become Java identifiers in the service class.
 *
 * <ul>
 *   <li>Service classes: the service name; a Java keyword or a restricted type identifier
 *       ({@code record}, {@code var}, ...) gets a trailing {@code _}.
 *   <li>Java methods: lowerCamel of the proto method name ({@code UnaryCall} to {@code unaryCall},
 *       {@code get_user} to {@code getUser}, {@code URLFetch} to {@code urlFetch}); a Java keyword or
 *       a method of {@code Object} gets a trailing {@code _}.
 *   <li>Descriptor constants: UPPER_SNAKE of the proto method name ({@code UnaryCall} to
 *       {@code UNARY_CALL}, {@code GetURL} to {@code GET_URL}).
 *   <li>Two methods whose Java names come out equal: the later one (in declaration order) gets
 *       {@code _} appended until it is unique.
 * </ul>
 * The wire always carries the proto names; only Java identifiers change.
 */
final class Names {
    private Names() {}

    static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
            "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
            "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws",
            "transient", "try", "void", "volatile", "while", "true", "false", "null", "_");

    /** Methods of {@code Object}: a generated method must not override or overload them. */
    static final Set<String> OBJECT_METHODS = Set.of(
            "getClass", "hashCode", "equals", "toString", "clone", "finalize", "wait", "notify", "notifyAll");

    /** Identifiers that may not name a type (JLS 17 §3.9). */
    static final Set<String> RESTRICTED_TYPE_IDENTIFIERS = Set.of("var", "yield", "record", "sealed", "permits");

    /** The Java class name of a proto service: its name, a keyword or restricted identifier with a trailing {@code _}. */
    static String typeName(String protoName) {
        String n = escape(protoName);
        return RESTRICTED_TYPE_IDENTIFIERS.contains(n) ? n + "_" : n;
    }

    /** A Java identifier: a keyword gets a trailing {@code _}; a name not starting like an identifier a leading one. */
    static String escape(String name) {
        String n = name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) ? "_" + name : name;
        return KEYWORDS.contains(n) ? n + "_" : n;
    }

    /** The words of a name: split at underscores and at lower-to-upper case changes ({@code GetURLPath}: Get, URL, Path). */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String part : name.split("_")) {
            int start = 0;
            for (int i = 1; i < part.length(); i++) {
                char prev = part.charAt(i - 1);
                char c = part.charAt(i);
                boolean boundary = Character.isUpperCase(c)
                        && (Character.isLowerCase(prev) || Character.isDigit(prev)
                        || (Character.isUpperCase(prev) && i + 1 < part.length() && Character.isLowerCase(part.charAt(i + 1))));
                if (boundary) {
                    words.add(part.substring(start, i));
                    start = i;
                }
            }
            if (start < part.length()) {
                words.add(part.substring(start));
            }
        }
        return words;
    }

    /**
     * {@code UnaryCall} to {@code unaryCall}, {@code get_user} to {@code getUser}, {@code URLFetch} to
     * {@code urlFetch}, {@code ID} to {@code id}. Not escaped.
     */
    static String lowerCamel(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("_")) {
            if (part.isEmpty()) {
                continue;
            }
            if (sb.isEmpty()) {
                sb.append(decapitalize(part));
            } else {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return sb.isEmpty() ? name : sb.toString();
    }

    /** {@code UnaryCall} to {@code UNARY_CALL}, {@code GetURL} to {@code GET_URL}, {@code call2x} to {@code CALL2X}. */
    static String upperSnake(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return "_" + name;
        }
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!sb.isEmpty()) {
                sb.append('_');
            }
            sb.append(w.toUpperCase(Locale.ROOT));
        }
        String s = sb.toString();
        return Character.isJavaIdentifierStart(s.charAt(0)) ? s : "_" + s;
    }

    /** Lower-cases a leading run of capitals: {@code URLPath} to {@code urlPath}, {@code ID} to {@code id}. */
    private static String decapitalize(String part) {
        int run = 0;
        while (run < part.length() && Character.isUpperCase(part.charAt(run))) {
            run++;
        }
        if (run == 0) {
            return part;
        }
        if (run == part.length()) {
            return part.toLowerCase(Locale.ROOT);
        }
        int lower = run == 1 ? 1 : run - 1;
        return part.substring(0, lower).toLowerCase(Locale.ROOT) + part.substring(lower);
    }

    /** Allocates unique names within one scope by appending {@code _} on collision. */
    static final class Scope {
        private final Set<String> taken = new HashSet<>();

        /** Marks names taken without allocating them. */
        Scope reserve(Iterable<String> names) {
            names.forEach(taken::add);
            return this;
        }

        Scope reserve(String... names) {
            return reserve(List.of(names));
        }

        boolean isTaken(String name) {
            return taken.contains(name);
        }

        /** {@code candidate}, or {@code candidate_}, {@code candidate__}, ... whichever is free. */
        String allocate(String candidate) {
            String name = candidate;
            while (isTaken(name)) {
                name = name + "_";
            }
            taken.add(name);
            return name;
        }
    }
}
