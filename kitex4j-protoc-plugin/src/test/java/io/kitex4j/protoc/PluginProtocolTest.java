package io.kitex4j.protoc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.compiler.PluginProtos.CodeGeneratorRequest;
import com.google.protobuf.compiler.PluginProtos.CodeGeneratorResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin protocol: {@link PluginMain#run} with requests as protoc sends them (made by protoc
 * itself: {@code --descriptor_set_out --include_imports --include_source_info}) and with broken
 * ones; errors are in the response, which protoc prints; nothing else on standard output.
 */
@DisabledOnOs(OS.WINDOWS)
class PluginProtocolTest {

    @TempDir
    Path work;

    record Run(int status, CodeGeneratorResponse response, String err) {}

    static Run run(byte[] stdin) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PluginMain.run(new ByteArrayInputStream(stdin), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        // Standard output is exactly one response.
        CodeGeneratorResponse response = CodeGeneratorResponse.parseFrom(out.toByteArray());
        assertThat(response.toByteArray()).isEqualTo(out.toByteArray());
        return new Run(status, response, err.toString(StandardCharsets.UTF_8));
    }

    static Run run(CodeGeneratorRequest request) throws IOException {
        return run(request.toByteArray());
    }

    CodeGeneratorRequest echoRequest(String parameter) {
        FileDescriptorSet set = Protoc.descriptorSet(work, Protoc.protos(), List.of("echo/echo.proto"));
        return Protoc.request(set, List.of("echo/echo.proto"), parameter);
    }

