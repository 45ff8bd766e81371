package io.kitex4j.codegen.internal.java;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How IDL names become Java names.
 *
 * <ul>
 *   <li>Types (structs, unions, exceptions, enums, services) keep their IDL name; a Java keyword or
 *       a restricted type identifier ({@code var}, {@code record}, ...) gets a trailing {@code _}.
 *   <li>Fields, arguments and function parameters become lowerCamelCase ({@code string_thing} to
 *       {@code stringThing}); accessors use the UpperCamelCase form ({@code getStringThing}).
 *   <li>Functions keep their IDL name (as Apache Thrift's Java generator does), escaped.
 *   <li>Constants and enum values keep their IDL name, escaped.
 *   <li>Method descriptor constants and union field selectors are UPPER_SNAKE_CASE.
 * </ul>
 *
 * The wire always carries the IDL name; only Java identifiers change.
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

    /** Identifiers that may not name a type (JLS 17 §3.9). */
    private static final Set<String> RESTRICTED_TYPE_IDENTIFIERS = Set.of("var", "yield", "record", "sealed", "permits");

    /** A Java identifier for a value, method or field name: keywords get a trailing {@code _}. */
    static String escape(String name) {
        String n = name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) ? "_" + name : name;
        return KEYWORDS.contains(n) ? n + "_" : n;
    }

    /** The Java name of a type defined in IDL. */
    static String typeName(String idlName) {
        String n = escape(idlName);
        return RESTRICTED_TYPE_IDENTIFIERS.contains(n) ? n + "_" : n;
    }

    /** The words of a name: split at underscores and at lower-to-upper case changes. */
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

    /** {@code string_thing} to {@code stringThing}, {@code GetUser} to {@code getUser}, {@code ID} to {@code id}. Not escaped. */
    static String lowerCamel(String name) {
        String[] parts = name.split("_");
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
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

    /** {@code string_thing} to {@code StringThing}. */
    static String upperCamel(String name) {
        String lower = lowerCamel(name);
        int start = 0;
        while (start < lower.length() && lower.charAt(start) == '_') {
            start++;
        }
        if (start == lower.length()) {
            return lower;
        }
        return lower.substring(0, start) + Character.toUpperCase(lower.charAt(start)) + lower.substring(start + 1);
    }

    /** {@code testVoid} to {@code TEST_VOID}, {@code GetUser} to {@code GET_USER}, {@code testI32} to {@code TEST_I32}. */
    static String upperSnake(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return name.toUpperCase(Locale.ROOT);
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

    /** The CamelCase form of a program (file) name, for {@code <Program>Constants}: {@code my-api} to {@code MyApi}. */
    static String programCamel(String programName) {
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (char c : programName.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
                continue;
            }
            sb.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        if (sb.isEmpty() || !Character.isJavaIdentifierStart(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    /** Allocates unique names within one scope by appending {@code _} on collision. */
    static final class Scope {
        private final Set<String> taken = new HashSet<>();
        private final Set<String> avoid;

        /** A scope whose names also avoid {@code avoid} (type names that a variable would obscure). */
        Scope(Set<String> avoid) {
            this.avoid = avoid;
        }

        Scope() {
            this(Set.of());
        }

        /** Marks {@code name} taken without allocating it. */
        Scope reserve(String... names) {
            taken.addAll(List.of(names));
            return this;
        }

        boolean isTaken(String name) {
            return taken.contains(name) || avoid.contains(name);
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
