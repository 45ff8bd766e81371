package io.kitex4j.codegen.internal.java;

import static io.kitex4j.codegen.internal.java.GenContext.READER;
import static io.kitex4j.codegen.internal.java.GenContext.STRUCT_CODEC;
import static io.kitex4j.codegen.internal.java.GenContext.TTYPE;
import static io.kitex4j.codegen.internal.java.GenContext.WRITER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.kitex4j.codegen.internal.java.ServiceNames.Fn;
import io.kitex4j.codegen.thrift.model.Field;
import io.kitex4j.codegen.thrift.model.FunctionDef;
import io.kitex4j.codegen.thrift.model.IdlType;
import io.kitex4j.codegen.thrift.model.ServiceDef;
import io.kitex4j.codegen.thrift.model.StructRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * One final class per service, in the shape of the hand-written {@code EchoService}: {@code Iface}
 * (blocking; declared exceptions are checked), {@code AsyncIface}, an args and a result class per
 * own function (public fields; the result has field 0 {@code success} unless void and one field
 * per declared exception), a {@code MethodDescriptor} constant per own function, {@code DESCRIPTOR}
 * with every function including inherited ones, {@code definition(Iface)} and
 * {@code definition(AsyncIface)} for servers, and a {@code Stub} for clients.
 *
 * <p>With {@code extends}, the child's interfaces extend the base's, and the child binds and
 * calls inherited functions through the base's descriptors and wrapper classes.
 */
final class ServiceGenerator {
    private static final ClassName METHOD_DESCRIPTOR = ClassName.get("io.kitex4j.service", "MethodDescriptor");
    private static final ClassName SERVICE_DESCRIPTOR = ClassName.get("io.kitex4j.service", "ServiceDescriptor");
    private static final ClassName SERVICE_DEFINITION = ClassName.get("io.kitex4j.service", "ServiceDefinition");
    private static final ClassName INTERACTION_MODE = ClassName.get("io.kitex4j.service", "InteractionMode");
    private static final ClassName PAYLOAD_KIND = ClassName.get("io.kitex4j.service", "PayloadKind");
    private static final ClassName CLIENT = ClassName.get("io.kitex4j.client", "Client");
    private static final ClassName CALL_OPTIONS = ClassName.get("io.kitex4j.client", "CallOptions");
    private static final ClassName CALLS = ClassName.get("io.kitex4j.client", "Calls");
    private static final ClassName COMPLETABLE_FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
    private static final ClassName COMPLETION_EXCEPTION = ClassName.get("java.util.concurrent", "CompletionException");

    private final GenContext ctx;
    private final Codecs codecs;

    ServiceGenerator(GenContext ctx) {
        this.ctx = ctx;
        this.codecs = new Codecs(ctx);
    }

    /** The names of {@code fn}, declared by {@code service} or one of its bases. */
    private Fn names(ServiceDef service, FunctionDef fn) {
        for (ServiceDef s : service.hierarchy()) {
            for (FunctionDef f : s.functions()) {
                if (f == fn) {
                    return ctx.names(s).fn(fn);
                }
            }
        }
        throw new IllegalArgumentException(fn.name() + " is not in " + service.name());
    }

