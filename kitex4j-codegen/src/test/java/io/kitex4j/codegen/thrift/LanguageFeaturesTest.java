package io.kitex4j.codegen.thrift;

import static io.kitex4j.codegen.thrift.Idl.definition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kitex4j.codegen.thrift.model.BaseType;
import io.kitex4j.codegen.thrift.model.Const;
import io.kitex4j.codegen.thrift.model.EnumDef;
import io.kitex4j.codegen.thrift.model.EnumValue;
import io.kitex4j.codegen.thrift.model.Field;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import io.kitex4j.codegen.thrift.model.ListType;
import io.kitex4j.codegen.thrift.model.ListValue;
import io.kitex4j.codegen.thrift.model.Requiredness;
import io.kitex4j.codegen.thrift.model.ServiceDef;
import io.kitex4j.codegen.thrift.model.StringValue;
import io.kitex4j.codegen.thrift.model.StructDef;
import io.kitex4j.codegen.thrift.model.Typedef;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corners of the IDL grammar, each loaded from a small file. */
class LanguageFeaturesTest {

  @TempDir
  Path dir;

  private IdlProgram load(String text) throws IdlLoadException {
    return Idl.loadText(dir, "t.thrift", text).root();
  }

  @Test
  void allCommentStylesAreIgnoredAndDocCommentsAttachToTheNextNode() throws IdlLoadException {
    IdlProgram p = load("""
        // line comment
        # shell comment
        /* block
           comment */
        /**/
        /** The struct. */
        struct S { /* inline */
          /**
           * The field.
           */
          1: i32 a, // trailing
          /** attached across a plain comment */ /* plain */
          2: i32 b
          /***/
          3: i32 c
        }
        /** Dangling doc comment before nothing is ignored. */
        """);
    StructDef s = definition(p, "S");
    assertThat(s.doc()).contains("The struct.");
    assertThat(s.fields()).extracting(f -> f.doc().orElse(null))
        .containsExactly("The field.", "attached across a plain comment", "");
  }

  @Test
  void theFirstDocCommentBeforeTheHeadersDocumentsTheProgram() throws IdlLoadException {
    IdlProgram p = load("""
        /** About this file. */
        namespace java com.example
        /** Not attached: a header follows. */
        cpp_include "x.h"
        struct S {}
        """);
    assertThat(p.doc()).contains("About this file.");
    assertThat(Idl.<StructDef>definition(p, "S").doc()).isEmpty();
  }

  @Test
  void withoutHeadersTheFirstDocCommentBelongsToTheFirstDefinition() throws IdlLoadException {
    IdlProgram p = load("/** First. */\nstruct S {}\n");
    assertThat(p.doc()).isEmpty();
    assertThat(Idl.<StructDef>definition(p, "S").doc()).contains("First.");
  }

  @Test
  void separatorsAreOptionalCommasOrSemicolonsEverywhere() throws IdlLoadException {
    IdlProgram p = load("""
        namespace java a.b;
        enum E { A; B, C }
        struct S { 1: i32 a; 2: i32 b, 3: i32 c } (x = "1"; y = "2", z);
        typedef i32 T;
        const list<i32> L = [1; 2, 3 4];
        service Svc { void a(); void b(), void c() };
        """);
    assertThat(Idl.<EnumDef>definition(p, "E").values()).extracting(EnumValue::value).containsExactly(0, 1, 2);
    assertThat(Idl.<StructDef>definition(p, "S").annotations().asMap()).containsOnlyKeys("x", "y", "z");
    assertThat(((ListValue) Idl.<Const>definition(p, "L").value()).elements()).hasSize(4);
    assertThat(Idl.<ServiceDef>definition(p, "Svc").functions()).hasSize(3);
  }

  @Test
  void fieldsWithoutIdsGetNegativeIdsInDeclarationOrderWithAWarning() throws IdlLoadException {
    LoadResult result = Idl.loadText(dir, "t.thrift", """
        struct S {
          i32 first
          5: i32 explicit
          string second
        }
        service Svc {
          void f(i32 x, 1: i32 y)
        }
        """);
    StructDef s = definition(result.root(), "S");
    assertThat(s.fields()).extracting(Field::name, Field::id, Field::implicitId).containsExactly(
        tuple("first", -1, true), tuple("explicit", 5, false), tuple("second", -2, true));
    assertThat(Idl.<ServiceDef>definition(result.root(), "Svc").functions().get(0).arguments())
        .extracting(Field::id).containsExactly(-1, 1);
    assertThat(Idl.lines(result.warnings())).containsExactly(
        "t.thrift:2:3: warning: field 'first' has no id; it gets the implicit id -1, which changes when fields"
            + " are added or reordered (write e.g. '1: ')",
        "t.thrift:4:3: warning: field 'second' has no id; it gets the implicit id -2, which changes when fields"
            + " are added or reordered (write e.g. '1: ')",
        "t.thrift:7:10: warning: field 'x' has no id; it gets the implicit id -1, which changes when fields"
            + " are added or reordered (write e.g. '1: ')");
  }