    /** A proto file in {@code work/src}. */
    Path proto(String name, String text) throws IOException {
        Path p = work.resolve("src").resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    Protoc.Result protoc(String... files) {
        List<String> args = new java.util.ArrayList<>(List.of("-I" + work.resolve("src"), "--kitex4j_out=" + work.resolve("out")));
        for (String f : files) {
            args.add(work.resolve("src").resolve(f).toString());
        }
        try {
            Files.createDirectories(work.resolve("out"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Protoc.run(work, args);
    }

    // ---- requests protoc makes

    @Test
    void aRequestGivesOneFilePerServiceAndDeclaresProto3Optional() throws IOException {
        Run r = run(echoRequest(""));
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.response().hasError()).isFalse();
        assertThat(r.response().getSupportedFeatures()).isEqualTo(CodeGeneratorResponse.Feature.FEATURE_PROTO3_OPTIONAL_VALUE);
        assertThat(r.response().getFileList()).extracting(CodeGeneratorResponse.File::getName).containsExactly("echo/EchoService.java");
        assertThat(r.response().getFile(0).getContent())
                .isEqualTo(Files.readString(Protoc.resource("golden/echo/EchoService.java.txt")));
    }

    @Test
    void theOutputDependsOnlyOnTheRequest() throws IOException {
        FileDescriptorSet set = Protoc.descriptorSet(work, Protoc.protos(),
                List.of("misc/names.proto", "shop/shop.proto", "shop/inventory.proto"));
        CodeGeneratorRequest request = Protoc.request(set, List.of("misc/names.proto", "shop/shop.proto", "shop/inventory.proto"), "");
        byte[] first = run(request).response().toByteArray();
        for (int i = 0; i < 3; i++) {
            assertThat(run(request).response().toByteArray()).isEqualTo(first);
        }
        assertThat(run(request).response().getFileList()).extracting(CodeGeneratorResponse.File::getName).containsExactly(
                "com/example/names/Clashes.java", "com/example/names/Empty.java", "com/example/names/Retired.java",
                "shop/Shop.java", "shop/Inventory.java");
    }

    @Test
    void parametersTurnOffTheAnnotationAndTheJavadocFromComments() throws IOException {
        String plain = run(echoRequest("generated_annotation=false,javadoc=false")).response().getFile(0).getContent();
        assertThat(plain).doesNotContain("@Generated", "javax.annotation.processing", "Echoes messages back", "One request, one response")
                .startsWith("// Code generated by kitex4j from echo/echo.proto. DO NOT EDIT.\n")
                .contains("public final class EchoService {");
        String flag = run(echoRequest("generated_annotation")).response().getFile(0).getContent();
        assertThat(flag).contains("@Generated(\"io.kitex4j.protoc\")");
    }

    @Test
    void servicePackageMovesTheServiceClassButNotTheWireName() throws IOException {
        Run r = run(echoRequest("service_package=echo.kitex,javadoc=false"));
        assertThat(r.response().getError()).isEmpty();
        assertThat(r.response().getFileList()).extracting(CodeGeneratorResponse.File::getName)
                .containsExactly("echo/kitex/EchoService.java");
        assertThat(r.response().getFile(0).getContent()).contains("package echo.kitex;\n", "import echo.EchoRequest;\n",
                ".packageName(\"echo\")", "Method echo.EchoService/").doesNotContain("Echoes messages back");
    }

    @Test
    void badParametersAreErrors() throws IOException {
        assertThat(run(echoRequest("bogus=1")).response().getError())
                .isEqualTo("unknown option 'bogus' (known: generated_annotation, javadoc, service_package)");
        assertThat(run(echoRequest("service_package=echo.class")).response().getError()).isEqualTo("option service_package"
                + " must be a Java package name (identifiers separated by '.', e.g. echo.kitex), not 'echo.class': 'class' is a Java keyword");
        assertThat(run(echoRequest("service_package")).response().getError())
                .isEqualTo("option service_package needs a value: service_package=<java package>, e.g. service_package=echo.kitex");
        assertThat(run(echoRequest("javadoc=maybe")).response().getError())
                .isEqualTo("option javadoc must be true or false, not 'maybe'");
        assertThat(run(echoRequest("javadoc,javadoc=false")).response().getError()).isEqualTo("option 'javadoc' given twice");
        assertThat(run(echoRequest("javadoc,,x")).response().getError()).startsWith("empty option in 'javadoc,,x'");
        assertThat(run(echoRequest("bogus")).response().getFileCount()).isZero();
    }

    // ---- broken requests

    @Test
    void anUnreadableRequestIsAnErrorResponse() throws IOException {
        Run r = run("this is not a CodeGeneratorRequest".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isZero();
        assertThat(r.response().getError()).startsWith("cannot read the CodeGeneratorRequest on standard input (")
                .endsWith("run it through protoc --kitex4j_out=DIR");
        assertThat(r.response().getFileCount()).isZero();
    }

    @Test
    void aRequestThatDoesNotDescribeItsFilesIsAnError() throws IOException {
        FileDescriptorSet set = Protoc.descriptorSet(work, Protoc.protos(), List.of("echo/echo.proto"));
        assertThat(run(Protoc.request(set, List.of("nope.proto"), "")).response().getError())
                .isEqualTo("file to generate 'nope.proto' is not among the proto files of the request");
        assertThat(run(Protoc.request(set, List.of(), "")).response().getError())
                .isEqualTo("the request names no file to generate");

        FileDescriptorProto broken = FileDescriptorProto.newBuilder().setName("broken.proto").setPackage("b")
                .addService(ServiceDescriptorProto.newBuilder().setName("S")
                        .addMethod(MethodDescriptorProto.newBuilder().setName("M").setInputType(".b.Missing").setOutputType(".b.Missing")))
                .build();
        CodeGeneratorRequest request = CodeGeneratorRequest.newBuilder().addFileToGenerate("broken.proto").addProtoFile(broken).build();
        assertThat(run(request).response().getError())
                .isEqualTo("broken.proto: S.M: message type '.b.Missing' is not defined in the files of the request");
    }

    @Test
    void anInternalErrorIsReportedInTheResponseWithTheStackTraceOnStandardError() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("boom");
            }
        };
        int status = PluginMain.run(failing, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        CodeGeneratorResponse response = CodeGeneratorResponse.parseFrom(out.toByteArray());
        assertThat(response.getError()).isEqualTo("kitex4j internal error: java.lang.IllegalStateException: boom (details on standard error)");
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("protoc-gen-kitex4j: internal error:\n")
                .contains("at io.kitex4j.protoc.PluginMain.run");
    }

    // ---- through protoc: errors are printed by protoc, which fails

    @Test
    void protocPrintsOurErrorsAndFails() throws IOException {
        proto("echo.proto", "syntax = \"proto3\";\npackage e;\nmessage M {}\nservice S { rpc Call(M) returns (M); }\n");
        Protoc.Result r = Protoc.run(work, List.of("-I" + work.resolve("src"), "--kitex4j_out=" + work.resolve("src"),
                "--kitex4j_opt=bogus=1", work.resolve("src/echo.proto").toString()));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("--kitex4j_out: unknown option 'bogus' (known: generated_annotation, javadoc, service_package)\n");
    }

    @Test
    void theLauncherTakesNoArguments() {
        Protoc.Result r = Protoc.exec(work, List.of(Protoc.launcher(work.resolve("bin")).toString(), "--help"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("protoc-gen-kitex4j: a protoc plugin; it takes no arguments.");
    }

    @Test
    void classesThatProtocsJavaOutAlsoGeneratesAreErrors() throws IOException {
        proto("generic.proto", """
                syntax = "proto3";
                package g;
                option java_multiple_files = true;
                option java_generic_services = true;
                message M {}
                service Svc { rpc Call(M) returns (M); }
                """);
        assertThat(protoc("generic.proto").err()).isEqualTo("--kitex4j_out: generic.proto: option java_generic_services = true"
                + " makes protoc's java_out generate a class g.Svc too; remove the option (kitex4j generates the service class)\n");

        proto("outer.proto", """
                syntax = "proto3";
                package o;
                option java_outer_classname = "Svc";
                message M {}
                service Svc { rpc Call(M) returns (M); }
                """);
        assertThat(protoc("outer.proto").err()).isEqualTo("--kitex4j_out: outer.proto: the outer class o.Svc"
                + " (java_outer_classname) has the name of service Svc; choose another java_outer_classname\n");

        proto("p/svc.proto", "syntax = \"proto3\";\npackage p;\nmessage M {}\n");
        proto("p/api.proto", """
                syntax = "proto3";
                package p;
                import "p/svc.proto";
                service Svc { rpc Call(M) returns (M); }
                """);
        Protoc.Result clash = protoc("p/api.proto");
        assertThat(clash.status()).isEqualTo(1);
        assertThat(clash.err()).isEqualTo("--kitex4j_out: p/api.proto: service Svc is generated as class p.Svc, but protoc's"
                + " java_out generates an outer class of that name for p/svc.proto; rename one or use another java_package\n");

        proto("q/one.proto", "syntax = \"proto3\";\npackage q.one;\noption java_package = \"q\";\nmessage A {}\nservice Same { rpc Call(A) returns (A); }\n");
        proto("q/two.proto", "syntax = \"proto3\";\npackage q.two;\noption java_package = \"q\";\nmessage B {}\nservice Same { rpc Call(B) returns (B); }\n");
        assertThat(protoc("q/one.proto", "q/two.proto").err()).isEqualTo("--kitex4j_out: q/two.proto (service Same) and"
                + " q/one.proto (service Same) would both generate q/Same.java; give one of the files another java_package\n");
        assertThat(Protoc.files(work.resolve("out"))).isEmpty();
    }

    @Test
    void generatedServicesWithoutJavaGenericServicesInOneFileAreFine() throws IOException {
        proto("generic2.proto", """
                syntax = "proto3";
                package g2;
                option java_generic_services = true;
                message M {}
                service Svc { rpc Call(M) returns (M); }
                """);
        Protoc.Result r = protoc("generic2.proto");
        assertThat(r.err()).isEmpty();
        assertThat(Protoc.files(work.resolve("out"))).containsExactly("g2/Svc.java");
    }

    @Test
    void sourceCodeInfoFromTheRequestBecomesJavadoc() throws IOException {
        FileDescriptorSet set = Protoc.descriptorSet(work, Protoc.protos(), List.of("echo/echo.proto"));
        FileDescriptorProto echo = set.getFileList().stream().filter(f -> f.getName().equals("echo/echo.proto")).findFirst().orElseThrow();
        FileDescriptorProto noComments = echo.toBuilder().clearSourceCodeInfo()
                .setOptions(FileOptions.newBuilder(echo.getOptions())).build();
        CodeGeneratorRequest request = CodeGeneratorRequest.newBuilder().addFileToGenerate("echo/echo.proto").addProtoFile(noComments).build();
        String content = run(request).response().getFile(0).getContent();
        assertThat(content).doesNotContain("Echoes messages back").contains("public final class EchoService");
    }
}
