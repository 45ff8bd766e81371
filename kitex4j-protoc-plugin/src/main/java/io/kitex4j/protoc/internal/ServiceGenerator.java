package io.kitex4j.protoc.internal;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Generates the class of one proto service: per method a {@code MethodDescriptor} constant,
 * {@code DESCRIPTOR}, the server interfaces {@code Iface} (blocking) and {@code AsyncIface}
 * (non-blocking) whose methods default to failing with {@code UNIMPLEMENTED},
 * {@code definition(Iface)} and {@code definition(AsyncIface)} binding them to a
 * {@code ServiceDefinition}, and the client {@code Stub}. The shapes per method kind:
 *
 * <pre>
 * kind              Iface                                 AsyncIface                              Stub
 * unary             Resp m(Req)                           CompletableFuture&lt;Resp&gt; m(Req)          Resp m(Req), CompletableFuture&lt;Resp&gt; mAsync(Req)
 * client streaming  Resp m(StreamReader&lt;Req&gt;)             CompletableFuture&lt;Resp&gt; m(StreamReader)  ClientStream&lt;Req, Resp&gt; m()
 * server streaming  void m(Req, StreamWriter&lt;Resp&gt;)       CompletableFuture&lt;Void&gt; m(Req, Writer)   ClientStream&lt;Req, Resp&gt; m(Req)
 * bidi streaming    void m(ServerStream&lt;Req, Resp&gt;)       CompletableFuture&lt;Void&gt; m(ServerStream)  ClientStream&lt;Req, Resp&gt; m()
 * </pre>
 */
final class ServiceGenerator {
    /** The value of the {@code @Generated} annotation on generated types. */
    static final String GENERATOR_NAME = "io.kitex4j.protoc";

    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final ClassName METHOD_DESCRIPTOR = ClassName.get("io.kitex4j.service", "MethodDescriptor");
    private static final ClassName SERVICE_DESCRIPTOR = ClassName.get("io.kitex4j.service", "ServiceDescriptor");
    private static final ClassName SERVICE_DEFINITION = ClassName.get("io.kitex4j.service", "ServiceDefinition");
    private static final ClassName INTERACTION_MODE = ClassName.get("io.kitex4j.service", "InteractionMode");
    private static final ClassName PAYLOAD_KIND = ClassName.get("io.kitex4j.service", "PayloadKind");
    private static final ClassName SERVER_STREAM = ClassName.get("io.kitex4j.streaming", "ServerStream");
    private static final ClassName STREAM_READER = ClassName.get("io.kitex4j.streaming", "StreamReader");
    private static final ClassName STREAM_WRITER = ClassName.get("io.kitex4j.streaming", "StreamWriter");
    private static final ClassName CLIENT_STREAM = ClassName.get("io.kitex4j.streaming", "ClientStream");
    private static final ClassName STATUS_EXCEPTION = ClassName.get("io.kitex4j.errors", "StatusException");
    private static final ClassName STATUS_CODE = ClassName.get("io.kitex4j.errors", "StatusCode");
    private static final ClassName CLIENT = ClassName.get("io.kitex4j.client", "Client");
    private static final ClassName CALL_OPTIONS = ClassName.get("io.kitex4j.client", "CallOptions");
    private static final ClassName CALLS = ClassName.get("io.kitex4j.client", "Calls");
    private static final ClassName PROTOBUF_CODEC = ClassName.get("io.kitex4j.protobuf", "ProtobufCodec");
    private static final ClassName COMPLETABLE_FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
    private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    private static final ClassName VOID = ClassName.get("java.lang", "Void");

    /** java.lang types the generated code names: a class of the same simple name in the package forces qualification. */
    private static final Set<String> JAVA_LANG_USED = Set.of(
            "String", "Void", "Deprecated", "SuppressWarnings", "IllegalArgumentException", "Object");

    /** SourceCodeInfo paths: FileDescriptorProto.service = 6, ServiceDescriptorProto.method = 2. */
    private static final int FILE_SERVICE = 6;
    private static final int SERVICE_METHOD = 2;

