package io.kitex4j.codegen.thrift;

import static io.kitex4j.codegen.thrift.Idl.definition;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.codegen.thrift.model.BaseType;
import io.kitex4j.codegen.thrift.model.BoolValue;
import io.kitex4j.codegen.thrift.model.Const;
import io.kitex4j.codegen.thrift.model.ConstValue;
import io.kitex4j.codegen.thrift.model.DoubleValue;
import io.kitex4j.codegen.thrift.model.EnumDef;
import io.kitex4j.codegen.thrift.model.EnumValue;
import io.kitex4j.codegen.thrift.model.Field;
import io.kitex4j.codegen.thrift.model.FunctionDef;
import io.kitex4j.codegen.thrift.model.IdentifierRef;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import io.kitex4j.codegen.thrift.model.Include;
import io.kitex4j.codegen.thrift.model.IntValue;
import io.kitex4j.codegen.thrift.model.ListType;
import io.kitex4j.codegen.thrift.model.ListValue;
import io.kitex4j.codegen.thrift.model.MapType;
import io.kitex4j.codegen.thrift.model.MapValue;
import io.kitex4j.codegen.thrift.model.ServiceDef;
import io.kitex4j.codegen.thrift.model.StringValue;
import io.kitex4j.codegen.thrift.model.StructDef;
import io.kitex4j.codegen.thrift.model.StructKind;
import io.kitex4j.codegen.thrift.model.StructRef;
import io.kitex4j.codegen.thrift.model.Typedef;
import io.kitex4j.codegen.thrift.model.TypedefRef;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The realistic IDLs under idl/corpus load without a single diagnostic and resolve as written. */
class CorpusTest {

  private static final Path COMMON = Idl.resource("corpus/common");

