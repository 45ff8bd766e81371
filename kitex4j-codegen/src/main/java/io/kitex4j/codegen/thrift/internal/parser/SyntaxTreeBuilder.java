package io.kitex4j.codegen.thrift.internal.parser;

import io.kitex4j.codegen.thrift.internal.DiagnosticSink;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.AnnotationContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.AnnotationsContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.ConstValueContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.ContainerTypeContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.CppTypeContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.DefinitionContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.DocumentContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.EnumDefContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.EnumValueContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.FieldContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.FieldTypeContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.FunctionContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.HeaderContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.ListTypeContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.NamespaceContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.ServiceDefContext;
import io.kitex4j.codegen.thrift.internal.parser.ThriftParser.SenumDefContext;
import io.kitex4j.codegen.thrift.model.Annotation;
import io.kitex4j.codegen.thrift.model.Annotations;
import io.kitex4j.codegen.thrift.model.BaseType;
import io.kitex4j.codegen.thrift.model.Namespace;
import io.kitex4j.codegen.thrift.model.Requiredness;
import io.kitex4j.codegen.thrift.model.SourceLocation;
import io.kitex4j.codegen.thrift.model.StructKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns a parse tree into a {@link Syntax.File}: decodes literals, attaches doc comments,
 * assigns implicit field ids and enum values, and reports what the grammar lets through but the
 * language forbids (bad field ids, dotted names, headers after definitions, bad escapes, integer
 * overflow) plus deprecation warnings.
 */
final class SyntaxTreeBuilder {

  private static final int MAX_FIELD_ID = Short.MAX_VALUE;

  private final Path file;
  private final BufferedTokenStream tokens;
  private final DiagnosticSink sink;

  SyntaxTreeBuilder(Path file, BufferedTokenStream tokens, DiagnosticSink sink) {
    this.file = file;
    this.tokens = tokens;
    this.sink = sink;
  }

  Syntax.File build(DocumentContext document) {
    List<Syntax.IncludeDecl> includes = new ArrayList<>();
    List<Namespace> namespaces = new ArrayList<>();
    Map<String, Namespace> namespaceByScope = new HashMap<>();
    List<String> cppIncludes = new ArrayList<>();
    List<Syntax.Definition> definitions = new ArrayList<>();
    Token firstHeader = null;
    boolean seenDefinition = false;
    for (ParseTree child : document.children) {
      if (child instanceof HeaderContext header) {
        if (firstHeader == null) {
          firstHeader = header.start;
        }
        if (seenDefinition) {
          sink.error(loc(header.start),
              "'" + header.start.getText() + "' must come before all definitions");
        }
        if (header.include() != null) {
          includes.add(new Syntax.IncludeDecl(string(header.include().LITERAL()), loc(header.start)));
        } else if (header.cppInclude() != null) {
          cppIncludes.add(string(header.cppInclude().LITERAL()));
        } else {
          Namespace ns = namespace(header.namespace());
          Namespace previous = namespaceByScope.put(ns.scope(), ns);
          if (previous != null) {
            sink.warn(ns.location(), "namespace '" + ns.scope() + "' is declared again (first at line "
                + previous.location().line() + "); the last declaration wins");
          }
          namespaces.add(ns);
        }
      } else if (child instanceof DefinitionContext definition) {
        seenDefinition = true;
        definitions.add(definition(definition));
      }
    }
    return new Syntax.File(file, programDoc(firstHeader), includes, namespaces, cppIncludes, definitions);
  }

  // ------------------------------------------------------------------ headers

  private Namespace namespace(NamespaceContext c) {
    String scope = c.STAR() != null ? Namespace.ANY_SCOPE : c.scope.getText();
    return new Namespace(scope, c.value.getText(), annotations(c.annotations()), loc(c.start));
  }

