package io.kitex4j.protoc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import io.kitex4j.protoc.Protoc;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Message class names as protoc's java_out makes them. */
class JavaTypesTest {

    @TempDir
    Path work;

    static FileDescriptorProto file(String name) {
        return FileDescriptorProto.newBuilder().setName(name).build();
    }

    @ParameterizedTest
    @CsvSource({
        "echo.proto, Echo",
        "dir/foo_bar.proto, FooBar",
        "lower_case-name2x.proto, LowerCaseName2X",
        "HTTPServer.proto, HTTPServer",
        "fooBar.proto, FooBar",
        "a.b.proto, AB",
        "legacy.protodevel, Legacy",
        "9lives.proto, 9Lives",
    })
    void theOuterClassIsTheCamelCasedFileName(String file, String outer) {
        assertThat(JavaTypes.outerClassName(file(file))).isEqualTo(outer);
    }

    @Test
    void theOuterClassGetsASuffixWhenATypeOfTheFileHasItsName() {
        FileDescriptorProto.Builder f = FileDescriptorProto.newBuilder().setName("a/thing.proto");
        assertThat(JavaTypes.outerClassName(f.build())).isEqualTo("Thing");
        assertThat(JavaTypes.outerClassName(f.clone().addMessageType(DescriptorProto.newBuilder().setName("Thing")).build()))
                .isEqualTo("ThingOuterClass");
        assertThat(JavaTypes.outerClassName(f.clone().addEnumType(EnumDescriptorProto.newBuilder().setName("Thing")).build()))
                .isEqualTo("ThingOuterClass");
        assertThat(JavaTypes.outerClassName(f.clone().addService(ServiceDescriptorProto.newBuilder().setName("Thing")).build()))
                .isEqualTo("ThingOuterClass");
        DescriptorProto deep = DescriptorProto.newBuilder().setName("A")
                .addNestedType(DescriptorProto.newBuilder().setName("B").addNestedType(DescriptorProto.newBuilder().setName("Thing")))
                .build();
        assertThat(JavaTypes.outerClassName(f.clone().addMessageType(deep).build())).isEqualTo("ThingOuterClass");
        DescriptorProto nestedEnum = DescriptorProto.newBuilder().setName("A")
                .addEnumType(EnumDescriptorProto.newBuilder().setName("Thing")).build();
        assertThat(JavaTypes.outerClassName(f.clone().addMessageType(nestedEnum).build())).isEqualTo("ThingOuterClass");
        // Only an exact match counts, and an explicit name is taken as it is.
        assertThat(JavaTypes.outerClassName(f.clone().addMessageType(DescriptorProto.newBuilder().setName("thing")).build()))
                .isEqualTo("Thing");
        assertThat(JavaTypes.outerClassName(f.clone().addMessageType(DescriptorProto.newBuilder().setName("Thing"))
                .setOptions(FileOptions.newBuilder().setJavaOuterClassname("Thing")).build())).isEqualTo("Thing");
    }

    @Test
    void theJavaPackageIsJavaPackageElseTheProtoPackage() {
        assertThat(JavaTypes.javaPackage(file("x.proto"))).isEmpty();
        assertThat(JavaTypes.javaPackage(file("x.proto").toBuilder().setPackage("a.b").build())).isEqualTo("a.b");
        assertThat(JavaTypes.javaPackage(file("x.proto").toBuilder().setPackage("a.b")
                .setOptions(FileOptions.newBuilder().setJavaPackage("com.x")).build())).isEqualTo("com.x");
    }

    /**
     * Every message of the test protos, the gRPC interop protos and the well-known types they
     * import: the class named by {@link JavaTypes} is the one protoc's java_out generated.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void everyMessageClassIsTheOneProtocGenerates() throws Exception {
        List<String> ours = List.of("echo/echo.proto", "shop/common/money.proto", "shop/shop.proto", "shop/inventory.proto",
                "misc/nopackage.proto", "misc/types_only.proto", "misc/names.proto", "legacy/legacy.proto",
                "outer/collide.proto", "outer/lower_case-name2x.proto");
        List<String> interop = List.of("grpc/testing/empty.proto", "grpc/testing/messages.proto", "grpc/testing/test.proto");
        int checked = 0;
        checked += check(Protoc.protos(), ours, work.resolve("ours"));
        checked += check(Protoc.grpcInteropProtos(), interop, work.resolve("interop"));
        assertThat(checked).isGreaterThan(50);
    }

    private int check(Path root, List<String> files, Path dir) throws Exception {
        Path javaOut = dir.resolve("java");
        Protoc.generate(dir, root, javaOut, dir.resolve("kitex4j"), files);
        Protoc.Javac javac = Protoc.javac(Protoc.sources(javaOut), dir.resolve("classes"), Protoc.LENIENT, List.of());
        assertThat(javac.success()).as(javac.report()).isTrue();
        FileDescriptorSet set = Protoc.descriptorSet(dir, root, files);
        JavaTypes types = new JavaTypes(set.getFileList());
        List<String> names = new ArrayList<>();
        for (FileDescriptorProto f : set.getFileList()) {
            String prefix = f.getPackage().isEmpty() ? "." : "." + f.getPackage() + ".";
            f.getMessageTypeList().forEach(m -> collect(prefix + m.getName(), m, names));
        }
        try (URLClassLoader loader = Protoc.loader(dir.resolve("classes"))) {
            for (String name : names) {
                JavaTypes.Message m = types.message(name).orElseThrow(() -> new AssertionError("no class for " + name));
                Class<?> c = Class.forName(m.className().reflectionName(), false, loader);
                assertThat(com.google.protobuf.Message.class).as(name).isAssignableFrom(c);
                com.google.protobuf.Descriptors.Descriptor d =
                        (com.google.protobuf.Descriptors.Descriptor) c.getMethod("getDescriptor").invoke(null);
                assertThat("." + d.getFullName()).isEqualTo(name);
            }
        }
        return names.size();
    }

    private static void collect(String fullName, DescriptorProto m, List<String> names) {
        if (m.getOptions().getMapEntry()) {
            return; // map entries have no class
        }
        names.add(fullName);
        m.getNestedTypeList().forEach(n -> collect(fullName + "." + n.getName(), n, names));
    }
}