    /** The four method kinds. */
    enum Kind {
        UNARY("PING_PONG", "unary"),
        CLIENT_STREAMING("CLIENT_STREAMING", "client streaming"),
        SERVER_STREAMING("SERVER_STREAMING", "server streaming"),
        BIDI_STREAMING("BIDI_STREAMING", "bidirectional streaming");

        final String mode;
        final String description;

        Kind(String mode, String description) {
            this.mode = mode;
            this.description = description;
        }

        static Kind of(MethodDescriptorProto m) {
            if (m.getClientStreaming()) {
                return m.getServerStreaming() ? BIDI_STREAMING : CLIENT_STREAMING;
            }
            return m.getServerStreaming() ? SERVER_STREAMING : UNARY;
        }
    }

    /** One method with its Java names. */
    record Method(MethodDescriptorProto proto, Kind kind, ClassName request, ClassName response, String javaName,
                  String asyncName, String constant, String doc, boolean deprecated) {
        String wireName() {
            return proto.getName();
        }
    }

    /** A generated file: its path under the output directory and its content. */
    record Output(String path, String content) {}

    private final JavaTypes types;
    private final Options options;

    ServiceGenerator(JavaTypes types, Options options) {
        this.types = types;
        this.options = options;
    }

    /**
     * The Java class name of service {@code s} of {@code file} (see {@link Names#typeName}), in the
     * package {@code service_package} names, else in the file's Java package.
     */
    ClassName className(FileDescriptorProto file, ServiceDescriptorProto s) {
        return ClassName.get(options.servicePackage(file), Names.typeName(s.getName()));
    }

    /** A nested type's name: {@code name}, or {@code name_} in a service class of that name (Java forbids it). */
    private static String nestedName(ClassName cls, String name) {
        return cls.simpleName().equals(name) ? name + "_" : name;
    }

