package io.kitex4j.protoc;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.service.InteractionMode;
import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.service.ServiceDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated code for the test protos, all compiled: protoc's {@code java_out} first, then ours
 * against it with {@code -Xlint:all -Werror}; then the loaded classes are checked: the message
 * classes of each method (named as protoc names them: other files and packages, nested messages,
 * {@code java_multiple_files} true and false, outer class collisions, explicit outer classes,
 * the well-known types, no package), descriptors and Java names.
 */
@DisabledOnOs(OS.WINDOWS)
class GeneratedCodeTest {

    @TempDir
    Path work;

    static final List<String> ALL = List.of(
            "shop/common/money.proto", "shop/shop.proto", "shop/inventory.proto", "misc/nopackage.proto",
            "misc/types_only.proto", "misc/names.proto", "legacy/legacy.proto", "outer/collide.proto",
            "outer/lower_case-name2x.proto");

    static ServiceDescriptor descriptor(Class<?> service) throws ReflectiveOperationException {
        return (ServiceDescriptor) service.getField("DESCRIPTOR").get(null);
    }

    /** Method name to {@code Req -> Resp} (simple binary names of the message classes), from the descriptor constants' types. */
    static Map<String, String> constantTypes(Class<?> service) {
        Map<String, String> types = new TreeMap<>();
        for (java.lang.reflect.Field f : service.getFields()) {
            if (f.getType() == MethodDescriptor.class) {
                Type[] args = ((ParameterizedType) f.getGenericType()).getActualTypeArguments();
                types.put(f.getName(), ((Class<?>) args[0]).getName() + " -> " + ((Class<?>) args[1]).getName());
            }
        }
        return types;
    }

