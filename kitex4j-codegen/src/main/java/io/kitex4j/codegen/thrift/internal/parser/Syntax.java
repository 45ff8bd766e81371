package io.kitex4j.codegen.thrift.internal.parser;

import io.kitex4j.codegen.thrift.model.Annotations;
import io.kitex4j.codegen.thrift.model.BaseType;
import io.kitex4j.codegen.thrift.model.Namespace;
import io.kitex4j.codegen.thrift.model.Requiredness;
import io.kitex4j.codegen.thrift.model.SourceLocation;
import io.kitex4j.codegen.thrift.model.StructKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The syntax tree of one file: what was written, with names not yet resolved. Built by
 * {@link SyntaxTreeBuilder}, turned into the model by the resolver.
 */
public final class Syntax {

  private Syntax() {}

  /** A parsed file. */
  public record File(
      Path path,
      Optional<String> doc,
      List<IncludeDecl> includes,
      List<Namespace> namespaces,
      List<String> cppIncludes,
      List<Definition> definitions) {}

  /** {@code include "path"}. */
  public record IncludeDecl(String path, SourceLocation location) {}

  /** A top-level definition. */
  public sealed interface Definition permits Const, Typedef, Enum, Struct, Service {
    String name();

    Optional<String> doc();

    SourceLocation location();

    /** What to call this in messages: "struct", "enum", ... */
    String kindName();
  }

  /** {@code const T NAME = value}. */
  public record Const(String name, Type type, Value value, Optional<String> doc, SourceLocation location)
      implements Definition {
    @Override
    public String kindName() {
      return "constant";
    }
  }

  /** {@code typedef T Name} (also a deprecated senum, as a typedef of string). */
  public record Typedef(
      String name, Type type, Annotations annotations, Optional<String> doc, SourceLocation location)
      implements Definition {
    @Override
    public String kindName() {
      return "typedef";
    }
  }

  /** {@code enum Name {...}}. */
  public record Enum(
      String name,
      List<EnumValue> values,
      Annotations annotations,
      Optional<String> doc,
      SourceLocation location)
      implements Definition {
    @Override
    public String kindName() {
      return "enum";
    }
  }

  /** One enum value with its number already assigned. */
  public record EnumValue(
      String name,
      int value,
      boolean explicit,
      Annotations annotations,
      Optional<String> doc,
      SourceLocation location) {}

  /** struct, union or exception. */
  public record Struct(
      StructKind kind,
      String name,
      List<Field> fields,
      Annotations annotations,
      Optional<String> doc,
      SourceLocation location)
      implements Definition {
    @Override
    public String kindName() {
      return kind.keyword();
    }
  }

  /** {@code service Name extends Base {...}}. */
  public record Service(
      String name,
      Optional<Name> extendsName,
      List<Function> functions,
      Annotations annotations,
      Optional<String> doc,
      SourceLocation location)
      implements Definition {
    @Override
    public String kindName() {
      return "service";
    }
  }

  /** A name and where it was written. */
  public record Name(String text, SourceLocation location) {}

  /** A service function. */
  public record Function(
      String name,
      boolean oneway,
      Optional<Type> returnType,
      List<Field> arguments,
      List<Field> exceptions,
      Annotations annotations,
      Optional<String> doc,
      SourceLocation location) {}

  /** A field, with its id already assigned (implicit ids are negative). */
  public record Field(
      int id,
      boolean implicitId,
      String name,
      Requiredness requiredness,
      Type type,
      Optional<Value> defaultValue,
      boolean reference,
      Annotations annotations,
      Optional<String> doc,
      SourceLocation location) {}

  /** A type as written. */
  public sealed interface Type permits Base, Named, ListOf, SetOf, MapOf {
    SourceLocation location();
  }

  /** A base type. */
  public record Base(BaseType.Kind kind, Annotations annotations, SourceLocation location)
      implements Type {}

  /** A name to resolve: {@code Item} or {@code shared.Item}. */
  public record Named(String name, SourceLocation location) implements Type {}

  /** {@code list<T>}. */
  public record ListOf(Type element, Optional<String> cppType, Annotations annotations, SourceLocation location)
      implements Type {}

  /** {@code set<T>}. */
  public record SetOf(Type element, Optional<String> cppType, Annotations annotations, SourceLocation location)
      implements Type {}

  /** {@code map<K,V>}. */
  public record MapOf(
      Type key, Type value, Optional<String> cppType, Annotations annotations, SourceLocation location)
      implements Type {}

  /** A constant value as written. */
  public sealed interface Value permits IntLit, DoubleLit, StringLit, BoolLit, Ident, ListLit, MapLit {
    SourceLocation location();
  }

  /** An integer. */
  public record IntLit(long value, SourceLocation location) implements Value {}

  /** A floating-point number. */
  public record DoubleLit(double value, SourceLocation location) implements Value {}

  /** A decoded string. */
  public record StringLit(String value, SourceLocation location) implements Value {}

  /** true or false. */
  public record BoolLit(boolean value, SourceLocation location) implements Value {}

  /** A name to resolve to a constant or enum value. */
  public record Ident(String name, SourceLocation location) implements Value {}

  /** {@code [...]}. */
  public record ListLit(List<Value> elements, SourceLocation location) implements Value {}

  /** <code>{k: v}</code>. */
  public record MapLit(List<Entry> entries, SourceLocation location) implements Value {}

  /** One map entry. */
  public record Entry(Value key, Value value) {}
}