  @Test
  void requirednessKeywords() throws IdlLoadException {
    StructDef s = definition(load("struct S { 1: required i32 a, 2: optional i32 b, 3: i32 c }"), "S");
    assertThat(s.fields()).extracting(Field::requiredness)
        .containsExactly(Requiredness.REQUIRED, Requiredness.OPTIONAL, Requiredness.DEFAULT);
  }

  @Test
  void baseTypesIncludingByteAliasBinaryAndUuid() throws IdlLoadException {
    StructDef s = definition(load("""
        struct S {
          1: bool a, 2: byte b, 3: i8 c, 4: i16 d, 5: i32 e, 6: i64 f, 7: double g, 8: string h,
          9: binary i, 10: uuid j
        }
        """), "S");
    assertThat(s.fields()).extracting(f -> ((BaseType) f.type()).kind()).containsExactly(
        BaseType.Kind.BOOL, BaseType.Kind.I8, BaseType.Kind.I8, BaseType.Kind.I16, BaseType.Kind.I32,
        BaseType.Kind.I64, BaseType.Kind.DOUBLE, BaseType.Kind.STRING, BaseType.Kind.BINARY, BaseType.Kind.UUID);
  }

  @Test
  void deprecatedFormsLoadWithWarnings() throws IdlLoadException {
    LoadResult result = Idl.loadText(dir, "t.thrift", """
        senum Color { "red", "green" }
        struct S {
          1: slist names
          2: list<i32> cpp_type "std::vector<int>" legacy
          3: list cpp_type "std::deque<int>" <i32> modern
        }
        service Svc {
          async void fire()
        }
        """);
    IdlProgram p = result.root();
    Typedef color = definition(p, "Color");
    assertThat(((BaseType) color.type()).kind()).isEqualTo(BaseType.Kind.STRING);
    StructDef s = definition(p, "S");
    assertThat(((BaseType) s.fields().get(0).type()).kind()).isEqualTo(BaseType.Kind.STRING);
    assertThat(((ListType) s.fields().get(1).type()).cppType()).contains("std::vector<int>");
    assertThat(((ListType) s.fields().get(2).type()).cppType()).contains("std::deque<int>");
    assertThat(Idl.<ServiceDef>definition(p, "Svc").functions().get(0).oneway()).isTrue();
    assertThat(Idl.lines(result.warnings())).containsExactly(
        "t.thrift:1:1: warning: 'senum' is deprecated; 'Color' is loaded as a typedef of string",
        "t.thrift:3:6: warning: 'slist' is deprecated; use 'string'",
        "t.thrift:4:16: warning: 'cpp_type' after 'list<...>' is deprecated; write 'list cpp_type \"...\" <T>'",
        "t.thrift:8:3: warning: 'async' is deprecated; use 'oneway'");
  }

  @Test
  void xsdKeywordsAndReferencesAreAcceptedAndIgnored() throws IdlLoadException {
    StructDef s = definition(load("""
        struct S xsd_all {
          1: i32 a xsd_optional xsd_nillable
          2: i32 b xsd_attrs { 1: i32 attr }
          3: S & next
        }
        """), "S");
    assertThat(s.fields()).extracting(Field::name).containsExactly("a", "b", "next");
    assertThat(s.fields().get(2).reference()).isTrue();
  }

  @Test
  void optionalInAnArgumentListIsIgnoredWithAWarning() throws IdlLoadException {
    LoadResult result = Idl.loadText(dir, "t.thrift", "service Svc {\n  void f(1: optional i32 x)\n}\n");
    assertThat(Idl.<ServiceDef>definition(result.root(), "Svc").functions().get(0).arguments().get(0).requiredness())
        .isEqualTo(Requiredness.DEFAULT);
    assertThat(Idl.lines(result.warnings()))
        .containsExactly("t.thrift:2:13: warning: 'optional' is ignored in argument lists");
  }

