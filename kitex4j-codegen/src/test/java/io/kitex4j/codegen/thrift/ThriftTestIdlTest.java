package io.kitex4j.codegen.thrift;

import static io.kitex4j.codegen.thrift.Idl.definition;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.codegen.thrift.model.BaseType;
import io.kitex4j.codegen.thrift.model.BoolValue;
import io.kitex4j.codegen.thrift.model.Const;
import io.kitex4j.codegen.thrift.model.EnumDef;
import io.kitex4j.codegen.thrift.model.EnumRef;
import io.kitex4j.codegen.thrift.model.EnumValue;
import io.kitex4j.codegen.thrift.model.Field;
import io.kitex4j.codegen.thrift.model.FunctionDef;
import io.kitex4j.codegen.thrift.model.IdentifierRef;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import io.kitex4j.codegen.thrift.model.ListType;
import io.kitex4j.codegen.thrift.model.ListValue;
import io.kitex4j.codegen.thrift.model.MapType;
import io.kitex4j.codegen.thrift.model.MapValue;
import io.kitex4j.codegen.thrift.model.Requiredness;
import io.kitex4j.codegen.thrift.model.ServiceDef;
import io.kitex4j.codegen.thrift.model.SetType;
import io.kitex4j.codegen.thrift.model.StringValue;
import io.kitex4j.codegen.thrift.model.StructDef;
import io.kitex4j.codegen.thrift.model.StructKind;
import io.kitex4j.codegen.thrift.model.StructRef;
import io.kitex4j.codegen.thrift.model.Typedef;
import io.kitex4j.codegen.thrift.model.TypedefRef;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Apache Thrift's own cross-language test IDL loads and resolves. */
class ThriftTestIdlTest {

  private static LoadResult result;
  private static IdlProgram program;

  @BeforeAll
  static void load() throws IdlLoadException {
    result = Idl.load(Idl.testdata("ThriftTest.thrift"));
    program = result.root();
  }

  @Test
  void loadsWithOnlyTheMapKeyWarningsOfCrazyNesting() {
    assertThat(Idl.lines(result.warnings())).containsExactly(
        "ThriftTest.thrift:113:24: warning: map key type 'set<i32>' is a container, which not every language"
            + " can use as a key (Go cannot); prefer a base type, an enum or a string",
        "ThriftTest.thrift:113:79: warning: map key type 'Insanity' is a struct, which Kitex for Go keys by"
            + " pointer so equal values do not match; prefer a base type, an enum or a string");
    assertThat(result.programs()).containsExactly(program);
  }

  @Test
  void readsNamespacesIncludingDottedScopesAndTheStarScope() {
    assertThat(program.name()).isEqualTo("ThriftTest");
    assertThat(program.namespace("java")).contains("thrift.test");
    assertThat(program.namespace("py.twisted")).contains("ThriftTest");
    assertThat(program.namespace("cpp.noexist")).contains("ThriftTest");
    assertThat(program.namespace("*")).contains("thrift.test");
    assertThat(program.javaPackage()).isEqualTo("thrift.test");
    assertThat(program.namespaceDeclarations().stream().filter(n -> n.scope().equals("xsd")).findFirst()
        .orElseThrow().annotations().get("uri")).contains("http://thrift.apache.org/ns/ThriftTest");
    assertThat(program.namespaces()).hasSize(18);
  }

