package io.kitex4j.codegen.thrift.model;

import java.util.Locale;
import java.util.Set;

/**
 * The Java package of a program.
 *
 * <ol>
 *   <li>{@code namespace java X} if the file declares one;
 *   <li>else {@code namespace * X};
 *   <li>else a fallback derived from the file name: the name without {@code .thrift},
 *       lower-cased, as a top-level package. Characters that cannot appear in a Java identifier
 *       become {@code _}; a leading digit gets a {@code _} prefix; a Java keyword or literal gets a
 *       {@code _} suffix. So {@code ThriftTest.thrift} maps to {@code thrifttest},
 *       {@code my-api.thrift} to {@code my_api}, {@code 2fa.thrift} to {@code _2fa} and
 *       {@code class.thrift} to {@code class_}.
 * </ol>
 *
 * The declared namespaces are returned as written, without validation.
 */
public final class JavaNamespace {

  /** The namespace scope for Java. */
  public static final String SCOPE = "java";

  private static final Set<String> RESERVED = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
      "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
      "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
      "long", "native", "new", "package", "private", "protected", "public", "return", "short",
      "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws",
      "transient", "try", "void", "volatile", "while", "true", "false", "null", "_");

  private JavaNamespace() {}

  /** The Java package of {@code program}, by the rules above. */
  public static String packageOf(IdlProgram program) {
    return program.namespace(SCOPE)
        .or(() -> program.namespace(Namespace.ANY_SCOPE))
        .orElseGet(() -> fallbackPackage(program.name()));
  }

  /** The fallback package for a program named {@code programName} (file name without .thrift). */
  public static String fallbackPackage(String programName) {
    StringBuilder sb = new StringBuilder();
    for (char c : programName.toLowerCase(Locale.ROOT).toCharArray()) {
      sb.append(Character.isJavaIdentifierPart(c) ? c : '_');
    }
    if (sb.isEmpty() || !Character.isJavaIdentifierStart(sb.charAt(0))) {
      sb.insert(0, '_');
    }
    String name = sb.toString();
    return RESERVED.contains(name) ? name + "_" : name;
  }
}