  private static IdlProgram load(String file) throws IdlLoadException {
    return Idl.load(Idl.resource("corpus/" + file), COMMON).root();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "common/base.thrift", "shared/shared.thrift", "services/user.thrift", "services/order.thrift",
      "constants.thrift", "nesting.thrift", "keywords.thrift", "annotations.thrift"})
  void loadsWithoutErrorsOrWarnings(String file) throws IdlLoadException {
    LoadResult result = Idl.load(Idl.resource("corpus/" + file), COMMON);
    assertThat(result.warnings()).isEmpty();
    assertThat(result.root().path().getFileName().toString()).isEqualTo(Path.of(file).getFileName().toString());
  }

  @Test
  void sharedIncludesAreLoadedOnceAndShared() throws IdlLoadException {
    LoadResult result = ThriftIdlLoader.builder().includeDir(COMMON).build().loadAll(List.of(
        Idl.resource("corpus/services/order.thrift"), Idl.resource("corpus/services/user.thrift")));
    assertThat(result.programs()).extracting(IdlProgram::name).containsExactly("base", "shared", "user", "order");
    IdlProgram order = result.roots().get(0);
    IdlProgram user = result.roots().get(1);
    assertThat(order.findInclude("user").orElseThrow().program()).isSameAs(user);
    assertThat(order.findInclude("base").orElseThrow().program())
        .isSameAs(user.findInclude("base").orElseThrow().program())
        .isSameAs(result.programs().get(0));
    assertThat(result.program(Idl.resource("corpus/common/base.thrift"))).containsSame(result.programs().get(0));
  }

  @Nested
  class UserService {

    @Test
    void resolvesIncludesRelativelyAndThroughTheIncludeDirectory() throws IdlLoadException {
      IdlProgram user = load("services/user.thrift");
      assertThat(user.includes()).extracting(Include::path).containsExactly("base.thrift", "../shared/shared.thrift");
      assertThat(user.includes().get(0).program().path()).isEqualTo(Idl.resource("corpus/common/base.thrift"));
      assertThat(user.includes().get(1).program().path()).isEqualTo(Idl.resource("corpus/shared/shared.thrift"));
      assertThat(user.doc()).contains("The user service: a realistic Kitex-style IDL.");
      assertThat(user.javaPackage()).isEqualTo("io.kitex4j.example.user");
    }

    @Test
    void crossFileReferencesKnowTheirDefiningProgram() throws IdlLoadException {
      IdlProgram user = load("services/user.thrift");
      StructDef userStruct = definition(user, "User");
      StructRef balance = (StructRef) userStruct.findField("balance").orElseThrow().type();
      assertThat(balance.name()).isEqualTo("shared.Money");
      assertThat(balance.program().name()).isEqualTo("shared");
      assertThat(balance.program().javaPackage()).isEqualTo("io.kitex4j.example.shared");
      assertThat(balance.definition().qualifiedName()).isEqualTo("shared.Money");

      TypedefRef createdAt = (TypedefRef) userStruct.findField("created_at").orElseThrow().type();
      assertThat(createdAt.chain()).extracting(Typedef::name).containsExactly("CreatedAt", "Timestamp");
      assertThat(((BaseType) createdAt.trueType()).kind()).isEqualTo(BaseType.Kind.I64);
      assertThat(createdAt.program().name()).isEqualTo("base");
    }

    @Test
    void recursiveFieldPointsBackToItsStruct() throws IdlLoadException {
      StructDef userStruct = definition(load("services/user.thrift"), "User");
      ListType friends = (ListType) userStruct.findField(5).orElseThrow().type();
      assertThat(((StructRef) friends.elementType()).definition()).isSameAs(userStruct);
      assertThat(userStruct.findField(5).orElseThrow().doc()).contains("Users know users: a recursive field.");
      IdentifierRef status = (IdentifierRef) userStruct.findField("status").orElseThrow().defaultValue().orElseThrow();
      assertThat(status.enumValue().orElseThrow().enumDef().name()).isEqualTo("UserStatus");
    }

    @Test
    void servicesExtendAcrossFiles() throws IdlLoadException {
      IdlProgram user = load("services/user.thrift");
      ServiceDef userService = definition(user, "UserService");
      assertThat(userService.extendsName()).contains("shared.HealthService");
      assertThat(userService.extendsService().orElseThrow().program().name()).isEqualTo("shared");
      ServiceDef admin = definition(user, "AdminUserService");
      assertThat(admin.allFunctions()).extracting(FunctionDef::name)
          .containsExactly("healthy", "GetUser", "ListUsers", "Touch", "BanUser", "RestoreUser");
      FunctionDef getUser = userService.findFunction("GetUser").orElseThrow();
      assertThat(getUser.exceptions()).extracting(Field::name).containsExactly("err", "not_found");
      assertThat(getUser.annotations().get("api.get")).contains("/user/:id");
      assertThat(userService.findFunction("Touch").orElseThrow().oneway()).isTrue();
    }
  }

  @Nested
  class OrderService {

    @Test
    void extendsChainOfFourServices() throws IdlLoadException {
      ServiceDef audit = definition(load("services/order.thrift"), "OrderAuditService");
      assertThat(audit.hierarchy()).extracting(ServiceDef::name).containsExactly(
          "OrderAuditService", "OrderService", "AdminUserService", "UserService", "HealthService");
      assertThat(audit.allFunctions()).hasSize(11);
      assertThat(audit.allFunctions().get(0).name()).isEqualTo("healthy");
      assertThat(audit.allFunctions().get(10).name()).isEqualTo("Audit");
    }

    @Test
    void enumValuesContinueFromTheLastExplicitOne() throws IdlLoadException {
      EnumDef state = definition(load("services/order.thrift"), "OrderState");
      assertThat(state.values()).extracting(EnumValue::value).containsExactly(0, 1, 10, 11, -1);
      assertThat(state.findByValue(11).orElseThrow().name()).isEqualTo("DELIVERED");
    }

    @Test
    void deepNestingAndCrossFileConstantDefaults() throws IdlLoadException {
      StructDef order = definition(load("services/order.thrift"), "Order");
      assertThat(order.findField("fulfilment").orElseThrow().type().idlName())
          .isEqualTo("map<string,list<map<i32,set<LineItem>>>>");
      ConstValue total = order.findField("total").orElseThrow().defaultValue().orElseThrow();
      Const zero = ((IdentifierRef) total).constant().orElseThrow();
      assertThat(zero.qualifiedName()).isEqualTo("shared.ZERO");
      assertThat(total.resolved()).isInstanceOf(MapValue.class);
      assertThat(((StructRef) order.findField("buyer").orElseThrow().type()).program().name()).isEqualTo("user");
    }
  }

  @Nested
  class Constants {

    private IdlProgram constants() throws IdlLoadException {
      return load("constants.thrift");
    }

    private ConstValue value(String name) throws IdlLoadException {
      return Idl.<Const>definition(constants(), name).value();
    }

    private long intValue(String name) throws IdlLoadException {
      return ((IntValue) value(name)).value();
    }

    @Test
    void integerForms() throws IdlLoadException {
      assertThat(intValue("TINY")).isEqualTo(-128);
      assertThat(intValue("HEX")).isEqualTo(Integer.MAX_VALUE);
      assertThat(intValue("NEG_HEX")).isEqualTo(-16);
      assertThat(intValue("PLUS")).isEqualTo(42);
      assertThat(intValue("BIG")).isEqualTo(Long.MAX_VALUE);
      assertThat(intValue("SMALLEST")).isEqualTo(Long.MIN_VALUE);
      assertThat(intValue("ONE_IS_TRUE")).isEqualTo(1);
    }

    @Test
    void doubleForms() throws IdlLoadException {
      assertThat(((DoubleValue) value("PI")).value()).isEqualTo(3.14159);
      assertThat(((DoubleValue) value("AVOGADRO")).value()).isEqualTo(6.022e23);
      assertThat(((DoubleValue) value("NEG_EXP")).value()).isEqualTo(-1.5e-3);
      assertThat(((DoubleValue) value("HALF")).value()).isEqualTo(0.5);
      assertThat(intValue("FROM_INT")).isEqualTo(2);
    }

    @Test
    void stringAndBoolForms() throws IdlLoadException {
      assertThat(((StringValue) value("DQ")).value()).isEqualTo("double \"quoted\"\n\ttab");
      assertThat(((StringValue) value("SQ")).value()).isEqualTo("single 'quoted' with \"double\" inside");
      assertThat(((StringValue) value("BACKSLASH")).value()).isEqualTo("C:\\path\\file");
      assertThat(((StringValue) value("ID")).value()).isEqualTo("00112233-4455-6677-8899-aabbccddeeff");
      assertThat(((BoolValue) value("YES")).value()).isTrue();
      assertThat(((BoolValue) value("NO")).value()).isFalse();
    }

    @Test
    void listAndMapForms() throws IdlLoadException {
      assertThat(((ListValue) value("PRIMES")).elements()).extracting(v -> ((IntValue) v).value())
          .containsExactly(2L, 3L, 5L, 7L, 11L);
      assertThat(((ListValue) value("SEMICOLONS")).elements()).hasSize(3);
      assertThat(((ListValue) value("NO_SEPARATORS")).elements()).hasSize(3);
      MapValue ages = (MapValue) value("AGES");
      assertThat(ages.entries()).extracting(e -> ((StringValue) e.key()).value()).containsExactly("alice", "bob");
      MapValue nested = (MapValue) value("NESTED");
      assertThat(((ListValue) nested.entries().get(1).value()).elements()).hasSize(2);
      assertThat(((MapValue) value("EMPTY_SET")).entries()).isEmpty();
    }

    @Test
    void enumReferencesAndNumbers() throws IdlLoadException {
      IdentifierRef level = (IdentifierRef) value("DEFAULT_LEVEL");
      assertThat(level.enumValue().orElseThrow().value()).isEqualTo(0);
      assertThat(intValue("NUMERIC_LEVEL")).isEqualTo(10);
      assertThat(((IdentifierRef) value("LEVEL_AS_INT")).enumValue().orElseThrow().name()).isEqualTo("HIGH");
      IdentifierRef code = (IdentifierRef) value("CODE");
      assertThat(code.enumValue().orElseThrow().value()).isEqualTo(404);
      assertThat(code.enumValue().orElseThrow().enumDef().program().name()).isEqualTo("base");
      assertThat(Idl.<EnumDef>definition(constants(), "Level").values()).extracting(EnumValue::value)
          .containsExactly(-1, 0, 10);
    }

    @Test
    void structConstantsAreMapsWithConstantReferences() throws IdlLoadException {
      IdlProgram p = constants();
      MapValue limits = (MapValue) Idl.<Const>definition(p, "LIMITS").value();
      assertThat(limits.entries()).extracting(e -> ((StringValue) e.key()).value())
          .containsExactly("min", "max", "level");
      IdentifierRef max = (IdentifierRef) limits.entries().get(1).value();
      assertThat(max.constant().orElseThrow().name()).isEqualTo("HEX");
      assertThat(((IntValue) max.resolved()).value()).isEqualTo(Integer.MAX_VALUE);
      ListValue list = (ListValue) Idl.<Const>definition(p, "LIMIT_LIST").value();
      assertThat(list.elements().get(0).resolved()).isSameAs(limits);
      assertThat(((IdentifierRef) value("FROM_INCLUDE")).constant().orElseThrow().qualifiedName())
          .isEqualTo("base.DEFAULT_PAGE_SIZE");
      assertThat(((StringValue) value("FORWARD").resolved()).value()).isEqualTo("declared after its use");
    }

    @Test
    void defaultsReferToConstants() throws IdlLoadException {
      StructDef defaults = definition(constants(), "Defaults");
      assertThat(((IntValue) defaults.findField("a").orElseThrow().defaultValue().orElseThrow().resolved()).value())
          .isEqualTo(Integer.MAX_VALUE);
      assertThat(defaults.findField("limits").orElseThrow().defaultValue().orElseThrow())
          .isInstanceOf(ListValue.class);
    }
  }

  @Nested
  class Nesting {

    @Test
    void mutuallyRecursiveStructsResolveToEachOther() throws IdlLoadException {
      IdlProgram nesting = load("nesting.thrift");
      StructDef person = definition(nesting, "Person");
      StructDef company = definition(nesting, "Company");
      assertThat(((StructRef) person.findField("employer").orElseThrow().type()).definition()).isSameAs(company);
      assertThat(((StructRef) company.findField("ceo").orElseThrow().type()).definition()).isSameAs(person);
      StructDef expr = definition(nesting, "Expr");
      assertThat(expr.kind()).isEqualTo(StructKind.UNION);
      StructDef op = ((StructRef) expr.findField("binary").orElseThrow().type()).definition();
      assertThat(((StructRef) op.findField("left").orElseThrow().type()).definition()).isSameAs(expr);
    }

    @Test
    void typedefChainsUnwrapToTheContainer() throws IdlLoadException {
      IdlProgram nesting = load("nesting.thrift");
      TypedefRef woods = (TypedefRef) Idl.<StructDef>definition(nesting, "Park").fields().get(0).type();
      assertThat(woods.chain()).extracting(Typedef::name).containsExactly("Woods", "ForestByName");
      MapType map = (MapType) woods.trueType();
      assertThat(map.valueType()).isInstanceOf(TypedefRef.class);
      assertThat(map.valueType().trueType().idlName()).isEqualTo("list<TreeNode>");
      FunctionDef plant = Idl.<ServiceDef>definition(nesting, "NestingService").findFunction("plant").orElseThrow();
      assertThat(plant.returnType().orElseThrow().isSameTypeAs(woods)).isTrue();
      assertThat(plant.returnType().orElseThrow().isSameTypeAs(map)).isTrue();
      assertThat(plant.returnType().orElseThrow().isSameTypeAs(plant.arguments().get(0).type())).isFalse();
    }

    @Test
    void deepContainersKeepEveryLevel() throws IdlLoadException {
      StructDef deep = definition(load("nesting.thrift"), "Deep");
      assertThat(deep.fields()).extracting(f -> f.type().idlName()).containsExactly(
          "map<string,list<map<i32,set<Leaf>>>>",
          "list<list<list<list<i64>>>>",
          "map<string,map<string,map<string,Leaf>>>",
          "set<list<map<string,binary>>>",
          "list<map<i32,list<set<Leaf>>>>");
      assertThat(deep.fields().get(0).type().isContainer()).isTrue();
    }
  }

  @Nested
  class Keywords {

    @Test
    void javaAndThriftKeywordsAreNames() throws IdlLoadException {
      IdlProgram keywords = load("keywords.thrift");
      StructDef clazz = definition(keywords, "class");
      assertThat(clazz.fields()).extracting(Field::name).containsExactly(
          "public", "private", "default", "package", "new", "return", "static", "import", "null");
      assertThat(((TypedefRef) clazz.fields().get(0).type()).definition().name()).isEqualTo("int");
      assertThat(Idl.<StructDef>definition(keywords, "ThriftWords").fields()).extracting(Field::name)
          .containsExactly("type", "enum", "service", "list", "required", "oneway");
      assertThat(Idl.<EnumDef>definition(keywords, "synchronized").values()).extracting(EnumValue::name)
          .containsExactly("volatile", "transient", "native");
      ServiceDef service = definition(keywords, "interface");
      assertThat(service.functions()).extracting(FunctionDef::name).containsExactly("import", "throw", "void_");
      assertThat(service.functions().get(0).exceptions().get(0).name()).isEqualTo("catch");
      MapValue instance = (MapValue) Idl.<Const>definition(keywords, "instanceof").value();
      assertThat(((IdentifierRef) instance.entries().get(0).value()).constant().orElseThrow().name())
          .isEqualTo("final");
    }
  }

  @Nested
  class Annotations {

    private IdlProgram annotated() throws IdlLoadException {
      return load("annotations.thrift");
    }

    @Test
    void onNamespacesTypedefsAndTheirTypes() throws IdlLoadException {
      IdlProgram p = annotated();
      assertThat(p.doc()).contains("Program doc of annotations.thrift: annotations everywhere Thrift allows them.");
      assertThat(p.namespaceDeclarations().get(0).annotations().get("java.final")).contains("true");
      assertThat(p.cppIncludes()).containsExactly("<unordered_map>");
      Typedef id = definition(p, "Id");
      assertThat(id.annotations().get("go.type")).contains("int64");
      assertThat(id.type().annotations().get("js.type")).contains("Long");
      assertThat(id.doc()).contains("A typedef with annotations on the type and on the typedef.");
    }

    @Test
    void onEnumsAndTheirValues() throws IdlLoadException {
      EnumDef status = definition(annotated(), "Status");
      assertThat(status.doc()).contains("Status of a thing.\nSecond line.");
      assertThat(status.annotations().get("java.annotation")).contains("@Deprecated");
      assertThat(status.values().get(0).doc()).contains("Doc on a value.");
      assertThat(status.values().get(0).annotations().get("display")).contains("Active");
      assertThat(status.values().get(1).annotations().asMap())
          .containsEntry("display", List.of("Inactive"))
          .containsEntry("deprecated", List.of("1"));
    }

    @Test
    void onStructsFieldsAndNestedTypes() throws IdlLoadException {
      StructDef annotated = definition(annotated(), "Annotated");
      assertThat(annotated.annotations().getAll("repeated")).containsExactly("first", "second");
      assertThat(annotated.annotations().get("repeated")).contains("second");
      assertThat(annotated.annotations().get("empty_value")).contains("1");
      Field name = annotated.findField(1).orElseThrow();
      assertThat(name.doc()).contains("Field doc.");
      assertThat(name.annotations().get("go.tag")).contains("json:\"name\"");
      assertThat(annotated.findField(2).orElseThrow().type().annotations().get("cpp.template")).contains("std::vector");
      MapType index = (MapType) annotated.findField(3).orElseThrow().type();
      assertThat(index.cppType()).contains("std::unordered_map<int32_t, std::string>");
      assertThat(index.annotations().get("x.y")).contains("z");
      ListType matrix = (ListType) annotated.findField(6).orElseThrow().type();
      assertThat(matrix.annotations().get("outer")).contains("2");
      assertThat(matrix.elementType().annotations().get("inner")).contains("1");
      assertThat(annotated.findField(7).orElseThrow().annotations().get("api.none")).contains("1");
      assertThat(Idl.<StructDef>definition(annotated(), "AnnotatedUnion").annotations().get("u.kind")).contains("union");
      assertThat(Idl.<StructDef>definition(annotated(), "AnnotatedException").fields().get(0).annotations()
          .get("e.field")).contains("m");
    }

    @Test
    void onServicesFunctionsArgumentsAndThrows() throws IdlLoadException {
      ServiceDef service = definition(annotated(), "AnnotatedService");
      assertThat(service.doc()).contains("Service doc.");
      assertThat(service.annotations().get("api.base_domain")).contains("example.com");
      FunctionDef get = service.findFunction("Get").orElseThrow();
      assertThat(get.doc()).contains("Function doc.");
      assertThat(get.annotations().asMap().keySet()).containsExactly("api.get", "api.serializer");
      assertThat(get.arguments().get(0).annotations().get("api.path")).contains("id");
      FunctionDef fire = service.findFunction("Fire").orElseThrow();
      assertThat(fire.doc()).contains("Multi-line function doc.\n  Indented line.");
      FunctionDef echo = service.findFunction("Echo").orElseThrow();
      assertThat(echo.returnType().orElseThrow().annotations().get("ret.type")).contains("x");
      assertThat(echo.arguments().get(0).type().annotations().get("arg.type")).contains("y");
      assertThat(echo.exceptions().get(0).annotations().get("t.field")).contains("1");
    }
  }
}
