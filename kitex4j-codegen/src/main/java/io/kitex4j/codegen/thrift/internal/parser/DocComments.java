package io.kitex4j.codegen.thrift.internal.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@code /** ... *}{@code /} token into its text: the delimiters, a leading {@code *} on
 * each line (when every line has one) and the common indentation are removed, as are blank lines
 * at either end and trailing spaces.
 */
final class DocComments {

  private DocComments() {}

  static String text(String token) {
    String body = token.substring(3, token.length() - 2);
    String[] raw = body.split("\r?\n", -1);
    List<String> lines = new ArrayList<>();
    lines.add(raw[0].strip());
    boolean starred = true;
    for (int i = 1; i < raw.length; i++) {
      String line = raw[i].stripLeading();
      if (!line.isEmpty() && !line.startsWith("*")) {
        starred = false;
      }
    }
    for (int i = 1; i < raw.length; i++) {
      String line = raw[i];
      if (starred) {
        String stripped = line.stripLeading();
        line = stripped.startsWith("*") ? stripped.substring(1) : stripped;
      }
      lines.add(line.stripTrailing());
    }
    int indent = Integer.MAX_VALUE;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      lines.set(i, line.isBlank() ? "" : line.substring(indent));
    }
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return String.join("\n", lines);
  }
}
