package io.kitex4j.codegen.thrift.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One loaded, resolved and checked {@code .thrift} file.
 *
 * <p>A generator usually walks {@link #definitions()} in declaration order (or the typed views
 * {@link #structs()}, {@link #services()}, ...), computes the Java package with
 * {@link #javaPackage()} and follows {@link #includes()} to reach the programs that define
 * referenced types (a {@link NamedTypeRef#program()} tells which one directly).
 */
public final class IdlProgram {

  private final Path path;
  private final String name;
  private final Optional<String> doc;
  private final List<Namespace> namespaceDeclarations;
  private final Map<String, String> namespaces;
  private final List<Include> includes;
  private final List<String> cppIncludes;
  private final List<Definition> definitions;

  /**
   * Built by the loader.
   *
   * @param path the file, absolute and canonical
   * @param doc the file's doc comment: a {@code /** *}{@code /} comment before the first header
   * @param namespaceDeclarations the namespace headers in order
   * @param includes the include headers in order
   * @param cppIncludes the {@code cpp_include} paths in order
   * @param definitions all definitions in declaration order
   */
  public IdlProgram(
      Path path,
      Optional<String> doc,
      List<Namespace> namespaceDeclarations,
      List<Include> includes,
      List<String> cppIncludes,
      List<Definition> definitions) {
    this.path = Objects.requireNonNull(path, "path");
    this.name = nameOf(path);
    this.doc = Objects.requireNonNull(doc, "doc");
    this.namespaceDeclarations = List.copyOf(namespaceDeclarations);
    Map<String, String> map = new LinkedHashMap<>();
    namespaceDeclarations.forEach(ns -> map.put(ns.scope(), ns.value()));
    this.namespaces = Collections.unmodifiableMap(map);
    this.includes = List.copyOf(includes);
    this.cppIncludes = List.copyOf(cppIncludes);
    this.definitions = List.copyOf(definitions);
  }

  /** The program name of a file: its file name without the {@code .thrift} extension. */
  public static String nameOf(Path file) {
    String fileName = file.getFileName().toString();
    return fileName.endsWith(".thrift")
        ? fileName.substring(0, fileName.length() - ".thrift".length())
        : fileName;
  }

  /** The file, absolute and canonical. */
  public Path path() {
    return path;
  }

  /**
   * The file name without {@code .thrift}: the prefix other files use for this program's
   * definitions ({@code shared.SharedStruct} for {@code shared.thrift}).
   */
  public String name() {
    return name;
  }

  /** The file's doc comment, written before its first header. */
  public Optional<String> doc() {
    return doc;
  }

  /** Scope to namespace, in order of declaration; a scope declared twice keeps the last value. */
  public Map<String, String> namespaces() {
    return namespaces;
  }

  /** The namespace for a scope ({@code "java"}, {@code "*"}, ...), without any fallback. */
  public Optional<String> namespace(String scope) {
    return Optional.ofNullable(namespaces.get(scope));
  }

  /** The namespace headers as written, with their annotations and locations. */
  public List<Namespace> namespaceDeclarations() {
    return namespaceDeclarations;
  }

  /** The Java package of this program; see {@link JavaNamespace#packageOf(IdlProgram)}. */
  public String javaPackage() {
    return JavaNamespace.packageOf(this);
  }

  /** The included programs, in include order. */
  public List<Include> includes() {
    return includes;
  }

  /** The paths of {@code cpp_include} headers. */
  public List<String> cppIncludes() {
    return cppIncludes;
  }

  /** All definitions in declaration order. */
  public List<Definition> definitions() {
    return definitions;
  }

  /** The typedefs (including {@code senum}s loaded as typedefs of string). */
  public List<Typedef> typedefs() {
    return ofType(Typedef.class);
  }

  /** The constants. */
  public List<Const> consts() {
    return ofType(Const.class);
  }

  /** The enums. */
  public List<EnumDef> enums() {
    return ofType(EnumDef.class);
  }

  /** The structs, unions and exceptions. */
  public List<StructDef> structs() {
    return ofType(StructDef.class);
  }

  /** The services. */
  public List<ServiceDef> services() {
    return ofType(ServiceDef.class);
  }

  /**
   * The first definition named {@code name} (a simple name, defined in this file). Types and
   * constants have separate namespaces, as in Apache Thrift, so a constant may share its name
   * with a type; {@link #findType} and {@link #findConst} tell them apart.
   */
  public Optional<Definition> findDefinition(String name) {
    return definitions.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The typedef, enum, struct, union, exception or service named {@code name}. */
  public Optional<Definition> findType(String name) {
    return definitions.stream().filter(d -> !(d instanceof Const) && d.name().equals(name)).findFirst();
  }

  /** The constant named {@code name}. */
  public Optional<Const> findConst(String name) {
    return consts().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The include whose program is named {@code programName}. */
  public Optional<Include> findInclude(String programName) {
    return includes.stream().filter(i -> i.program().name().equals(programName)).findFirst();
  }

  private <T extends Definition> List<T> ofType(Class<T> type) {
    return definitions.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public String toString() {
    return "IdlProgram " + path;
  }
}