  @Test
  void namespacesWithAnyScopeAndARedeclarationWarning() throws IdlLoadException {
    LoadResult result = Idl.loadText(dir, "t.thrift", """
        namespace * fallback.ns
        namespace java.swift swift.ns
        namespace go first
        namespace go second
        """);
    IdlProgram p = result.root();
    assertThat(p.namespaces()).containsEntry("*", "fallback.ns").containsEntry("java.swift", "swift.ns")
        .containsEntry("go", "second");
    assertThat(p.javaPackage()).isEqualTo("fallback.ns");
    assertThat(Idl.lines(result.warnings())).containsExactly(
        "t.thrift:4:1: warning: namespace 'go' is declared again (first at line 3); the last declaration wins");
  }

  @Test
  void stringLiteralsInEitherQuoteWithEscapesAndUnicode() throws IdlLoadException {
    IdlProgram p = load("""
        const string A = 'it\\'s "fine"'
        const string B = "tab\\tnewline\\nreturn\\rslash\\\\quote\\"single\\'"
        const string C = "héllo wörld ✓"
        """);
    assertThat(((StringValue) Idl.<Const>definition(p, "A").value()).value()).isEqualTo("it's \"fine\"");
    assertThat(((StringValue) Idl.<Const>definition(p, "B").value()).value())
        .isEqualTo("tab\tnewline\nreturn\rslash\\quote\"single'");
    assertThat(((StringValue) Idl.<Const>definition(p, "C").value()).value()).isEqualTo("héllo wörld ✓");
  }

  @Test
  void aByteOrderMarkIsSkipped() throws Exception {
    Path file = dir.resolve("bom.thrift");
    Files.write(file, ("\uFEFFstruct S {}\n").getBytes(StandardCharsets.UTF_8));
    assertThat(Idl.load(file).root().structs()).hasSize(1);
  }

  @Test
  void anEmptyFileIsAProgramWithoutDefinitions() throws IdlLoadException {
    IdlProgram p = load("");
    assertThat(p.definitions()).isEmpty();
    assertThat(p.name()).isEqualTo("t");
    assertThat(p.javaPackage()).isEqualTo("t");
  }

  @Test
  void definitionsMayReferToTypesDeclaredLater() throws IdlLoadException {
    IdlProgram p = load("struct A { 1: B b }\nstruct B { 1: A a }\ntypedef C D\ntypedef i32 C\nservice X extends Y {}\nservice Y {}\n");
    assertThat(Idl.<ServiceDef>definition(p, "X").extendsService().orElseThrow().name()).isEqualTo("Y");
    assertThat(Idl.<Typedef>definition(p, "D").trueType().idlName()).isEqualTo("i32");
  }

  @Test
  void locationsPointAtNamesAndFirstTokens() throws Exception {
    IdlProgram p = load("""
        struct Point {
          1: i32 x = 7
        }
        service Svc {
          oneway void ping()
        }
        """);
    StructDef point = definition(p, "Point");
    assertThat(point.location().line()).isEqualTo(1);
    assertThat(point.location().column()).isEqualTo(8);
    Field x = point.fields().get(0);
    assertThat(x.location()).extracting(l -> l.line() + ":" + l.column()).isEqualTo("2:3");
    assertThat(x.type().location().column()).isEqualTo(6);
    assertThat(x.defaultValue().orElseThrow().location().column()).isEqualTo(14);
    assertThat(Idl.<ServiceDef>definition(p, "Svc").functions().get(0).location())
        .extracting(l -> l.line() + ":" + l.column()).isEqualTo("5:15");
    assertThat(point.location().file()).isEqualTo(dir.resolve("t.thrift").toRealPath());
  }

  @Test
  void syntaxErrorsAreNeverPrintedToTheConsole() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      System.setErr(capture);
      assertThat(Idl.failuresOf(dir, "bad.thrift", "struct { 1: i32 }} @ \"x")).hasSize(1);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void everySyntaxErrorFileReportsOnlyItsFirstError() {
    assertThat(Idl.failuresOf(dir, "two.thrift", "struct A {\n  1 i32 a\n}\nstruct B {\n  x\n}\n"))
        .containsExactly("two.thrift:2:5: error: expected ':' but found 'i32'");
  }

  @Test
  void errorsFromSeveralFilesAreSortedByFileAndLine() {
    Idl.write(dir, "a.thrift", "struct A {\n  1: Missing m\n}\n");
    Idl.write(dir, "b.thrift", "include \"a.thrift\"\nstruct B {\n  1: Nope n\n  2: a.A a\n  3: Gone g\n}\n");
    assertThat(Idl.failures(dir.resolve("b.thrift"))).containsExactly(
        "a.thrift:2:6: error: unknown type 'Missing'",
        "b.thrift:3:6: error: unknown type 'Nope'",
        "b.thrift:5:6: error: unknown type 'Gone'");
  }
}