  @Test
  void numberzHasExplicitAndImplicitValuesAndItsDocComment() {
    EnumDef numberz = definition(program, "Numberz");
    assertThat(numberz.doc()).contains("Docstring!");
    assertThat(numberz.values()).extracting(EnumValue::name, EnumValue::value, EnumValue::isExplicit)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ONE", 1, true),
            org.assertj.core.groups.Tuple.tuple("TWO", 2, false),
            org.assertj.core.groups.Tuple.tuple("THREE", 3, false),
            org.assertj.core.groups.Tuple.tuple("FIVE", 5, true),
            org.assertj.core.groups.Tuple.tuple("SIX", 6, false),
            org.assertj.core.groups.Tuple.tuple("EIGHT", 8, true));
    assertThat(numberz.values().get(0).enumDef()).isSameAs(numberz);
  }

  @Test
  void myNumberzRefersToTheEnumValue() {
    Const myNumberz = definition(program, "myNumberz");
    assertThat(((EnumRef) myNumberz.type()).definition()).isSameAs(definition(program, "Numberz"));
    IdentifierRef value = (IdentifierRef) myNumberz.value();
    assertThat(value.name()).isEqualTo("Numberz.ONE");
    assertThat(value.enumValue().orElseThrow().value()).isEqualTo(1);
  }

  @Test
  void xtructHasItsFourFieldsWithSparseIds() {
    StructDef xtruct = definition(program, "Xtruct");
    assertThat(xtruct.kind()).isEqualTo(StructKind.STRUCT);
    assertThat(xtruct.fields()).extracting(Field::id).containsExactly(1, 4, 9, 11);
    assertThat(xtruct.fields()).extracting(Field::name)
        .containsExactly("string_thing", "byte_thing", "i32_thing", "i64_thing");
    assertThat(xtruct.fields()).extracting(f -> ((BaseType) f.type()).kind()).containsExactly(
        BaseType.Kind.STRING, BaseType.Kind.I8, BaseType.Kind.I32, BaseType.Kind.I64);
    assertThat(xtruct.fields()).allSatisfy(f -> {
      assertThat(f.requiredness()).isEqualTo(Requiredness.DEFAULT);
      assertThat(f.implicitId()).isFalse();
    });
    assertThat(xtruct.location().line()).isEqualTo(79);
  }

  @Test
  void insanityMapsNumberzToTheUserIdTypedef() {
    StructDef insanity = definition(program, "Insanity");
    MapType userMap = (MapType) insanity.findField("userMap").orElseThrow().type();
    assertThat(((EnumRef) userMap.keyType()).definition().name()).isEqualTo("Numberz");
    TypedefRef userId = (TypedefRef) userMap.valueType();
    assertThat(userId.name()).isEqualTo("UserId");
    assertThat(userId.chain()).extracting(Typedef::name).containsExactly("UserId");
    assertThat(((BaseType) userId.trueType()).kind()).isEqualTo(BaseType.Kind.I64);
    assertThat(userMap.idlName()).isEqualTo("map<Numberz,UserId>");
    ListType xtructs = (ListType) insanity.findField(2).orElseThrow().type();
    assertThat(((StructRef) xtructs.elementType()).definition()).isSameAs(definition(program, "Xtruct"));
    assertThat(insanity.annotations().get("python.immutable")).contains("");
  }

  @Test
  void crazyNestingKeepsAnnotationsOnNestedContainers() {
    StructDef crazy = definition(program, "CrazyNesting");
    Field listField = crazy.findField(3).orElseThrow();
    assertThat(listField.requiredness()).isEqualTo(Requiredness.REQUIRED);
    assertThat(listField.type().idlName())
        .isEqualTo("list<map<set<i32>,map<i32,set<list<map<Insanity,string>>>>>>");
    MapType outer = (MapType) ((ListType) listField.type()).elementType();
    SetType key = (SetType) outer.keyType();
    assertThat(key.annotations().get("python.immutable")).contains("");
    assertThat(crazy.findField(2).orElseThrow().requiredness()).isEqualTo(Requiredness.OPTIONAL);
  }

  @Test
  void unionsAndExceptionsAreStructsOfTheirKind() {
    assertThat(Idl.<StructDef>definition(program, "SomeUnion").kind()).isEqualTo(StructKind.UNION);
    assertThat(Idl.<StructDef>definition(program, "Xception").kind()).isEqualTo(StructKind.EXCEPTION);
    assertThat(Idl.<StructDef>definition(program, "EmptyStruct").fields()).isEmpty();
  }

  @Test
  void thriftTestServiceHasAllFunctionsWithThrowsAndOneway() {
    ServiceDef service = definition(program, "ThriftTest");
    assertThat(service.functions()).hasSize(22);
    assertThat(service.extendsService()).isEmpty();
    FunctionDef testVoid = service.findFunction("testVoid").orElseThrow();
    assertThat(testVoid.isVoid()).isTrue();
    assertThat(testVoid.doc()).contains("Prints \"testVoid()\" and returns nothing.");
    FunctionDef testException = service.findFunction("testException").orElseThrow();
    assertThat(testException.exceptions()).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo(1);
      assertThat(e.name()).isEqualTo("err1");
      assertThat(((StructRef) e.type()).definition().isException()).isTrue();
    });
    FunctionDef multi = service.findFunction("testMultiException").orElseThrow();
    assertThat(multi.exceptions()).extracting(Field::name).containsExactly("err1", "err2");
    assertThat(((StructRef) multi.returnType().orElseThrow()).name()).isEqualTo("Xtruct");
    FunctionDef oneway = service.findFunction("testOneway").orElseThrow();
    assertThat(oneway.oneway()).isTrue();
    assertThat(oneway.isVoid()).isTrue();
    FunctionDef testMulti = service.findFunction("testMulti").orElseThrow();
    assertThat(testMulti.arguments()).extracting(Field::id).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(testMulti.arguments().get(5).type()).isInstanceOf(TypedefRef.class);
    assertThat(service.findFunction("testInsanity").orElseThrow().returnType().orElseThrow().idlName())
        .isEqualTo("map<UserId,map<Numberz,Insanity>>");
  }

  @Test
  void secondServiceHasOneFunction() {
    ServiceDef second = definition(program, "SecondService");
    assertThat(second.functions()).extracting(FunctionDef::name).containsExactly("secondtestString");
    assertThat(program.services()).extracting(ServiceDef::name).containsExactly("ThriftTest", "SecondService");
  }

  @Test
  void defaultValuesKeepTheirWrittenForm() {
    StructDef boolTest = definition(program, "BoolTest");
    assertThat(boolTest.findField("b").orElseThrow().defaultValue()).get()
        .isEqualTo(new BoolValue(true, boolTest.findField("b").orElseThrow().defaultValue().get().location()));
    assertThat(boolTest.findField("s").orElseThrow().defaultValue().orElseThrow())
        .isInstanceOfSatisfying(StringValue.class, s -> assertThat(s.value()).isEqualTo("true"));
    Field withDefault = Idl.<StructDef>definition(program, "OptionalSetDefaultTest").fields().get(0);
    assertThat(((ListValue) withDefault.defaultValue().orElseThrow()).elements())
        .singleElement().isInstanceOfSatisfying(StringValue.class, s -> assertThat(s.value()).isEqualTo("test"));
    Field binSet = Idl.<StructDef>definition(program, "OptionalBinary").fields().get(0);
    assertThat(((MapValue) binSet.defaultValue().orElseThrow()).entries()).isEmpty();
  }

  @Test
  void largeDeltasKeepsLargeIds() {
    assertThat(Idl.<StructDef>definition(program, "LargeDeltas").fields()).extracting(Field::id)
        .isEqualTo(List.of(1, 10, 100, 500, 1000, 1500, 2000, 2500, 3000, 4000));
  }
}
