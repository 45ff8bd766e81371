package io.kitex4j.protoc.internal;

/** Escaping of proto text into Javadoc and Java string literals; output is plain ASCII (as in kitex4j-codegen). */
final class Text {
    private Text() {}

    /**
     * Proto comment text as Javadoc body text: HTML special characters, {@code @}, backslashes (which
     * javac would read as unicode escapes even in comments), {@code *}{@code /} and non-ASCII
     * characters become HTML entities, so the text renders as written.
     */
    static String javadoc(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '@' -> sb.append("&#64;");
                case '\\' -> sb.append("&#92;");
                case '*' -> sb.append(i + 1 < text.length() && text.charAt(i + 1) == '/' ? "&#42;" : "*");
                case '\r' -> { }
                case '\t' -> sb.append("    ");
                default -> {
                    if (c == '\n' || (c >= 0x20 && c < 0x7f)) {
                        sb.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                        sb.append("&#").append(text.codePointAt(i)).append(';');
                        i++;
                    } else if (c < 0x20) {
                        sb.append(' ');
                    } else {
                        sb.append("&#").append((int) c).append(';');
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * A proto comment (SourceCodeInfo's leading comment) as Javadoc text ending in a newline, or
     * empty: common indentation removed, blank lines around it dropped, escaped as {@link #javadoc}.
     */
    static String comment(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        java.util.List<String> lines = new java.util.ArrayList<>(raw.replace("\r", "").lines().toList());
        while (lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return javadoc(String.join("\n", lines).stripIndent()) + "\n";
    }

    /** A Java string literal (with quotes) for {@code s}, ASCII only: other characters as {@code \\uXXXX}. */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        sb.append(c);
                    } else {
                        sb.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