    Output generate(FileDescriptorProto file, int serviceIndex) throws GeneratorException {
        ServiceDescriptorProto service = file.getService(serviceIndex);
        ClassName cls = className(file, service);
        Map<List<Integer>, SourceCodeInfo.Location> comments = comments(file);
        List<Method> methods = methods(file, serviceIndex, comments);
        String fullName = file.getPackage().isEmpty() ? service.getName() : file.getPackage() + "." + service.getName();

        Names.Scope helperScope = new Names.Scope().reserve(Names.OBJECT_METHODS);
        methods.forEach(m -> helperScope.reserve(m.javaName()));
        String unimplemented = helperScope.allocate("unimplemented");

        boolean deprecatedTypes = methods.stream().anyMatch(m -> types.message(m.proto().getInputType()).orElseThrow().deprecated()
                || types.message(m.proto().getOutputType()).orElseThrow().deprecated());

        String iface = nestedName(cls, "Iface");
        String asyncIface = nestedName(cls, "AsyncIface");
        String stubName = nestedName(cls, "Stub");
        StringBuilder doc = new StringBuilder();
        if (options.javadoc()) {
            String c = comment(comments, List.of(FILE_SERVICE, serviceIndex));
            if (!c.isEmpty()) {
                doc.append(c).append("\n<p>");
            }
        }
        doc.append("Kitex4j service {@code ").append(Text.javadoc(fullName)).append("} from {@code ")
                .append(Text.javadoc(file.getName())).append("}: a {@code MethodDescriptor} per method,\n")
                .append("{@link #DESCRIPTOR}, the server interfaces {@link ").append(iface).append("} (blocking) and {@link ")
                .append(asyncIface).append("}\n(non-blocking) with {@link #definition(").append(iface).append(")} and {@link #definition(")
                .append(asyncIface).append(")} to serve them, and\nthe client {@link ").append(stubName)
                .append("}. The messages are the classes protoc's {@code java_out} generates.\n");

        TypeSpec.Builder b = TypeSpec.classBuilder(cls).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("$L", doc.toString());
        if (options.generatedAnnotation()) {
            b.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR_NAME).build());
        }
        if (service.getOptions().getDeprecated()) {
            b.addAnnotation(Deprecated.class);
        }
        if (deprecatedTypes) {
            b.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "deprecation").build());
        }

        for (Method m : methods) {
            FieldSpec.Builder f = FieldSpec.builder(ParameterizedTypeName.get(METHOD_DESCRIPTOR, m.request(), m.response()),
                            m.constant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The {@code $L} method ($L, {@code /$L/$L}).\n", Text.javadoc(m.wireName()),
                            m.kind().description, Text.javadoc(fullName), Text.javadoc(m.wireName()))
                    .initializer("$T.of($L, $T.$L,\n$>$>$T.of($T.getDefaultInstance()), $T.of($T.getDefaultInstance()))$<$<",
                            METHOD_DESCRIPTOR, Text.literal(m.wireName()), INTERACTION_MODE, m.kind().mode,
                            PROTOBUF_CODEC, m.request(), PROTOBUF_CODEC, m.response());
            if (m.deprecated()) {
                f.addAnnotation(Deprecated.class);
            }
            b.addField(f.build());
        }
        CodeBlock.Builder descriptor = CodeBlock.builder()
                .add("$T.builder($L, $T.PROTOBUF)\n", SERVICE_DESCRIPTOR, Text.literal(service.getName()), PAYLOAD_KIND)
                .indent().indent()
                .add(".packageName($L)\n", Text.literal(file.getPackage()));
        for (Method m : methods) {
            descriptor.add(".method($L)\n", m.constant());
        }
        descriptor.add(".build()").unindent().unindent();
        b.addField(FieldSpec.builder(SERVICE_DESCRIPTOR, "DESCRIPTOR", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The service as clients and servers see it: {@code $L} in package {@code $L}, protobuf payloads.\n",
                        Text.javadoc(service.getName()), file.getPackage().isEmpty() ? "\"\"" : Text.javadoc(file.getPackage()))
                .initializer(descriptor.build())
                .build());

        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        b.addType(iface(cls, iface, methods, false, unimplemented));
        b.addType(iface(cls, asyncIface, methods, true, unimplemented));
        b.addMethod(blockingDefinition(cls.nestedClass(iface), methods));
        b.addMethod(asyncDefinition(cls.nestedClass(asyncIface), methods));
        b.addType(stub(cls, stubName, service, methods));
        b.addMethod(MethodSpec.methodBuilder(unimplemented)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(STATUS_EXCEPTION)
                .addParameter(String.class, "method")
                .addStatement("return new $T($T.UNIMPLEMENTED, $L + method + $S)", STATUS_EXCEPTION, STATUS_CODE,
                        Text.literal("Method " + fullName + "/"), " is unimplemented")
                .build());

        TypeSpec type = b.build();
        String pkg = cls.packageName();
        String[] qualify = javaLangClashes(pkg, cls.simpleName(), List.of(iface, asyncIface, stubName));
        if (qualify.length > 0) {
            type = type.toBuilder().alwaysQualify(qualify).build();
        }
        JavaFile javaFile = JavaFile.builder(pkg, type)
                .addFileComment("Code generated by kitex4j from $L. DO NOT EDIT.", file.getName())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        String path = pkg.isEmpty() ? cls.simpleName() + ".java" : pkg.replace('.', '/') + "/" + cls.simpleName() + ".java";
        return new Output(path, javaFile.toString());
    }

    /** The java.lang names used by generated code that a class of the same package would shadow. */
    private String[] javaLangClashes(String pkg, String self, List<String> nested) {
        Set<String> inPackage = new TreeSet<>(types.topLevelClasses(pkg));
        inPackage.add(self);
        inPackage.addAll(nested);
        return inPackage.stream().filter(JAVA_LANG_USED::contains).sorted().toArray(String[]::new);
    }

    /** The methods of the service with their types and Java names, in declaration order. */
    private List<Method> methods(FileDescriptorProto file, int serviceIndex,
                                 Map<List<Integer>, SourceCodeInfo.Location> comments) throws GeneratorException {
        ServiceDescriptorProto service = file.getService(serviceIndex);
        Names.Scope javaNames = new Names.Scope().reserve(Names.OBJECT_METHODS).reserve("withOptions");
        Names.Scope constants = new Names.Scope().reserve("DESCRIPTOR");
        List<String> javaNameList = new ArrayList<>();
        List<String> constantList = new ArrayList<>();
        for (MethodDescriptorProto m : service.getMethodList()) {
            javaNameList.add(javaNames.allocate(Names.escape(Names.lowerCamel(m.getName()))));
            constantList.add(constants.allocate(Names.upperSnake(m.getName())));
        }
        List<Method> methods = new ArrayList<>();
        for (int i = 0; i < service.getMethodCount(); i++) {
            MethodDescriptorProto m = service.getMethod(i);
            Kind kind = Kind.of(m);
            String asyncName = kind == Kind.UNARY ? javaNames.allocate(Names.escape(Names.lowerCamel(m.getName()) + "Async")) : null;
            String doc = options.javadoc() ? comment(comments, List.of(FILE_SERVICE, serviceIndex, SERVICE_METHOD, i)) : "";
            methods.add(new Method(m, kind, messageClass(file, service, m, m.getInputType()),
                    messageClass(file, service, m, m.getOutputType()), javaNameList.get(i), asyncName,
                    constantList.get(i), doc, m.getOptions().getDeprecated()));
        }
        return methods;
    }

    private ClassName messageClass(FileDescriptorProto file, ServiceDescriptorProto service, MethodDescriptorProto m,
                                   String protoType) throws GeneratorException {
        ClassName cls = types.message(protoType).map(JavaTypes.Message::className).orElseThrow(() -> new GeneratorException(
                file.getName() + ": " + service.getName() + "." + m.getName() + ": message type '" + protoType
                        + "' is not defined in the files of the request"));
        String servicePackage = options.servicePackage(file);
        if (cls.packageName().isEmpty() && !servicePackage.isEmpty()) {
            throw new GeneratorException(file.getName() + ": " + service.getName() + "." + m.getName() + ": message "
                    + protoType.substring(1) + " is class " + cls.canonicalName() + " of the unnamed package, which the service"
                    + " class in package " + servicePackage + " (" + Options.SERVICE_PACKAGE + ") cannot use; give its file"
                    + " a package or java_package, or leave out " + Options.SERVICE_PACKAGE);
        }
        return cls;
    }

    private static Map<List<Integer>, SourceCodeInfo.Location> comments(FileDescriptorProto file) {
        Map<List<Integer>, SourceCodeInfo.Location> byPath = new HashMap<>();
        for (SourceCodeInfo.Location l : file.getSourceCodeInfo().getLocationList()) {
            if (l.hasLeadingComments()) {
                byPath.putIfAbsent(List.copyOf(l.getPathList()), l);
            }
        }
        return byPath;
    }

    private static String comment(Map<List<Integer>, SourceCodeInfo.Location> comments, List<Integer> path) {
        SourceCodeInfo.Location l = comments.get(path);
        return l == null ? "" : Text.comment(l.getLeadingComments());
    }

    private static TypeName future(TypeName t) {
        return ParameterizedTypeName.get(COMPLETABLE_FUTURE, t);
    }

    /** {@code Iface} or {@code AsyncIface}: a default method per proto method that fails with UNIMPLEMENTED. */
    private TypeSpec iface(ClassName cls, String name, List<Method> methods, boolean async, String unimplemented) {
        TypeSpec.Builder b = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC)
                .addJavadoc(async
                        ? "Non-blocking server interface: each method returns at once with a future that completes when the\n"
                                + "call is done (exceptionally to fail it, e.g. with a {@link $T}). Every method has a default\n"
                                + "that fails with {@code UNIMPLEMENTED}, as grpc-java's {@code AsyncService} does, so implement\n"
                                + "only what you serve. Serve it with {@link $T#definition($L)}.\n"
                        : "Blocking server interface: a method returns the response or throws (a {@link $T} chooses the\n"
                                + "status the caller sees). Every method has a default that fails with {@code UNIMPLEMENTED}, as\n"
                                + "grpc-java's {@code AsyncService} does, so implement only what you serve. Serve it with\n"
                                + "{@link $T#definition($L)}.\n", STATUS_EXCEPTION, cls, name);
        for (Method m : methods) {
            MethodSpec.Builder mb = MethodSpec.methodBuilder(m.javaName()).addModifiers(Modifier.PUBLIC, Modifier.DEFAULT);
            StringBuilder doc = new StringBuilder(m.doc());
            if (!doc.isEmpty()) {
                doc.append("\n<p>");
            }
            TypeName req = m.request();
            TypeName resp = m.response();
            switch (m.kind()) {
                case UNARY -> {
                    mb.addParameter(req, "request").returns(async ? future(resp) : resp);
                    doc.append("{@code ").append(Text.javadoc(m.wireName())).append("}, unary: ")
                            .append(async ? "completes with the response.\n" : "returns the response.\n");
                }
                case CLIENT_STREAMING -> {
                    mb.addParameter(ParameterizedTypeName.get(STREAM_READER, req), "requests").returns(async ? future(resp) : resp);
                    doc.append("{@code ").append(Text.javadoc(m.wireName())).append("}, client streaming: reads the requests ")
                            .append("until {@code null} (the client's end),\n")
                            .append(async ? "then completes with the one response.\n" : "then returns the one response.\n");
                }
                case SERVER_STREAMING -> {
                    mb.addParameter(req, "request").addParameter(ParameterizedTypeName.get(STREAM_WRITER, resp), "responses")
                            .returns(async ? future(VOID) : TypeName.VOID);
                    doc.append("{@code ").append(Text.javadoc(m.wireName())).append("}, server streaming: writes the responses; ")
                            .append(async ? "the call ends when the future completes.\n" : "the call ends when it returns.\n");
                }
                case BIDI_STREAMING -> {
                    mb.addParameter(ParameterizedTypeName.get(SERVER_STREAM, req, resp), "stream")
                            .returns(async ? future(VOID) : TypeName.VOID);
                    doc.append("{@code ").append(Text.javadoc(m.wireName())).append("}, bidirectional streaming: reads requests ")
                            .append("and writes responses in any order;\n")
                            .append(async ? "the call ends when the future completes.\n" : "the call ends when it returns.\n");
                }
            }
            mb.addJavadoc("$L", doc.toString());
            if (m.deprecated()) {
                mb.addAnnotation(Deprecated.class);
            }
            if (async) {
                mb.addStatement("return $T.failedFuture($L($L))", COMPLETABLE_FUTURE, unimplemented, Text.literal(m.wireName()));
            } else {
                mb.addStatement("throw $L($L)", unimplemented, Text.literal(m.wireName()));
            }
            b.addMethod(mb.build());
        }
        return b.build();
    }

    private static CodeBlock noRequest(Method m) {
        return CodeBlock.of("new $T($T.INTERNAL, $L)", STATUS_EXCEPTION, STATUS_CODE,
                Text.literal(m.wireName() + ": the client sent no request"));
    }

    private MethodSpec blockingDefinition(ClassName iface, List<Method> methods) {
        CodeBlock.Builder body = CodeBlock.builder()
                .add("$T.requireNonNull(impl, $S);\n", OBJECTS, "impl")
                .add("return $T.builder(DESCRIPTOR)\n", SERVICE_DEFINITION)
                .indent().indent();
        for (Method m : methods) {
            switch (m.kind()) {
                case UNARY -> body.add(".unary($L, impl::$L)\n", m.constant(), m.javaName());
                case CLIENT_STREAMING -> body.add(".stream($L, s -> s.send(impl.$L(s)))\n", m.constant(), m.javaName());
                case SERVER_STREAMING -> body.add(".stream($L, s -> {\n", m.constant()).indent()
                        .addStatement("$T r = s.recv()", m.request())
                        .beginControlFlow("if (r == null)")
                        .addStatement("throw $L", noRequest(m))
                        .endControlFlow()
                        .addStatement("impl.$L(r, s)", m.javaName())
                        .unindent().add("})\n");
                case BIDI_STREAMING -> body.add(".stream($L, impl::$L)\n", m.constant(), m.javaName());
            }
        }
        body.add(".build();\n").unindent().unindent();
        return MethodSpec.methodBuilder("definition")
                .addJavadoc("The server binding of a blocking implementation: pass it to the server builder's {@code service(...)}.\n"
                        + "Handlers run on the server's handler executor (virtual threads on Java 21+).\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(SERVICE_DEFINITION)
                .addParameter(iface, "impl")
                .addCode(body.build())
                .build();
    }

    private MethodSpec asyncDefinition(ClassName asyncIface, List<Method> methods) {
        CodeBlock.Builder body = CodeBlock.builder()
                .add("$T.requireNonNull(impl, $S);\n", OBJECTS, "impl")
                .add("return $T.builder(DESCRIPTOR)\n", SERVICE_DEFINITION)
                .indent().indent();
        for (Method m : methods) {
            switch (m.kind()) {
                case UNARY -> body.add(".asyncUnary($L, impl::$L)\n", m.constant(), m.javaName());
                case CLIENT_STREAMING -> body.add(".asyncStream($L, s -> impl.$L(s).thenCompose(s::sendAsync))\n",
                        m.constant(), m.javaName());
                case SERVER_STREAMING -> body.add(".asyncStream($L, s -> s.recvAsync().thenCompose(r -> r == null\n", m.constant())
                        .indent().indent()
                        .add("? $T.<$T>failedFuture($L)\n", COMPLETABLE_FUTURE, VOID, noRequest(m))
                        .add(": impl.$L(r, s)))\n", m.javaName())
                        .unindent().unindent();
                case BIDI_STREAMING -> body.add(".asyncStream($L, impl::$L)\n", m.constant(), m.javaName());
            }
        }
        body.add(".build();\n").unindent().unindent();
        return MethodSpec.methodBuilder("definition")
                .addJavadoc("The server binding of a non-blocking implementation: pass it to the server builder's\n"
                        + "{@code service(...)}. Its methods must not block.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(SERVICE_DEFINITION)
                .addParameter(asyncIface, "impl")
                .addCode(body.build())
                .build();
    }

    private TypeSpec stub(ClassName cls, String stubName, ServiceDescriptorProto service, List<Method> methods) {
        ClassName stub = cls.nestedClass(stubName);
        TypeSpec.Builder b = TypeSpec.classBuilder(stubName).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The client stub over a {@link $T} built for {@link $T#DESCRIPTOR}. Thread-safe.\n"
                        + "\n<p>Unary methods have a blocking form and an {@code Async} form returning a future. Streaming\n"
                        + "methods return a {@link $T} at once (it opens in the background): client streaming:\n"
                        + "{@code send} the requests, then {@code closeAndRecv()}; server streaming: the request is sent,\n"
                        + "{@code recv()} until {@code null}; bidirectional: {@code send}, {@code recv()} in any order and\n"
                        + "{@code closeSend()} when done.\n", CLIENT, cls, CLIENT_STREAM)
                .addField(CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL)
                .addField(CALL_OPTIONS, "options", Modifier.PRIVATE, Modifier.FINAL);
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("A stub whose calls use {@link $T#DEFAULT}.\n", CALL_OPTIONS)
                .addParameter(CLIENT, "client")
                .addStatement("this(client, $T.DEFAULT)", CALL_OPTIONS)
                .build());
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("A stub whose calls use {@code options}.\n")
                .addParameter(CLIENT, "client")
                .addParameter(CALL_OPTIONS, "options")
                .beginControlFlow("if (client.service() != DESCRIPTOR)")
                .addStatement("throw new $T($S + client.service().serviceName() + $L)", IllegalArgumentException.class,
                        "client was built for ", Text.literal(", not " + service.getName()))
                .endControlFlow()
                .addStatement("this.client = client")
                .addStatement("this.options = $T.requireNonNull(options, $S)", OBJECTS, "options")
                .build());
        b.addMethod(MethodSpec.methodBuilder("withOptions")
                .addJavadoc("A stub whose calls use {@code options}.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(stub)
                .addParameter(CALL_OPTIONS, "options")
                .addStatement("return new $T(this.client, options)", stub)
                .build());
        for (Method m : methods) {
            TypeName stream = ParameterizedTypeName.get(CLIENT_STREAM, m.request(), m.response());
            String doc = m.doc().isEmpty() ? "" : m.doc() + "\n<p>";
            String name = Text.javadoc(m.wireName());
            switch (m.kind()) {
                case UNARY -> {
                    b.addMethod(deprecated(m, MethodSpec.methodBuilder(m.javaName()).addModifiers(Modifier.PUBLIC)
                            .addJavadoc("$LCalls {@code $L} and waits for the response; the call's failure is thrown.\n", doc, name)
                            .addParameter(m.request(), "request")
                            .returns(m.response())
                            .addStatement("return $T.await(this.client.invoke($L, request, this.options))", CALLS, m.constant())));
                    b.addMethod(deprecated(m, MethodSpec.methodBuilder(m.asyncName()).addModifiers(Modifier.PUBLIC)
                            .addJavadoc("$LCalls {@code $L}; the future completes with the response or the call's failure.\n", doc, name)
                            .addParameter(m.request(), "request")
                            .returns(future(m.response()))
                            .addStatement("return this.client.invoke($L, request, this.options)", m.constant())));
                }
                case CLIENT_STREAMING -> b.addMethod(deprecated(m, MethodSpec.methodBuilder(m.javaName()).addModifiers(Modifier.PUBLIC)
                        .addJavadoc("$LStarts {@code $L} (client streaming): {@code send} the requests, then\n"
                                + "{@code closeAndRecv()} for the response.\n", doc, name)
                        .returns(stream)
                        .addStatement("return this.client.openStream($L, this.options)", m.constant())));
                case SERVER_STREAMING -> b.addMethod(deprecated(m, MethodSpec.methodBuilder(m.javaName()).addModifiers(Modifier.PUBLIC)
                        .addJavadoc("$LStarts {@code $L} (server streaming) with {@code request} (sent, then the request side\n"
                                + "is closed): {@code recv()} the responses until {@code null}. A failure to send cancels the call.\n",
                                doc, name)
                        .addParameter(m.request(), "request")
                        .returns(stream)
                        .addStatement("$T.requireNonNull(request, $S)", OBJECTS, "request")
                        .addStatement("$T s = this.client.openStream($L, this.options)", stream, m.constant())
                        // closeSend only after the send: dependents of one future may run in any order.
                        .addCode("s.sendAsync(request).thenCompose(v -> s.closeSendAsync()).whenComplete((v, e) -> {\n")
                        .addCode("$>")
                        .beginControlFlow("if (e != null)")
                        .addStatement("s.cancel(e)")
                        .endControlFlow()
                        .addCode("$<});\n")
                        .addStatement("return s")));
                case BIDI_STREAMING -> b.addMethod(deprecated(m, MethodSpec.methodBuilder(m.javaName()).addModifiers(Modifier.PUBLIC)
                        .addJavadoc("$LStarts {@code $L} (bidirectional streaming): {@code send} and {@code recv()} in any\n"
                                + "order, {@code closeSend()} when done sending.\n", doc, name)
                        .returns(stream)
                        .addStatement("return this.client.openStream($L, this.options)", m.constant())));
            }
        }
        return b.build();
    }

    private static MethodSpec deprecated(Method m, MethodSpec.Builder b) {
        if (m.deprecated()) {
            b.addAnnotation(Deprecated.class);
        }
        return b.build();
    }
}
