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
 *
 * <p><b>Enums.</b> An args or result field of enum type is a private {@code Integer} (the number;
 * {@code null}: unset) behind the accessors struct fields have ({@code getX()}, {@code getXValue()},
 * {@code setX(E)}, {@code setXValue(int)}, {@code isSetX()}, {@code unsetX()}), so an unknown
 * number survives decoding and re-encoding; other fields stay public. {@code Iface} and
 * {@code AsyncIface} keep enum-typed methods; a function with an enum argument or result also
 * gets a default {@code <method>Raw} method with {@code Integer} in place of each enum
 * ({@code null}: absent), which the server binding calls and which, by default, maps numbers to
 * constants ({@code null} when unknown) and calls the enum method. A handler that must see or
 * echo unknown numbers overrides the raw method. The stub's enum method delegates to its raw
 * method (an unknown result number gives {@code null}); the raw method sends and returns numbers
 * as they are, and {@code <raw>Async} is its non-blocking form. Raw method names avoid every
 * method of the hierarchy ({@code echo} next to a function {@code echoRaw} gets {@code echoRaw_}).
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
    private static final ClassName INTEGER = ClassName.get(Integer.class);
    /** The accessor stem of an enum {@code success} in a result class. */
    private static final String SUCCESS_PROP = "Success";

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
        if (service.functions().stream().anyMatch(fn -> names.fn(fn).raw() != null)) {
            doc.append("\n<p>A function with an enum argument or result also has a {@code <method>Raw} method that takes and\n"
                    + "returns the enum values as their numbers ({@code Integer}, {@code null} when absent), so numbers the\n"
                    + "enum does not define pass through: the server binding calls it (by default it calls the enum method,\n"
                    + "which receives {@code null} for an unknown number; override it to receive or echo such numbers), and\n"
                    + "the stub implements it by sending and returning the numbers unchanged. The args and result classes\n"
                    + "keep an enum field's number ({@code getXValue()}) as struct fields do.\n");
        }
        List<IdlType> signatureTypes = new ArrayList<>();
        for (FunctionDef fn : service.functions()) {
            fn.arguments().forEach(a -> signatureTypes.add(a.type()));
            fn.returnType().ifPresent(signatureTypes::add);
        }
        doc.append(StructGenerator.containerNotes(ctx, signatureTypes));
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

    /** The parameters of the raw-number method: {@code Integer} for an enum argument ({@code null}: absent). */
    private List<ParameterSpec> rawParameters(Fn n) {
        List<ParameterSpec> params = new ArrayList<>();
        for (Field a : n.fn().arguments()) {
            TypeName t = Fn.isEnum(a) ? INTEGER : ctx.javaType(a.type());
            params.add(ParameterSpec.builder(t, n.argField(a)).build());
        }
        return params;
    }

    private TypeName rawReturnType(Fn n) {
        return n.enumResult() ? INTEGER : returnType(n.fn());
    }

    private TypeName rawAsyncReturnType(Fn n) {
        return n.enumResult() ? ParameterizedTypeName.get(COMPLETABLE_FUTURE, INTEGER) : asyncReturnType(n.fn());
    }

    private ClassName enumType(IdlType type) {
        return (ClassName) ctx.javaType(type);
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
            if (n.raw() != null) {
                b.addMethod(rawDefault(n, async));
            }
        }
        return b.build();
    }

    /**
     * The {@code <method>Raw} default method of {@code Iface} or {@code AsyncIface}: enum arguments
     * and result as numbers; the server binding calls it, and by default it calls the enum method.
     */
    private MethodSpec rawDefault(Fn n, boolean async) {
        FunctionDef fn = n.fn();
        Names.Scope locals = ctx.scope();
        n.argFields().forEach(locals::reserve);
        String r = locals.allocate("r");
        List<CodeBlock> argExprs = new ArrayList<>();
        for (Field a : fn.arguments()) {
            String p = n.argField(a);
            argExprs.add(Fn.isEnum(a)
                    ? CodeBlock.of("$L == null ? null : $T.findByValue($L)", p, enumType(a.type()), p)
                    : CodeBlock.of("$L", p));
        }
        CodeBlock call = CodeBlock.of("$L($L)", n.method(), CodeBlock.join(argExprs, ", "));
        MethodSpec.Builder m = MethodSpec.methodBuilder(n.raw())
                .addJavadoc("{@code $L} with its enum arguments$L as numbers ({@code null} when absent), so that numbers\n"
                        + "the enum does not define pass through. The server binding calls this method; the client stub\n"
                        + "implements it by sending and returning the numbers as they are.\n"
                        + "<p>By default it calls {@code $L} with the enum constant of each number ({@code null} for a number\n"
                        + "the enum does not define)$L. Override it to receive, or to echo back, numbers this enum does not\n"
                        + "define.\n",
                        Text.javadoc(fn.name()), n.enumResult() ? " and result" : "", n.method(),
                        n.enumResult() ? " and returns the number of the constant it returns" : "")
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .addParameters(rawParameters(n))
                .returns(async ? rawAsyncReturnType(n) : rawReturnType(n));
        if (async) {
            if (n.enumResult()) {
                m.addStatement("return $L.thenApply($L -> $L == null ? null : $L.getValue())", call, r, r, r);
            } else {
                m.addStatement("return $L", call);
            }
        } else {
            m.addExceptions(exceptionTypes(fn));
            if (fn.isVoid()) {
                m.addStatement("$L", call);
            } else if (n.enumResult()) {
                m.addStatement("$T $L = $L", enumType(fn.returnType().get()), r, call);
                m.addStatement("return $L == null ? null : $L.getValue()", r, r);
            } else {
                m.addStatement("return $L", call);
            }
        }
        return m.build();
    }

    // ------------------------------------------------------------------ wrappers

    private TypeSpec argsClass(ServiceDef service, Fn n) {
        FunctionDef fn = n.fn();
        StringBuilder doc = new StringBuilder("{@code ").append(Text.javadoc(fn.name())).append("} arguments");
        for (int i = 0; i < fn.arguments().size(); i++) {
            Field a = fn.arguments().get(i);
            doc.append(i == 0 ? ": " : ", ").append("field ").append(a.id()).append(" {@code ").append(Text.javadoc(a.name())).append('}');
        }
        doc.append(".\n");
        if (fn.arguments().stream().anyMatch(Fn::isEnum)) {
            doc.append(ENUM_SLOT_DOC);
        }
        doc.append(StructGenerator.containerNotes(ctx, fn.arguments().stream().map(Field::type).toList()));
        TypeSpec.Builder b = TypeSpec.classBuilder(n.args()).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L", doc.toString());
        for (Field a : fn.arguments()) {
            if (Fn.isEnum(a)) {
                b.addField(INTEGER, n.argField(a), Modifier.PRIVATE);
            } else {
                b.addField(ctx.javaType(a.type()), n.argField(a), Modifier.PUBLIC);
            }
        }
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build());
        if (!fn.arguments().isEmpty()) {
            MethodSpec.Builder all = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).addParameters(parameters(n));
            if (fn.arguments().stream().anyMatch(Fn::isEnum)) {
                all.addJavadoc("Arguments with every field given; a {@code null} leaves a field unset.\n");
            }
            for (Field a : fn.arguments()) {
                String f = n.argField(a);
                if (Fn.isEnum(a)) {
                    all.addStatement("this.$L = $L == null ? null : $L.getValue()", f, f, f);
                } else {
                    all.addStatement("this.$L = $L", f, f);
                }
            }
            b.addMethod(all.build());
        }
        for (Field a : fn.arguments()) {
            if (Fn.isEnum(a)) {
                enumAccessors(b, n.args(), n.argField(a), n.argProp(a), n.argValueProp(a), enumType(a.type()), a.name());
            }
        }
        List<Slot> slots = new ArrayList<>();
        for (Field a : fn.arguments()) {
            slots.add(new Slot(a.id(), a.type(), n.argField(a), a.name(), GenContext.kind(a.type()).isPrimitive(), Fn.isEnum(a)));
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
            if (n.enumResult()) {
                b.addField(INTEGER, n.successField(), Modifier.PRIVATE);
            } else {
                b.addField(ctx.boxed(rt), n.successField(), Modifier.PUBLIC);
            }
            slots.add(new Slot(0, rt, n.successField(), "success", false, n.enumResult()));
            doc.append("field 0 {@code success}");
        } else {
            doc.append("void");
        }
        for (Field e : fn.exceptions()) {
            b.addField(exceptionType(e), n.exceptionField(e), Modifier.PUBLIC);
            slots.add(new Slot(e.id(), e.type(), n.exceptionField(e), e.name(), false, false));
            doc.append(", field ").append(e.id()).append(" {@code ").append(Text.javadoc(e.name())).append('}');
        }
        doc.append(".\n");
        if (fn.isVoid()) {
            doc.append("A result with no exception set is success.\n");
        }
        if (n.enumResult()) {
            doc.append(ENUM_SLOT_DOC);
        }
        fn.returnType().ifPresent(rt -> doc.append(StructGenerator.containerNotes(ctx, List.of(rt))));
        b.addJavadoc("$L", doc.toString());
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build());
        if (n.enumResult()) {
            enumAccessors(b, n.result(), n.successField(), SUCCESS_PROP, SUCCESS_PROP + "Value",
                    enumType(fn.returnType().get()), "success");
        }
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

    /**
     * A field of an args or result wrapper: public, or ({@code rawEnum}) a private {@code Integer}
     * holding an enum's number ({@code null}: unset) behind accessors.
     */
    private record Slot(int id, IdlType type, String field, String idlName, boolean alwaysWritten, boolean rawEnum) {}

    private static final String ENUM_SLOT_DOC = "\n<p>An enum field keeps the number read from the wire, as struct fields do: {@code getX()} returns\n"
            + "{@code null} for a number the enum does not define (or when unset), {@code getXValue()} returns the\n"
            + "number, and it is written back unchanged.\n";

    /** The accessors of an enum field of a wrapper, stored as its number in a private {@code Integer}. */
    private void enumAccessors(TypeSpec.Builder b, ClassName cls, String field, String prop, String valueProp,
            ClassName enumType, String idlName) {
        b.addMethod(MethodSpec.methodBuilder("get" + prop)
                .addJavadoc("{@code $L}: the constant, or {@code null} when unset or when the number is not one of the enum's.\n",
                        Text.javadoc(idlName))
                .addModifiers(Modifier.PUBLIC).returns(enumType)
                .addStatement("return this.$L == null ? null : $T.findByValue(this.$L)", field, enumType, field).build());
        b.addMethod(MethodSpec.methodBuilder("get" + valueProp)
                .addJavadoc("The number of {@code $L} as on the wire, known to the enum or not ({@code 0} when unset).\n",
                        Text.javadoc(idlName))
                .addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                .addStatement("return this.$L == null ? 0 : this.$L", field, field).build());
        b.addMethod(MethodSpec.methodBuilder("set" + prop)
                .addJavadoc("Sets {@code $L}; {@code null} unsets it.\n", Text.javadoc(idlName))
                .addModifiers(Modifier.PUBLIC).returns(cls).addParameter(enumType, field)
                .addStatement("this.$L = $L == null ? null : $L.getValue()", field, field, field)
                .addStatement("return this").build());
        b.addMethod(MethodSpec.methodBuilder("set" + valueProp)
                .addJavadoc("Sets {@code $L} to a number, which need not be defined by the enum.\n", Text.javadoc(idlName))
                .addModifiers(Modifier.PUBLIC).returns(cls).addParameter(TypeName.INT, field)
                .addStatement("this.$L = $L", field, field)
                .addStatement("return this").build());
        b.addMethod(MethodSpec.methodBuilder("isSet" + prop)
                .addJavadoc("Whether {@code $L} is set.\n", Text.javadoc(idlName))
                .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                .addStatement("return this.$L != null", field).build());
        b.addMethod(MethodSpec.methodBuilder("unset" + prop)
                .addModifiers(Modifier.PUBLIC)
                .addStatement("this.$L = null", field).build());
    }

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
                if (s.rawEnum()) {
                    r.addStatement("$L.$L = $L.readI32()", v, s.field(), in);
                } else {
                    CodeBlock value = codecs.read(r, s.type(), 0, where + "." + s.idlName());
                    r.addStatement("$L.$L = $L", v, s.field(), value);
                }
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
        if (s.rawEnum()) {
            b.addStatement("$L.writeI32($L)", ctx.out, value);
        } else {
            codecs.write(b, s.type(), value, 0, where + "." + s.idlName());
        }
        b.addStatement("$L.writeFieldEnd()", ctx.out);
    }

    // ------------------------------------------------------------------ server binding

    /** The call of the implementation: its raw-number method when the function has one (so enum numbers pass through). */
    private CodeBlock callImpl(String impl, String args, Fn n) {
        List<CodeBlock> argExprs = new ArrayList<>();
        for (Field a : n.fn().arguments()) {
            if (Fn.isEnum(a)) {
                argExprs.add(CodeBlock.of("$L.isSet$L() ? $L.get$L() : null", args, n.argProp(a), args, n.argValueProp(a)));
            } else {
                argExprs.add(CodeBlock.of("$L.$L", args, n.argField(a)));
            }
        }
        return CodeBlock.of("$L.$L($L)", impl, n.raw() != null ? n.raw() : n.method(), CodeBlock.join(argExprs, ", "));
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
        String success = ctx.local("success");
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
                CodeBlock.Builder invoke = CodeBlock.builder();
                if (fn.isVoid()) {
                    invoke.addStatement("$L", call);
                } else if (n.enumResult()) {
                    invoke.addStatement("$T $L = $L", INTEGER, success, call);
                    invoke.beginControlFlow("if ($L != null)", success);
                    invoke.addStatement("$L.set$LValue($L)", r, SUCCESS_PROP, success);
                    invoke.endControlFlow();
                } else {
                    invoke.addStatement("$L.$L = $L", r, n.successField(), call);
                }
                List<Object[]> catches = catches(n);
                if (catches.isEmpty()) {
                    c.add(invoke.build());
                } else {
                    c.beginControlFlow("try");
                    c.add(invoke.build());
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
                    if (n.enumResult()) {
                        c.beginControlFlow("if ($L != null)", resp);
                        c.addStatement("$L.set$LValue($L)", r, SUCCESS_PROP, resp);
                        c.endControlFlow();
                    } else {
                        c.addStatement("$L.$L = $L", r, n.successField(), resp);
                    }
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
            if (n.enumResult()) {
                c.nextControlFlow("else if ($L != null)", resp);
                c.addStatement("$L.set$LValue($L)", r, SUCCESS_PROP, resp);
            } else if (!fn.isVoid()) {
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
            Fn n = names(service, fn);
            methods.reserve(n.method());
            if (n.raw() != null) {
                methods.reserve(n.raw());
            }
        }
        List<String> asyncNames = new ArrayList<>();
        for (FunctionDef fn : service.allFunctions()) {
            // From the IDL name, so an escaped method (toString_, notify_) gets toStringAsync, notifyAsync.
            asyncNames.add(methods.allocate(Names.escape(fn.name() + "Async")));
        }
        List<String> rawAsyncNames = new ArrayList<>();
        for (FunctionDef fn : service.allFunctions()) {
            Fn n = names(service, fn);
            rawAsyncNames.add(n.raw() == null ? null : methods.allocate(n.raw() + "Async"));
        }
        for (int i = 0; i < service.allFunctions().size(); i++) {
            Fn n = names(service, service.allFunctions().get(i));
            if (n.raw() == null) {
                b.addMethod(syncCall(service, n));
                b.addMethod(asyncCall(service, n, asyncNames.get(i)));
            } else {
                b.addMethod(syncViaRaw(n));
                b.addMethod(asyncViaRaw(n, asyncNames.get(i), rawAsyncNames.get(i)));
                b.addMethod(rawSyncCall(service, n));
                b.addMethod(rawAsyncCall(service, n, rawAsyncNames.get(i)));
            }
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

    // ------------------------------------------------------------------ client stub: enum numbers

    /** The arguments of the raw-number method for the stub's enum-typed method: each enum's number, or {@code null}. */
    private CodeBlock toRawArgs(Fn n) {
        List<CodeBlock> argExprs = new ArrayList<>();
        for (Field a : n.fn().arguments()) {
            String p = n.argField(a);
            argExprs.add(Fn.isEnum(a) ? CodeBlock.of("$L == null ? null : $L.getValue()", p, p) : CodeBlock.of("$L", p));
        }
        return CodeBlock.join(argExprs, ", ");
    }

    /** The stub's enum-typed method of a function with a raw-number method: it calls that method. */
    private MethodSpec syncViaRaw(Fn n) {
        FunctionDef fn = n.fn();
        MethodSpec.Builder m = MethodSpec.methodBuilder(n.method())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returnType(fn))
                .addParameters(parameters(n))
                .addExceptions(exceptionTypes(fn));
        if (n.enumResult()) {
            m.addJavadoc("The result's enum constant, or {@code null} when the server returns a number the enum does not define.\n");
        }
        CodeBlock call = CodeBlock.of("$L($L)", n.raw(), toRawArgs(n));
        if (fn.isVoid()) {
            m.addStatement("$L", call);
        } else if (n.enumResult()) {
            m.addStatement("return $T.findByValue($L)", enumType(fn.returnType().get()), call);
        } else {
            m.addStatement("return $L", call);
        }
        return m.build();
    }

    private MethodSpec asyncViaRaw(Fn n, String name, String rawAsync) {
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
        CodeBlock call = CodeBlock.of("$L($L)", rawAsync, toRawArgs(n));
        if (n.enumResult()) {
            m.addStatement("return $L.thenApply($L -> $T.findByValue($L))", call, r, enumType(fn.returnType().get()), r);
        } else {
            m.addStatement("return $L", call);
        }
        return m.build();
    }

    /** Statements building the args of a raw-number call in local {@code args}. */
    private CodeBlock rawArgs(Fn n, String args) {
        CodeBlock.Builder c = CodeBlock.builder().addStatement("$T $L = new $T()", n.args(), args, n.args());
        for (Field a : n.fn().arguments()) {
            String p = n.argField(a);
            if (Fn.isEnum(a)) {
                c.beginControlFlow("if ($L != null)", p);
                c.addStatement("$L.set$L($L)", args, n.argValueProp(a), p);
                c.endControlFlow();
            } else {
                c.addStatement("$L.$L = $L", args, n.argField(a), p);
            }
        }
        return c.build();
    }

    private MethodSpec rawSyncCall(ServiceDef service, Fn n) {
        FunctionDef fn = n.fn();
        Names.Scope locals = ctx.scope();
        n.argFields().forEach(locals::reserve);
        String args = locals.allocate("args");
        String r = locals.allocate("r");
        MethodSpec.Builder m = MethodSpec.methodBuilder(n.raw())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(rawReturnType(n))
                .addParameters(rawParameters(n))
                .addExceptions(exceptionTypes(fn))
                .addCode(rawArgs(n, args));
        CodeBlock invoke = CodeBlock.of("this.client.invoke($L, $L, this.options)", constantRef(service, fn), args);
        if (fn.oneway()) {
            return m.addStatement("$T.await($L)", CALLS, invoke).build();
        }
        m.addStatement("$T $L = $T.await($L)", n.result(), r, CALLS, invoke);
        m.addCode(rawOutcome(n, r, false));
        return m.build();
    }

    private MethodSpec rawAsyncCall(ServiceDef service, Fn n, String name) {
        FunctionDef fn = n.fn();
        Names.Scope locals = ctx.scope();
        n.argFields().forEach(locals::reserve);
        String args = locals.allocate("args");
        String r = locals.allocate("r");
        MethodSpec.Builder m = MethodSpec.methodBuilder(name)
                .addJavadoc("{@code $L} without blocking, with enum values as numbers (see {@code $L}).\n",
                        Text.javadoc(fn.name()), n.raw())
                .addModifiers(Modifier.PUBLIC)
                .returns(rawAsyncReturnType(n))
                .addParameters(rawParameters(n))
                .addCode(rawArgs(n, args));
        CodeBlock invoke = CodeBlock.of("this.client.invoke($L, $L, this.options)", constantRef(service, fn), args);
        if (fn.oneway() || (fn.isVoid() && fn.exceptions().isEmpty())) {
            return m.addStatement("return $L.thenApply($L -> null)", invoke, r).build();
        }
        return m.addCode("return $L.thenApply($L -> {\n", invoke, r)
                .addCode(CodeBlock.builder().indent().add(rawOutcome(n, r, true)).unindent().build())
                .addCode("});\n")
                .build();
    }

    /** The success (as a number for an enum), a declared exception, or a missing result, of result {@code r}. */
    private CodeBlock rawOutcome(Fn n, String r, boolean async) {
        FunctionDef fn = n.fn();
        CodeBlock.Builder body = CodeBlock.builder();
        if (n.enumResult()) {
            body.beginControlFlow("if ($L.isSet$L())", r, SUCCESS_PROP)
                    .addStatement("return $L.get$LValue()", r, SUCCESS_PROP)
                    .endControlFlow();
        } else if (!fn.isVoid()) {
            body.beginControlFlow("if ($L.$L != null)", r, n.successField())
                    .addStatement("return $L.$L", r, n.successField())
                    .endControlFlow();
        }
        for (Field e : fn.exceptions()) {
            body.beginControlFlow("if ($L.$L != null)", r, n.exceptionField(e));
            if (async) {
                body.addStatement("throw new $T($L.$L)", COMPLETION_EXCEPTION, r, n.exceptionField(e));
            } else {
                body.addStatement("throw $L.$L", r, n.exceptionField(e));
            }
            body.endControlFlow();
        }
        if (!fn.isVoid()) {
            body.addStatement("throw $T.missingResult($L)", CALLS, Text.literal(fn.name()));
        } else if (async) {
            body.addStatement("return null");
        }
        return body.build();
    }
}