    static List<String> methodNames(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName).sorted().toList();
    }

    static Class<?> nested(Class<?> outer, String name) {
        return Arrays.stream(outer.getDeclaredClasses()).filter(c -> c.getSimpleName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(outer.getName() + " has no nested " + name));
    }

    @Test
    void everyTestProtoGeneratesAndCompiles() throws Exception {
        try (Protoc.Compiled c = Protoc.Compiled.of(work, Protoc.protos(), ALL, null)) {
            assertThat(Protoc.files(c.kitexOut())).containsExactly(
                    "Ping.java",
                    "com/example/legacy/Legacy.java",
                    "com/example/names/Clashes.java",
                    "com/example/names/Empty.java",
                    "com/example/names/Retired.java",
                    "outer/CollideService.java",
                    "outer/Things.java",
                    "shop/Inventory.java",
                    "shop/Shop.java");

            // Types from other files and packages, nested messages, well-known types; ShopOuterClass
            // because the service is called Shop.
            Class<?> shop = c.load("shop.Shop");
            assertThat(constantTypes(shop)).containsExactly(
                    Map.entry("CHAT", "com.google.protobuf.StringValue -> com.google.protobuf.StringValue"),
                    Map.entry("QUOTE", "shop.ShopOuterClass$Order$Line -> com.example.shop.common.Money"),
                    Map.entry("RATE", "com.google.protobuf.Empty -> com.example.shop.common.Money$Rate"),
                    Map.entry("TRACK", "shop.ShopOuterClass$Order -> shop.ShopOuterClass$Order$Line"),
                    Map.entry("UPLOAD", "shop.ShopOuterClass$Order -> com.google.protobuf.Int64Value"));
            ServiceDescriptor shopDescriptor = descriptor(shop);
            assertThat(shopDescriptor.packageName()).isEqualTo("shop");
            assertThat(shopDescriptor.methods()).extracting(MethodDescriptor::name, MethodDescriptor::mode).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Quote", InteractionMode.PING_PONG),
                    org.assertj.core.groups.Tuple.tuple("Rate", InteractionMode.PING_PONG),
                    org.assertj.core.groups.Tuple.tuple("Upload", InteractionMode.CLIENT_STREAMING),
                    org.assertj.core.groups.Tuple.tuple("Track", InteractionMode.SERVER_STREAMING),
                    org.assertj.core.groups.Tuple.tuple("Chat", InteractionMode.BIDI_STREAMING));

            assertThat(constantTypes(c.load("shop.Inventory"))).containsExactly(
                    Map.entry("GET", "shop.ShopOuterClass$Order$Line -> shop.InventoryProtos$Stock"),
                    Map.entry("RESERVE", "shop.ShopOuterClass$Order -> shop.InventoryProtos$Stock"));
            assertThat(constantTypes(c.load("com.example.legacy.Legacy"))).containsExactly(
                    Map.entry("GET", "com.example.legacy.LegacyProtos$LegacyRequest -> com.example.legacy.LegacyProtos$LegacyResponse"));
            assertThat(constantTypes(c.load("outer.CollideService"))).containsExactly(
                    Map.entry("GO", "outer.CollideOuterClass$Collide$Inner$Deepest -> outer.CollideOuterClass$Collide"));
            assertThat(constantTypes(c.load("outer.Things"))).containsExactly(
                    Map.entry("GET", "outer.LowerCaseName2XOuterClass$Thing -> outer.LowerCaseName2XOuterClass$Thing"));

            // No package at all: the default package, and an empty package name on the wire.
            Class<?> ping = c.load("Ping");
            assertThat(constantTypes(ping)).containsExactly(Map.entry("PING", "Nopackage$PingRequest -> Nopackage$PingRequest"));
            assertThat(descriptor(ping).packageName()).isEmpty();
            assertThat(c.kitexSource("Ping.java")).contains("\"Method Ping/\" + method + \" is unimplemented\"");
        }
    }

    @Test
    void javaNamesAvoidKeywordsObjectMethodsAndEachOther() throws Exception {
        try (Protoc.Compiled c = Protoc.Compiled.of(work, Protoc.protos(), List.of("misc/names.proto"), null)) {
            Class<?> clashes = c.load("com.example.names.Clashes");
            assertThat(methodNames(nested(clashes, "Iface"))).containsExactlyInAnyOrder(
                    "class_", "default_", "definition", "descriptor", "echo", "echoAsync", "getFoo", "getFoo_",
                    "hashCode_", "oldCall", "stub", "toString_", "unimplemented", "urlFetch", "wait_", "withOptions_");
            assertThat(methodNames(nested(clashes, "Stub"))).containsExactlyInAnyOrder(
                    "class_", "classAsync", "default_", "defaultAsync", "definition", "definitionAsync",
                    "descriptor", "descriptorAsync", "echo", "echoAsync", "echoAsyncAsync", "echoAsync_", "getFoo",
                    "getFooAsync", "getFoo_", "getFooAsync_", "hashCode_", "oldCall", "oldCallAsync", "stub",
                    "stubAsync", "toString_", "unimplemented", "unimplementedAsync", "urlFetch", "urlFetchAsync",
                    "wait_", "waitAsync", "withOptions", "withOptions_");
            assertThat(constantTypes(clashes)).containsKeys("CLASS", "DEFAULT", "STUB", "DEFINITION", "UNIMPLEMENTED",
                    "HASH_CODE", "TO_STRING", "WITH_OPTIONS", "ECHO", "ECHO_ASYNC", "DESCRIPTOR_", "GET_FOO", "GET_FOO_",
                    "WAIT", "URL_FETCH", "OLD_CALL");
            assertThat(constantTypes(clashes)).containsEntry("DEFAULT", "com.example.names.String -> com.example.names.Void");
            assertThat(descriptor(clashes).methods()).extracting(MethodDescriptor::name).startsWith("Class", "Default", "Stub")
                    .contains("get_foo", "GetFoo", "URLFetch");
            String source = c.kitexSource("com/example/names/Clashes.java");
            // java.lang.String and Void are shadowed by messages of the package: always qualified.
            assertThat(source).contains("java.lang.String method", "CompletableFuture<java.lang.Void>")
                    .contains("private static io.kitex4j.errors.StatusException unimplemented_(java.lang.String method)")
                    .contains("@SuppressWarnings(\"deprecation\")")
                    .contains("@Deprecated\n    public static final MethodDescriptor<Old, Old> OLD_CALL");
            assertThat(nested(clashes, "Iface").getMethod("oldCall", c.load("com.example.names.Old"))
                    .isAnnotationPresent(Deprecated.class)).isTrue();

            Class<?> empty = c.load("com.example.names.Empty");
            assertThat(descriptor(empty).methods()).isEmpty();
            assertThat(c.kitexSource("com/example/names/Empty.java")).contains("/**\n * A service without methods.\n");
            assertThat(c.load("com.example.names.Retired").isAnnotationPresent(Deprecated.class)).isTrue();
        }
    }

    @Test
    void servicesNamedLikeNestedTypesKeywordsOrLibraryTypesCompile() throws Exception {
        try (Protoc.Compiled c = Protoc.Compiled.of(work, Protoc.protos(), List.of("misc/service_names.proto"), null)) {
            assertThat(Protoc.files(c.kitexOut())).containsExactly("svcnames/AsyncIface.java", "svcnames/CompletableFuture.java",
                    "svcnames/Generated.java", "svcnames/Iface.java", "svcnames/Objects.java", "svcnames/StatusException.java",
                    "svcnames/String.java", "svcnames/Stub.java", "svcnames/class_.java", "svcnames/record_.java");
            // A nested type cannot have its class's name: that one gets a trailing _.
            Class<?> stub = c.load("svcnames.Stub");
            assertThat(Arrays.stream(stub.getDeclaredClasses()).map(Class::getSimpleName).sorted())
                    .containsExactly("AsyncIface", "Iface", "Stub_");
            assertThat(Arrays.stream(c.load("svcnames.Iface").getDeclaredClasses()).map(Class::getSimpleName).sorted())
                    .containsExactly("AsyncIface", "Iface_", "Stub");
            assertThat(Arrays.stream(c.load("svcnames.AsyncIface").getDeclaredClasses()).map(Class::getSimpleName).sorted())
                    .containsExactly("AsyncIface_", "Iface", "Stub");
            // The wire keeps the proto name.
            assertThat(descriptor(c.load("svcnames.class_")).serviceName()).isEqualTo("class");
            assertThat(descriptor(c.load("svcnames.record_")).serviceName()).isEqualTo("record");
            assertThat(c.kitexSource("svcnames/String.java")).contains("private static StatusException unimplemented(java.lang.String method)");
        }
    }

    @Test
    void theGrpcInteropServicesGenerateAndCompile() throws Exception {
        Path root = Protoc.grpcInteropProtos();
        try (Protoc.Compiled c = Protoc.Compiled.of(work, root,
                List.of("grpc/testing/empty.proto", "grpc/testing/messages.proto", "grpc/testing/test.proto"), null)) {
            assertThat(Protoc.files(c.kitexOut())).containsExactly(
                    "io/grpc/testing/integration/LoadBalancerStatsService.java",
                    "io/grpc/testing/integration/ReconnectService.java",
                    "io/grpc/testing/integration/TestService.java",
                    "io/grpc/testing/integration/UnimplementedService.java",
                    "io/grpc/testing/integration/XdsUpdateClientConfigureService.java",
                    "io/grpc/testing/integration/XdsUpdateHealthService.java");
            Class<?> testService = c.load("io.grpc.testing.integration.TestService");
            ServiceDescriptor d = descriptor(testService);
            assertThat(d.serviceName()).isEqualTo("TestService");
            assertThat(d.packageName()).isEqualTo("grpc.testing");
            assertThat(d.methods()).extracting(MethodDescriptor::name, MethodDescriptor::mode).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("EmptyCall", InteractionMode.PING_PONG),
                    org.assertj.core.groups.Tuple.tuple("UnaryCall", InteractionMode.PING_PONG),
                    org.assertj.core.groups.Tuple.tuple("CacheableUnaryCall", InteractionMode.PING_PONG),
                    org.assertj.core.groups.Tuple.tuple("StreamingOutputCall", InteractionMode.SERVER_STREAMING),
                    org.assertj.core.groups.Tuple.tuple("StreamingInputCall", InteractionMode.CLIENT_STREAMING),
                    org.assertj.core.groups.Tuple.tuple("FullDuplexCall", InteractionMode.BIDI_STREAMING),
                    org.assertj.core.groups.Tuple.tuple("HalfDuplexCall", InteractionMode.BIDI_STREAMING),
                    org.assertj.core.groups.Tuple.tuple("UnimplementedCall", InteractionMode.PING_PONG));
            assertThat(constantTypes(testService)).containsEntry("EMPTY_CALL",
                            "io.grpc.testing.integration.EmptyProtos$Empty -> io.grpc.testing.integration.EmptyProtos$Empty")
                    .containsEntry("STREAMING_OUTPUT_CALL", "io.grpc.testing.integration.Messages$StreamingOutputCallRequest"
                            + " -> io.grpc.testing.integration.Messages$StreamingOutputCallResponse");
            assertThat(methodNames(nested(testService, "Iface"))).containsExactly("cacheableUnaryCall", "emptyCall",
                    "fullDuplexCall", "halfDuplexCall", "streamingInputCall", "streamingOutputCall", "unaryCall",
                    "unimplementedCall");
            assertThat(c.kitexSource("io/grpc/testing/integration/TestService.java"))
                    .contains("// Code generated by kitex4j from grpc/testing/test.proto. DO NOT EDIT.")
                    .contains(" * One empty request followed by one empty response.\n")
                    .contains("\"Method grpc.testing.TestService/\" + method + \" is unimplemented\"");
        }
    }

    @Test
    void aProtoWithoutServicesGeneratesNothing() {
        Path out = work.resolve("out");
        Protoc.generate(work, Protoc.protos(), work.resolve("java"), out, List.of("misc/types_only.proto"));
        assertThat(Protoc.files(out)).isEmpty();
        assertThat(Protoc.files(work.resolve("java"))).containsExactly("misc/TypesOnly.java");
    }
}