  /** The first doc comment of the file, when it comes before the first header. */
  private Optional<String> programDoc(Token firstHeader) {
    if (firstHeader == null) {
      return Optional.empty();
    }
    for (Token t : tokens.getTokens()) {
      if (t.getTokenIndex() >= firstHeader.getTokenIndex()) {
        break;
      }
      if (t.getType() == ThriftLexer.DOC_COMMENT) {
        return Optional.of(DocComments.text(t.getText()));
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ definitions

  private Syntax.Definition definition(DefinitionContext c) {
    Optional<String> doc = doc(c.start);
    if (c.constDef() != null) {
      var d = c.constDef();
      return new Syntax.Const(name(d.IDENTIFIER()), type(d.fieldType()), value(d.constValue()), doc,
          loc(d.IDENTIFIER()));
    }
    if (c.typedefDef() != null) {
      var d = c.typedefDef();
      return new Syntax.Typedef(name(d.IDENTIFIER()), type(d.fieldType()), annotations(d.annotations()),
          doc, loc(d.IDENTIFIER()));
    }
    if (c.enumDef() != null) {
      return enumDef(c.enumDef(), doc);
    }
    if (c.senumDef() != null) {
      return senum(c.senumDef(), doc);
    }
    if (c.structDef() != null) {
      var d = c.structDef();
      return new Syntax.Struct(StructKind.STRUCT, name(d.IDENTIFIER()), fields(d.field(), false),
          annotations(d.annotations()), doc, loc(d.IDENTIFIER()));
    }
    if (c.unionDef() != null) {
      var d = c.unionDef();
      return new Syntax.Struct(StructKind.UNION, name(d.IDENTIFIER()), fields(d.field(), false),
          annotations(d.annotations()), doc, loc(d.IDENTIFIER()));
    }
    if (c.exceptionDef() != null) {
      var d = c.exceptionDef();
      return new Syntax.Struct(StructKind.EXCEPTION, name(d.IDENTIFIER()), fields(d.field(), false),
          annotations(d.annotations()), doc, loc(d.IDENTIFIER()));
    }
    return service(c.serviceDef(), doc);
  }

  private Syntax.Enum enumDef(EnumDefContext c, Optional<String> doc) {
    List<Syntax.EnumValue> values = new ArrayList<>();
    long previous = -1;
    for (EnumValueContext v : c.enumValue()) {
      String name = name(v.IDENTIFIER());
      long value;
      boolean explicit = v.intLiteral() != null;
      if (explicit) {
        Long parsed = integer(v.intLiteral().start);
        value = parsed == null ? previous + 1 : parsed;
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
          sink.error(loc(v.intLiteral().start), "value of enum value '" + name
              + "' must fit in i32 (" + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE + ") but is " + value);
          value = previous + 1;
        }
      } else {
        value = previous + 1;
        if (value > Integer.MAX_VALUE) {
          sink.error(loc(v.IDENTIFIER()), "implicit value of enum value '" + name
              + "' overflows i32; give it an explicit value");
          value = Integer.MAX_VALUE;
        }
      }
      previous = value;
      values.add(new Syntax.EnumValue(name, (int) value, explicit, annotations(v.annotations()),
          doc(v.start), loc(v.IDENTIFIER())));
    }
    return new Syntax.Enum(name(c.IDENTIFIER()), values, annotations(c.annotations()), doc,
        loc(c.IDENTIFIER()));
  }

  private Syntax.Typedef senum(SenumDefContext c, Optional<String> doc) {
    String name = name(c.IDENTIFIER());
    sink.warn(loc(c.start), "'senum' is deprecated; '" + name + "' is loaded as a typedef of string");
    c.LITERAL().forEach(this::string);
    var type = new Syntax.Base(BaseType.Kind.STRING, Annotations.EMPTY, loc(c.start));
    return new Syntax.Typedef(name, type, annotations(c.annotations()), doc, loc(c.IDENTIFIER()));
  }

  private Syntax.Service service(ServiceDefContext c, Optional<String> doc) {
    Optional<Syntax.Name> base = c.superName == null
        ? Optional.empty()
        : Optional.of(new Syntax.Name(c.superName.getText(), loc(c.superName)));
    List<Syntax.Function> functions = new ArrayList<>();
    for (FunctionContext f : c.function()) {
      functions.add(function(f));
    }
    return new Syntax.Service(name(c.IDENTIFIER(0)), base, functions, annotations(c.annotations()), doc,
        loc(c.IDENTIFIER(0)));
  }

  private Syntax.Function function(FunctionContext c) {
    if (c.ASYNC() != null) {
      sink.warn(loc(c.ASYNC()), "'async' is deprecated; use 'oneway'");
    }
    boolean oneway = c.ONEWAY() != null || c.ASYNC() != null;
    Optional<Syntax.Type> returnType = c.functionType().VOID() != null
        ? Optional.empty()
        : Optional.of(type(c.functionType().fieldType()));
    List<Syntax.Field> exceptions = c.throwsList() == null ? List.of() : fields(c.throwsList().field(), true);
    return new Syntax.Function(name(c.IDENTIFIER()), oneway, returnType, fields(c.field(), true),
        exceptions, annotations(c.annotations()), doc(c.start), loc(c.IDENTIFIER()));
  }

  // ------------------------------------------------------------------ fields

  private List<Syntax.Field> fields(List<FieldContext> contexts, boolean argumentList) {
    List<Syntax.Field> fields = new ArrayList<>();
    int nextImplicit = -1;
    for (FieldContext c : contexts) {
      String name = fieldName(c);
      int id;
      boolean implicit;
      Integer explicitId = c.fieldId() == null ? null : fieldId(c.fieldId().start);
      if (explicitId != null) {
        id = explicitId;
        implicit = false;
      } else {
        id = nextImplicit--;
        implicit = true;
        if (c.fieldId() == null) {
          sink.warn(loc(c.start), "field '" + name + "' has no id; it gets the implicit id " + id
              + ", which changes when fields are added or reordered (write e.g. '1: ')");
        }
      }
      fields.add(new Syntax.Field(id, implicit, name, requiredness(c, argumentList), type(c.fieldType()),
          Optional.ofNullable(c.constValue()).map(this::value), c.AMPERSAND() != null,
          annotations(c.annotations()), doc(c.start), loc(c.start)));
    }
    return fields;
  }

  /** The id written, or null (after reporting) when it is not a valid id. */
  private Integer fieldId(Token token) {
    Long value = token.getType() == ThriftLexer.DOUBLE_LITERAL ? null : Literals.parseInteger(token.getText());
    if (value == null || value < 1 || value > MAX_FIELD_ID) {
      sink.error(loc(token), "field id must be an integer from 1 to " + MAX_FIELD_ID + " but is "
          + token.getText());
      return null;
    }
    return value.intValue();
  }

  private String fieldName(FieldContext c) {
    TerminalNode identifier = c.fieldName().IDENTIFIER();
    return identifier != null ? name(identifier) : c.fieldName().getText();
  }

  private Requiredness requiredness(FieldContext c, boolean argumentList) {
    if (c.requiredness() == null) {
      return Requiredness.DEFAULT;
    }
    if (c.requiredness().REQUIRED() != null) {
      return Requiredness.REQUIRED;
    }
    if (argumentList) {
      sink.warn(loc(c.requiredness().start), "'optional' is ignored in argument lists");
      return Requiredness.DEFAULT;
    }
    return Requiredness.OPTIONAL;
  }

  // ------------------------------------------------------------------ types

  private Syntax.Type type(FieldTypeContext c) {
    if (c.baseType() != null) {
      Token t = c.baseType().start;
      return new Syntax.Base(baseKind(t), annotations(c.annotations()), loc(t));
    }
    if (c.containerType() != null) {
      return container(c.containerType(), annotations(c.annotations()));
    }
    return new Syntax.Named(c.IDENTIFIER().getText(), loc(c.IDENTIFIER()));
  }

  private BaseType.Kind baseKind(Token t) {
    return switch (t.getType()) {
      case ThriftLexer.BOOL -> BaseType.Kind.BOOL;
      case ThriftLexer.BYTE, ThriftLexer.I8 -> BaseType.Kind.I8;
      case ThriftLexer.I16 -> BaseType.Kind.I16;
      case ThriftLexer.I32 -> BaseType.Kind.I32;
      case ThriftLexer.I64 -> BaseType.Kind.I64;
      case ThriftLexer.DOUBLE -> BaseType.Kind.DOUBLE;
      case ThriftLexer.BINARY -> BaseType.Kind.BINARY;
      case ThriftLexer.UUID -> BaseType.Kind.UUID;
      case ThriftLexer.SLIST -> {
        sink.warn(loc(t), "'slist' is deprecated; use 'string'");
        yield BaseType.Kind.STRING;
      }
      default -> BaseType.Kind.STRING;
    };
  }

  private Syntax.Type container(ContainerTypeContext c, Annotations annotations) {
    if (c.mapType() != null) {
      var m = c.mapType();
      return new Syntax.MapOf(type(m.fieldType(0)), type(m.fieldType(1)), cppType(m.cppType()), annotations,
          loc(m.start));
    }
    if (c.setType() != null) {
      var s = c.setType();
      return new Syntax.SetOf(type(s.fieldType()), cppType(s.cppType()), annotations, loc(s.start));
    }
    ListTypeContext l = c.listType();
    Optional<String> cppType = Optional.empty();
    for (CppTypeContext cpp : l.cppType()) {
      if (cpp.start.getTokenIndex() > l.GT().getSymbol().getTokenIndex()) {
        sink.warn(loc(cpp.start), "'cpp_type' after 'list<...>' is deprecated; write 'list cpp_type \"...\" <T>'");
      }
      cppType = cppType(cpp);
    }
    return new Syntax.ListOf(type(l.fieldType()), cppType, annotations, loc(l.start));
  }

  private Optional<String> cppType(CppTypeContext c) {
    return c == null ? Optional.empty() : Optional.of(string(c.LITERAL()));
  }

  // ------------------------------------------------------------------ values

  private Syntax.Value value(ConstValueContext c) {
    SourceLocation location = loc(c.start);
    if (c.intLiteral() != null) {
      Long value = integer(c.start);
      return new Syntax.IntLit(value == null ? 0 : value, location);
    }
    if (c.DOUBLE_LITERAL() != null) {
      return new Syntax.DoubleLit(Double.parseDouble(c.getText()), location);
    }
    if (c.LITERAL() != null) {
      return new Syntax.StringLit(string(c.LITERAL()), location);
    }
    if (c.TRUE() != null || c.FALSE() != null) {
      return new Syntax.BoolLit(c.TRUE() != null, location);
    }
    if (c.IDENTIFIER() != null) {
      return new Syntax.Ident(c.getText(), location);
    }
    if (c.constList() != null) {
      return new Syntax.ListLit(c.constList().constValue().stream().map(this::value).toList(), location);
    }
    List<ConstValueContext> parts = c.constMap().constValue();
    List<Syntax.Entry> entries = new ArrayList<>();
    for (int i = 0; i + 1 < parts.size(); i += 2) {
      entries.add(new Syntax.Entry(value(parts.get(i)), value(parts.get(i + 1))));
    }
    return new Syntax.MapLit(entries, location);
  }

  private Long integer(Token token) {
    Long value = Literals.parseInteger(token.getText());
    if (value == null) {
      sink.error(loc(token), "integer " + token.getText() + " does not fit in 64 bits");
    }
    return value;
  }

  // ------------------------------------------------------------------ helpers

  private Annotations annotations(AnnotationsContext c) {
    if (c == null) {
      return Annotations.EMPTY;
    }
    List<Annotation> list = new ArrayList<>();
    for (AnnotationContext a : c.annotation()) {
      String value = a.LITERAL() == null ? Annotation.IMPLICIT_VALUE : string(a.LITERAL());
      list.add(new Annotation(a.anyName().getText(), value, loc(a.start)));
    }
    return Annotations.of(list);
  }

  private String string(TerminalNode literal) {
    Token token = literal.getSymbol();
    try {
      return Literals.unquote(token.getText());
    } catch (Literals.BadEscape e) {
      SourceLocation at = new SourceLocation(file, token.getLine(), token.getCharPositionInLine() + 1 + e.offset);
      sink.error(at, "invalid escape sequence '" + e.sequence
          + "' in string; expected one of \\n \\r \\t \\\\ \\\" \\'");
      return token.getText();
    }
  }

  /** A definition, function, field or enum value name: an identifier without dots. */
  private String name(TerminalNode identifier) {
    String name = identifier.getText();
    if (name.contains(".")) {
      sink.error(loc(identifier), "'" + name + "' is not a valid name: names cannot contain '.'");
    }
    return name;
  }

  /** The doc comment right before {@code start}: the last one since the previous token. */
  private Optional<String> doc(Token start) {
    List<Token> hidden = tokens.getHiddenTokensToLeft(start.getTokenIndex(), ThriftLexer.DOC);
    if (hidden == null || hidden.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(DocComments.text(hidden.get(hidden.size() - 1).getText()));
  }

  private SourceLocation loc(Token token) {
    return new SourceLocation(file, token.getLine(), token.getCharPositionInLine() + 1);
  }

  private SourceLocation loc(TerminalNode node) {
    return loc(node.getSymbol());
  }
}