    TypeSpec generate(ServiceDef service) {
        ServiceNames names = ctx.names(service);
        ClassName cls = names.className;
        String file = service.program().path().getFileName().toString();
        StringBuilder doc = new StringBuilder(Text.docParagraph(service.doc()));
        doc.append("Thrift service {@code ").append(Text.javadoc(service.name())).append("} (").append(Text.javadoc(file))
                .append("): interfaces, descriptors, args/result wrappers, the server binding and the client stub.\n");
        service.extendsService().ifPresent(base -> doc.append("Extends {@code ").append(Text.javadoc(base.qualifiedName()))
                .append("}: {@link Iface} and {@link AsyncIface} extend the base's, and {@link #DESCRIPTOR} includes its functions.\n"));
        TypeSpec.Builder b = TypeSpec.classBuilder(cls).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("$L", doc.toString())
                .addAnnotation(JavaGenerator.generatedAnnotation())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

        b.addType(iface(service, false));
        b.addType(iface(service, true));
        for (FunctionDef fn : service.functions()) {
            Fn n = names.fn(fn);
            b.addType(argsClass(service, n));
            b.addType(fn.oneway() ? onewayResultClass(n) : resultClass(service, n));
        }
        for (FunctionDef fn : service.functions()) {
            Fn n = names.fn(fn);
            TypeName type = ParameterizedTypeName.get(METHOD_DESCRIPTOR, n.args(), n.result());
            b.addField(FieldSpec.builder(type, n.constant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The {@code $L} method.\n", Text.javadoc(fn.name()))
                    .initializer("$T.of($L, $T.$L, $T.CODEC, $T.CODEC)", METHOD_DESCRIPTOR, Text.literal(fn.name()),
                            INTERACTION_MODE, fn.oneway() ? "ONEWAY" : "PING_PONG", n.args(), n.result())
                    .build());
        }
        CodeBlock.Builder descriptor = CodeBlock.builder()
                .add("$T.builder($L, $T.THRIFT)\n", SERVICE_DESCRIPTOR, Text.literal(service.name()), PAYLOAD_KIND)
                .indent().indent()
                .add(".packageName($L)\n", Text.literal(service.program().namespace("go").orElse(service.program().name())));
        for (FunctionDef fn : service.allFunctions()) {
            descriptor.add(".method($L)\n", constantRef(service, fn));
        }
        descriptor.add(".build()").unindent().unindent();
        b.addField(FieldSpec.builder(SERVICE_DESCRIPTOR, "DESCRIPTOR", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The service as clients and servers see it, with every function including inherited ones.\n")
                .initializer(descriptor.build())
                .build());
        b.addMethod(blockingDefinition(service));
        b.addMethod(asyncDefinition(service));
        b.addType(stub(service));
        return b.build();
    }

    /** {@code CONST} for an own function, {@code Base.CONST} for an inherited one. */
    private CodeBlock constantRef(ServiceDef service, FunctionDef fn) {
        Fn n = names(service, fn);
        return n.owner().equals(ctx.names(service).className)
                ? CodeBlock.of("$L", n.constant())
                : CodeBlock.of("$T.$L", n.owner(), n.constant());
    }

    private TypeName returnType(FunctionDef fn) {
        return fn.returnType().map(ctx::javaType).orElse(TypeName.VOID);
    }

    private TypeName asyncReturnType(FunctionDef fn) {
        TypeName t = fn.returnType().map(ctx::boxed).orElse(ClassName.get(Void.class));
        return ParameterizedTypeName.get(COMPLETABLE_FUTURE, t);
    }

    private List<ClassName> exceptionTypes(FunctionDef fn) {
        List<ClassName> types = new ArrayList<>();
        for (Field e : fn.exceptions()) {
            types.add(exceptionType(e));
        }
        return types;
    }

    private ClassName exceptionType(Field e) {
        return ctx.className(((StructRef) e.type().trueType()).definition());
    }

    private List<ParameterSpec> parameters(Fn n) {
        List<ParameterSpec> params = new ArrayList<>();
        for (Field a : n.fn().arguments()) {
            params.add(ParameterSpec.builder(ctx.javaType(a.type()), n.argField(a)).build());
        }
        return params;
    }

    private static String functionDoc(FunctionDef fn) {
        return Text.docParagraph(fn.doc());
    }

    private TypeSpec iface(ServiceDef service, boolean async) {
        String name = async ? "AsyncIface" : "Iface";
        TypeSpec.Builder b = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC)
                .addJavadoc(async
                        ? "Non-blocking interface: declared exceptions complete the future exceptionally.\n"
                        : "Blocking server-side (and client-side) interface; declared exceptions are checked.\n");
        service.extendsService().ifPresent(base -> b.addSuperinterface(ctx.names(base).className.nestedClass(name)));
        for (FunctionDef fn : service.functions()) {
            Fn n = ctx.names(service).fn(fn);
            MethodSpec.Builder m = MethodSpec.methodBuilder(n.method())
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addParameters(parameters(n))
                    .returns(async ? asyncReturnType(fn) : returnType(fn));
            String doc = functionDoc(fn);
            if (!doc.isEmpty()) {
                m.addJavadoc("$L", doc.strip() + "\n");
            }
            if (!async) {
                m.addExceptions(exceptionTypes(fn));
            }
            b.addMethod(m.build());
        }
        return b.build();
    }

    // ------------------------------------------------------------------ wrappers

    private TypeSpec argsClass(ServiceDef service, Fn n) {
        FunctionDef fn = n.fn();
        StringBuilder doc = new StringBuilder("{@code ").append(Text.javadoc(fn.name())).append("} arguments");
        for (int i = 0; i < fn.arguments().size(); i++) {
            Field a = fn.arguments().get(i);
            doc.append(i == 0 ? ": " : ", ").append("field ").append(a.id()).append(" {@code ").append(Text.javadoc(a.name())).append('}');
        }
        TypeSpec.Builder b = TypeSpec.classBuilder(n.args()).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L.\n", doc.toString());
        for (Field a : fn.arguments()) {
            b.addField(ctx.javaType(a.type()), n.argField(a), Modifier.PUBLIC);
        }
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build());
        if (!fn.arguments().isEmpty()) {
            MethodSpec.Builder all = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).addParameters(parameters(n));
            for (Field a : fn.arguments()) {
                all.addStatement("this.$L = $L", n.argField(a), n.argField(a));
            }
            b.addMethod(all.build());
        }
        List<Slot> slots = new ArrayList<>();
        for (Field a : fn.arguments()) {
            slots.add(new Slot(a.id(), a.type(), n.argField(a), a.name(), GenContext.kind(a.type()).isPrimitive()));
        }
        b.addField(wrapperCodec(n.args(), slots, false, service.name() + "." + fn.name() + " args"));
        return b.build();
    }

    private TypeSpec resultClass(ServiceDef service, Fn n) {
        FunctionDef fn = n.fn();
        StringBuilder doc = new StringBuilder("{@code ").append(Text.javadoc(fn.name())).append("} result: ");
        List<Slot> slots = new ArrayList<>();
        TypeSpec.Builder b = TypeSpec.classBuilder(n.result()).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
        if (!fn.isVoid()) {
            IdlType rt = fn.returnType().get();
            b.addField(ctx.boxed(rt), n.successField(), Modifier.PUBLIC);
            slots.add(new Slot(0, rt, n.successField(), "success", false));
            doc.append("field 0 {@code success}");
        } else {
            doc.append("void");
        }
        for (Field e : fn.exceptions()) {
            b.addField(exceptionType(e), n.exceptionField(e), Modifier.PUBLIC);
            slots.add(new Slot(e.id(), e.type(), n.exceptionField(e), e.name(), false));
            doc.append(", field ").append(e.id()).append(" {@code ").append(Text.javadoc(e.name())).append('}');
        }
        doc.append(".\n");
        if (fn.isVoid()) {
            doc.append("A result with no exception set is success.\n");
        }
        b.addJavadoc("$L", doc.toString());
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build());
        b.addField(wrapperCodec(n.result(), slots, true, service.name() + "." + fn.name() + " result"));
        return b.build();
    }

    private TypeSpec onewayResultClass(Fn n) {
        String in = ctx.in;
        String out = ctx.out;
        String type = ctx.type;
        TypeName codecType = ParameterizedTypeName.get(STRUCT_CODEC, n.result());
        MethodSpec write = MethodSpec.methodBuilder("write").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(n.result(), ctx.v).addParameter(WRITER, out)
                .addStatement("$L.writeStructBegin()", out)
                .addStatement("$L.writeFieldStop()", out)
                .addStatement("$L.writeStructEnd()", out)
                .build();
        MethodSpec read = MethodSpec.methodBuilder("read").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(n.result()).addParameter(READER, in)
                .addStatement("$L.readStructBegin()", in)
                .beginControlFlow("while (true)")
                .addStatement("byte $L = $L.readFieldBegin()", type, in)
                .beginControlFlow("if ($L == $T.STOP)", type, TTYPE).addStatement("break").endControlFlow()
                .addStatement("$L.skip($L)", in, type)
                .addStatement("$L.readFieldEnd()", in)
                .endControlFlow()
                .addStatement("$L.readStructEnd()", in)
                .addStatement("return new $T()", n.result())
                .build();
        return TypeSpec.classBuilder(n.result()).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("A oneway method has no result; this codec writes and reads an empty struct.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build())
                .addField(FieldSpec.builder(codecType, "CODEC", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$L", TypeSpec.anonymousClassBuilder("").addSuperinterface(codecType)
                                .addMethod(write).addMethod(read).build())
                        .build())
                .build();
    }

    /** A public field of an args or result wrapper. */
    private record Slot(int id, IdlType type, String field, String idlName, boolean alwaysWritten) {}

    /**
     * The codec of a wrapper: fields in id order; a primitive argument always, anything else when
     * not {@code null}. A result writes only its first non-null field (success, or one exception).
     */
    private FieldSpec wrapperCodec(ClassName cls, List<Slot> slots, boolean result, String where) {
        String v = ctx.v;
        String in = ctx.in;
        String out = ctx.out;
        String type = ctx.type;
        List<Slot> byId = slots.stream().sorted(Comparator.comparingInt(Slot::id)).toList();
        List<Slot> writeOrder = result ? slots : byId;
        CodeBlock.Builder w = CodeBlock.builder();
        w.addStatement("$L.writeStructBegin()", out);
        boolean first = true;
        for (Slot s : writeOrder) {
            CodeBlock value = CodeBlock.of("$L.$L", v, s.field());
            if (s.alwaysWritten()) {
                writeSlot(w, s, value, where);
                continue;
            }
            if (result && !first) {
                w.nextControlFlow("else if ($L != null)", value);
            } else {
                w.beginControlFlow("if ($L != null)", value);
            }
            writeSlot(w, s, value, where);
            if (!result) {
                w.endControlFlow();
            }
            first = false;
        }
        if (result && !first) {
            w.endControlFlow();
        }
        w.addStatement("$L.writeFieldStop()", out);
        w.addStatement("$L.writeStructEnd()", out);

        CodeBlock.Builder r = CodeBlock.builder();
        r.addStatement("$T $L = new $T()", cls, v, cls);
        r.addStatement("$L.readStructBegin()", in);
        r.beginControlFlow("while (true)");
        r.addStatement("byte $L = $L.readFieldBegin()", type, in);
        r.beginControlFlow("if ($L == $T.STOP)", type, TTYPE).addStatement("break").endControlFlow();
        if (byId.isEmpty()) {
            r.addStatement("$L.skip($L)", in, type);
        } else {
            r.beginControlFlow("switch ($L.fieldId())", in);
            for (Slot s : byId) {
                r.add("case $L:\n", s.id()).indent();
                r.beginControlFlow("if ($L == $T.$L)", type, TTYPE, GenContext.ttype(s.type()));
                CodeBlock value = codecs.read(r, s.type(), 0, where + "." + s.idlName());
                r.addStatement("$L.$L = $L", v, s.field(), value);
                r.nextControlFlow("else");
                r.addStatement("$L.skip($L)", in, type);
                r.endControlFlow();
                r.addStatement("break").unindent();
            }
            r.add("default:\n").indent().addStatement("$L.skip($L)", in, type).unindent();
            r.endControlFlow();
        }
        r.addStatement("$L.readFieldEnd()", in);
        r.endControlFlow();
        r.addStatement("$L.readStructEnd()", in);
        r.addStatement("return $L", v);

        TypeName codecType = ParameterizedTypeName.get(STRUCT_CODEC, cls);
        MethodSpec write = MethodSpec.methodBuilder("write").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(cls, v).addParameter(WRITER, out).addCode(w.build()).build();
        MethodSpec read = MethodSpec.methodBuilder("read").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(cls).addParameter(READER, in).addCode(r.build()).build();
        return FieldSpec.builder(codecType, "CODEC", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$L", TypeSpec.anonymousClassBuilder("").addSuperinterface(codecType)
                        .addMethod(write).addMethod(read).build())
                .build();
    }

    private void writeSlot(CodeBlock.Builder b, Slot s, CodeBlock value, String where) {
        codecs.fieldBegin(b, s.type(), s.id());
        codecs.write(b, s.type(), value, 0, where + "." + s.idlName());
        b.addStatement("$L.writeFieldEnd()", ctx.out);
    }

    // ------------------------------------------------------------------ server binding

    private CodeBlock callImpl(String impl, String args, Fn n) {
        List<CodeBlock> argExprs = new ArrayList<>();
        for (Field a : n.fn().arguments()) {
            argExprs.add(CodeBlock.of("$L.$L", args, n.argField(a)));
        }
        return CodeBlock.of("$L.$L($L)", impl, n.method(), CodeBlock.join(argExprs, ", "));
    }

    /** The distinct exception types of {@code fn} with the first result field for each, in declaration order. */
    private List<Object[]> catches(Fn n) {
        List<Object[]> list = new ArrayList<>();
        Set<ClassName> seen = new LinkedHashSet<>();
        for (Field e : n.fn().exceptions()) {
            ClassName t = exceptionType(e);
            if (seen.add(t)) {
                list.add(new Object[] {t, n.exceptionField(e)});
            }
        }
        return list;
    }

    /**
     * With exactly one function, {@code Iface} and {@code AsyncIface} are both functional
     * interfaces, so javac's {@code overloads} lint flags the two {@code definition} methods
     * (a lambda argument would be ambiguous; an implementing class is not).
     */
    private static List<com.palantir.javapoet.AnnotationSpec> overloads(ServiceDef service) {
        if (service.allFunctions().size() != 1) {
            return List.of();
        }
        return List.of(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
                .addMember("value", "$S", "overloads").build());
    }

    private MethodSpec blockingDefinition(ServiceDef service) {
        String impl = ctx.local("impl");
        String args = ctx.local("args");
        String r = ctx.local("r");
        String e = ctx.local("e");
        CodeBlock.Builder c = CodeBlock.builder()
                .add("return $T.builder(DESCRIPTOR)\n", SERVICE_DEFINITION).indent().indent();
        for (FunctionDef fn : service.allFunctions()) {
            Fn n = names(service, fn);
            c.add(".unary($L, $L -> {\n", constantRef(service, fn), args).indent();
            CodeBlock call = callImpl(impl, args, n);
            if (fn.oneway()) {
                c.addStatement("$L", call);
                c.addStatement("return null");
            } else {
                c.addStatement("$T $L = new $T()", n.result(), r, n.result());
                CodeBlock invoke = fn.isVoid() ? call : CodeBlock.of("$L.$L = $L", r, n.successField(), call);
                List<Object[]> catches = catches(n);
                if (catches.isEmpty()) {
                    c.addStatement("$L", invoke);
                } else {
                    c.beginControlFlow("try");
                    c.addStatement("$L", invoke);
                    for (Object[] x : catches) {
                        c.nextControlFlow("catch ($T $L)", x[0], e);
                        c.addStatement("$L.$L = $L", r, x[1], e);
                    }
                    c.endControlFlow();
                }
                c.addStatement("return $L", r);
            }
            c.unindent().add("})\n");
        }
        c.add(".build();\n").unindent().unindent();
        return MethodSpec.methodBuilder("definition")
                .addJavadoc("Binds a blocking implementation for a server.\n")
                .addAnnotations(overloads(service))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(SERVICE_DEFINITION)
                .addParameter(ctx.names(service).className.nestedClass("Iface"), impl)
                .addCode(c.build())
                .build();
    }

    private MethodSpec asyncDefinition(ServiceDef service) {
        String impl = ctx.local("impl");
        String args = ctx.local("args");
        String r = ctx.local("r");
        String resp = ctx.local("resp");
        String err = ctx.local("err");
        String cause = ctx.local("cause");
        CodeBlock.Builder c = CodeBlock.builder()
                .add("return $T.builder(DESCRIPTOR)\n", SERVICE_DEFINITION).indent().indent();
        for (FunctionDef fn : service.allFunctions()) {
            Fn n = names(service, fn);
            CodeBlock call = callImpl(impl, args, n);
            CodeBlock constant = constantRef(service, fn);
            if (fn.oneway()) {
                c.add(".asyncUnary($L, $L -> $L.thenApply($L -> ($T) null))\n", constant, args, call, resp, n.result());
                continue;
            }
            List<Object[]> catches = catches(n);
            if (catches.isEmpty()) {
                if (fn.isVoid()) {
                    c.add(".asyncUnary($L, $L -> $L.thenApply($L -> new $T()))\n", constant, args, call, resp, n.result());
                } else {
                    c.add(".asyncUnary($L, $L -> $L.thenApply($L -> {\n", constant, args, call, resp).indent();
                    c.addStatement("$T $L = new $T()", n.result(), r, n.result());
                    c.addStatement("$L.$L = $L", r, n.successField(), resp);
                    c.addStatement("return $L", r);
                    c.unindent().add("}))\n");
                }
                continue;
            }
            c.add(".asyncUnary($L, $L -> $L.handle(($L, $L) -> {\n", constant, args, call, resp, err).indent();
            c.addStatement("$T $L = new $T()", n.result(), r, n.result());
            c.addStatement("$T $L = $L instanceof $T && $L.getCause() != null ? $L.getCause() : $L",
                    Throwable.class, cause, err, COMPLETION_EXCEPTION, err, err, err);
            boolean first = true;
            for (Object[] x : catches) {
                if (first) {
                    c.beginControlFlow("if ($L instanceof $T)", cause, x[0]);
                    first = false;
                } else {
                    c.nextControlFlow("else if ($L instanceof $T)", cause, x[0]);
                }
                c.addStatement("$L.$L = ($T) $L", r, x[1], x[0], cause);
            }
            c.nextControlFlow("else if ($L != null)", cause);
            c.addStatement("throw $T.rethrow($L)", CALLS, cause);
            if (!fn.isVoid()) {
                c.nextControlFlow("else");
                c.addStatement("$L.$L = $L", r, n.successField(), resp);
            }
            c.endControlFlow();
            c.addStatement("return $L", r);
            c.unindent().add("}))\n");
        }
        c.add(".build();\n").unindent().unindent();
        return MethodSpec.methodBuilder("definition")
                .addJavadoc("Binds a non-blocking implementation for a server.\n")
                .addAnnotations(overloads(service))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(SERVICE_DEFINITION)
                .addParameter(ctx.names(service).className.nestedClass("AsyncIface"), impl)
                .addCode(c.build())
                .build();
    }

    // ------------------------------------------------------------------ client stub

    private TypeSpec stub(ServiceDef service) {
        ClassName cls = ctx.names(service).className;
        ClassName stub = cls.nestedClass("Stub");
        String client = ctx.local("client");
        String options = ctx.local("options");
        TypeSpec.Builder b = TypeSpec.classBuilder("Stub").addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(cls.nestedClass("Iface"))
                .addJavadoc("The client stub over a {@link $T} built for {@link #DESCRIPTOR}. Thread-safe.\n", CLIENT)
                .addField(CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL)
                .addField(CALL_OPTIONS, "options", Modifier.PRIVATE, Modifier.FINAL);
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("A stub whose calls use {@link $T#DEFAULT}.\n", CALL_OPTIONS)
                .addParameter(CLIENT, client)
                .addStatement("this($L, $T.DEFAULT)", client, CALL_OPTIONS)
                .build());
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("A stub whose calls use {@code options}.\n")
                .addParameter(CLIENT, client)
                .addParameter(CALL_OPTIONS, options)
                .beginControlFlow("if ($L.service() != DESCRIPTOR)", client)
                .addStatement("throw new $T($S + $L.service().serviceName() + $L)", IllegalArgumentException.class,
                        "client was built for ", client, Text.literal(", not " + service.name()))
                .endControlFlow()
                .addStatement("this.client = $L", client)
                .addStatement("this.options = $L", options)
                .build());
        b.addMethod(MethodSpec.methodBuilder("withOptions")
                .addJavadoc("A stub whose calls use {@code options}.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(stub)
                .addParameter(CALL_OPTIONS, options)
                .addStatement("return new $T(this.client, $L)", stub, options)
                .build());
        Names.Scope methods = new Names.Scope().reserve("withOptions");
        for (FunctionDef fn : service.allFunctions()) {
            methods.reserve(names(service, fn).method());
        }
        for (FunctionDef fn : service.allFunctions()) {
            Fn n = names(service, fn);
            b.addMethod(syncCall(service, n));
            // From the IDL name, so an escaped method (toString_, notify_) gets toStringAsync, notifyAsync.
            b.addMethod(asyncCall(service, n, methods.allocate(Names.escape(fn.name() + "Async"))));
        }
        return b.build();
    }

    private CodeBlock invoke(ServiceDef service, Fn n) {
        List<CodeBlock> argExprs = new ArrayList<>();
        for (Field a : n.fn().arguments()) {
            argExprs.add(CodeBlock.of("$L", n.argField(a)));
        }
        return CodeBlock.of("this.client.invoke($L, new $T($L), this.options)",
                constantRef(service, n.fn()), n.args(), CodeBlock.join(argExprs, ", "));
    }

    private MethodSpec syncCall(ServiceDef service, Fn n) {
        FunctionDef fn = n.fn();
        Names.Scope locals = ctx.scope();
        n.argFields().forEach(locals::reserve);
        String r = locals.allocate("r");
        MethodSpec.Builder m = MethodSpec.methodBuilder(n.method())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returnType(fn))
                .addParameters(parameters(n))
                .addExceptions(exceptionTypes(fn));
        if (fn.oneway()) {
            return m.addStatement("$T.await($L)", CALLS, invoke(service, n)).build();
        }
        m.addStatement("$T $L = $T.await($L)", n.result(), r, CALLS, invoke(service, n));
        if (!fn.isVoid()) {
            m.beginControlFlow("if ($L.$L != null)", r, n.successField())
                    .addStatement("return $L.$L", r, n.successField())
                    .endControlFlow();
        }
        for (Field e : fn.exceptions()) {
            m.beginControlFlow("if ($L.$L != null)", r, n.exceptionField(e))
                    .addStatement("throw $L.$L", r, n.exceptionField(e))
                    .endControlFlow();
        }
        if (!fn.isVoid()) {
            m.addStatement("throw $T.missingResult($L)", CALLS, Text.literal(fn.name()));
        }
        return m.build();
    }

    private MethodSpec asyncCall(ServiceDef service, Fn n, String name) {
        FunctionDef fn = n.fn();
        Names.Scope locals = ctx.scope();
        n.argFields().forEach(locals::reserve);
        String r = locals.allocate("r");
        MethodSpec.Builder m = MethodSpec.methodBuilder(name)
                .addJavadoc(fn.exceptions().isEmpty()
                        ? "{@code $L} without blocking.\n"
                        : "{@code $L} without blocking; a declared exception completes the future exceptionally.\n",
                        Text.javadoc(fn.name()))
                .addModifiers(Modifier.PUBLIC)
                .returns(asyncReturnType(fn))
                .addParameters(parameters(n));
        if (fn.oneway() || (fn.isVoid() && fn.exceptions().isEmpty())) {
            return m.addStatement("return $L.thenApply($L -> null)", invoke(service, n), r).build();
        }
        CodeBlock.Builder body = CodeBlock.builder();
        if (!fn.isVoid()) {
            body.beginControlFlow("if ($L.$L != null)", r, n.successField())
                    .addStatement("return $L.$L", r, n.successField())
                    .endControlFlow();
        }
        for (Field e : fn.exceptions()) {
            body.beginControlFlow("if ($L.$L != null)", r, n.exceptionField(e))
                    .addStatement("throw new $T($L.$L)", COMPLETION_EXCEPTION, r, n.exceptionField(e))
                    .endControlFlow();
        }
        if (fn.isVoid()) {
            body.addStatement("return null");
        } else {
            body.addStatement("throw $T.missingResult($L)", CALLS, Text.literal(fn.name()));
        }
        return m.addCode("return $L.thenApply($L -> {\n", invoke(service, n), r)
                .addCode(CodeBlock.builder().indent().add(body.build()).unindent().build())
                .addCode("});\n")
                .build();
    }
}
