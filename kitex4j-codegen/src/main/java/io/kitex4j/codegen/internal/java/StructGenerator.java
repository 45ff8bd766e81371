package io.kitex4j.codegen.internal.java;

import static io.kitex4j.codegen.internal.java.GenContext.ARRAYS;
import static io.kitex4j.codegen.internal.java.GenContext.HEX_FORMAT;
import static io.kitex4j.codegen.internal.java.GenContext.LIST;
import static io.kitex4j.codegen.internal.java.GenContext.MAP;
import static io.kitex4j.codegen.internal.java.GenContext.MAP_ENTRY;
import static io.kitex4j.codegen.internal.java.GenContext.OBJECTS;
import static io.kitex4j.codegen.internal.java.GenContext.PROTOCOL_EXCEPTION;
import static io.kitex4j.codegen.internal.java.GenContext.READER;
import static io.kitex4j.codegen.internal.java.GenContext.SET;
import static io.kitex4j.codegen.internal.java.GenContext.STRUCT_CODEC;
import static io.kitex4j.codegen.internal.java.GenContext.TTYPE;
import static io.kitex4j.codegen.internal.java.GenContext.WRITER;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.kitex4j.codegen.internal.java.StructShape.FieldShape;
import io.kitex4j.codegen.internal.java.StructShape.Storage;
import io.kitex4j.codegen.thrift.model.StructDef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * One class per struct, exception and union.
 *
 * <p><b>Structs and exceptions</b> are mutable with fluent setters. A field of a reference type
 * (string, binary, uuid, struct, container) is unset when {@code null}. A primitive field (bool,
 * i8, i16, i32, i64, double) is a Java primitive plus an isset bit, set by its setter, by the
 * all-fields constructor and by decoding, cleared by {@code unsetX()}. An enum field stores the
 * raw i32 plus an isset bit: {@code getX()} returns the constant, or {@code null} when unset or
 * when the number is unknown to this enum; {@code getXValue()}/{@code setXValue(int)} read and
 * write the number, which is re-encoded unchanged.
 *
 * <p>Writing follows Apache Thrift: fields in id order; optional fields only when set;
 * default-requiredness fields when set, primitives always; required fields always, and a
 * required reference or enum field that is unset fails with {@code INVALID_DATA}. Reading skips
 * unknown field ids and fields of an unexpected wire type, and fails with {@code INVALID_DATA}
 * when a required field is missing. Defaults are assigned by the no-arg constructor (which
 * decoding uses); as in Apache's Java generator, a default does not mark a primitive field set.
 *
 * <p>Binary is {@code byte[]}, except in set elements and map keys (at any depth), where it is a
 * {@code java.nio.ByteBuffer} compared by content; {@code equals}/{@code hashCode}/{@code toString}
 * go deep (private static {@code deepEquals}, {@code deepHashCode}, {@code deepToString}) for
 * fields with {@code byte[]} inside a container, and render buffers in hex. Enum values in
 * containers are constants; unknown numbers are dropped on read (see {@link Codecs}). The class
 * Javadoc states these rules where a field is concerned.
 *
 * <p><b>Unions</b> hold at most one field: {@code setX} replaces whatever was set, {@code setField()}
 * tells which field is set ({@code null} for none), {@code getX()} of a field that is not set
 * throws {@link IllegalStateException}, static {@code ofX(value)} factories build one. Writing a
 * union with no field set, or reading one with two, fails with {@code INVALID_DATA}.
 */
final class StructGenerator {
    private final GenContext ctx;
    private final Codecs codecs;

    StructGenerator(GenContext ctx) {
        this.ctx = ctx;
        this.codecs = new Codecs(ctx);
    }

    TypeSpec generate(StructDef def) {
        return def.isUnion() ? union(def) : struct(def);
    }

    // ------------------------------------------------------------------ structs and exceptions

    private TypeSpec struct(StructDef def) {
        StructShape s = ctx.shape(def);
        ClassName cls = s.className;
        TypeSpec.Builder b = TypeSpec.classBuilder(cls).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("$L", classDoc(s))
                .addAnnotation(JavaGenerator.generatedAnnotation());
        if (def.isException()) {
            b.superclass(ClassName.get(Exception.class));
            if (s.fields.stream().anyMatch(f -> f.kind() == GenContext.Kind.STRUCT || f.kind().isContainer())) {
                // Exceptions are Serializable; javac 18+ flags fields whose declared type is not (List, a struct).
                b.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "serial").build());
            }
            b.addField(FieldSpec.builder(TypeName.LONG, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("1L").build());
        }
        b.addField(codecField(cls, structWrite(s), structRead(s)));
        for (FieldShape f : s.fields) {
            FieldSpec.Builder fb = FieldSpec.builder(storageType(f), f.name(), Modifier.PRIVATE);
            b.addField(fb.build());
        }
        for (String bits : s.bitFields) {
            b.addField(TypeName.INT, bits, Modifier.PRIVATE);
        }
        b.addMethod(noArgConstructor(s));
        if (!s.fields.isEmpty()) {
            b.addMethod(allFieldsConstructor(s));
        }
        for (FieldShape f : s.fields) {
            accessors(b, s, f);
        }
        if (def.isException() && !s.messageIsField) {
            b.addMethod(MethodSpec.methodBuilder("getMessage")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement("return toString()")
                    .build());
        }
        b.addMethod(structEquals(s));
        b.addMethod(structHashCode(s));
        b.addMethod(structToString(s));
        addDeepHelpers(b, s);
        return b.build();
    }

    private String classDoc(StructShape s) {
        StructDef def = s.def;
        String file = def.program().path().getFileName().toString();
        StringBuilder sb = new StringBuilder(Text.docParagraph(def.doc()));
        sb.append("Thrift ").append(def.kind().keyword()).append(" {@code ").append(Text.javadoc(def.name()))
                .append("} (").append(Text.javadoc(file)).append(").\n");
        if (def.isUnion()) {
            sb.append("\n<p>Holds at most one field: a setter replaces the field set before; {@link #setField()} tells which\n"
                    + "is set. Getting a field that is not set throws {@link IllegalStateException}.\n");
        } else {
            sb.append("\n<p>Mutable, with fluent setters. A reference field is unset when {@code null}; a primitive field\n"
                    + "has an isset bit ({@code isSetX()}), set by its setter and by decoding.\n");
        }
        if (s.fields.stream().anyMatch(f -> f.storage() == Storage.ENUM)) {
            sb.append("Enum fields keep the number read from the wire: {@code getX()} returns {@code null} for a number\n"
                    + "the enum does not define, {@code getXValue()} returns the number, and it is written back unchanged.\n");
        }
        sb.append(containerNotes(ctx, s.fields.stream().map(FieldShape::type).toList()));
        return sb.toString();
    }

    /**
     * The class Javadoc notes on binary and enum values inside containers of {@code types}, or
     * {@code ""} when none applies (shared with the service generator's args/result wrappers).
     */
    static String containerNotes(GenContext ctx, List<io.kitex4j.codegen.thrift.model.IdlType> types) {
        StringBuilder sb = new StringBuilder();
        if (types.stream().anyMatch(GenContext::hasByteBuffer)) {
            sb.append("\n<p>Binary in a set element or a map key is a {@link java.nio.ByteBuffer}, which compares (and\n"
                    + "hashes) its remaining bytes, so equal contents are one element or key; it is written without\n"
                    + "moving its position (do not move it while it sits in a set or map). Binary anywhere else is\n"
                    + "{@code byte[]}, which {@code equals} and {@code hashCode} compare by content.\n");
        }
        if (types.stream().anyMatch(GenContext::enumInContainer)) {
            sb.append("\n<p>Enum values in containers are enum constants: when reading, an element whose number the enum\n"
                    + "does not define is dropped, and so is a map entry whose key or value is such a number (as\n"
                    + "Apache's Java generator drops map entries with an unknown enum key). Writing a {@code null} enum\n"
                    + "value in a container fails with {@code INVALID_DATA}.\n");
        }
        return sb.toString();
    }

    private TypeName storageType(FieldShape f) {
        return f.storage() == Storage.ENUM ? TypeName.INT : f.javaType();
    }

    private FieldSpec codecField(ClassName cls, MethodSpec write, MethodSpec read) {
        TypeName codecType = ParameterizedTypeName.get(STRUCT_CODEC, cls);
        TypeSpec anon = TypeSpec.anonymousClassBuilder("")
                .addSuperinterface(codecType)
                .addMethod(write)
                .addMethod(read)
                .build();
        return FieldSpec.builder(codecType, "CODEC", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Encodes and decodes {@code $L}.\n", cls.simpleName())
                .initializer("$L", anon)
                .build();
    }

    private String where(StructDef def, FieldShape f) {
        return def.name() + "." + f.idlName();
    }

    private CodeBlock bitSet(String target, StructShape s, FieldShape f) {
        return CodeBlock.of("($L.$L & $L) != 0", target, f.bitField(s), f.mask());
    }

    private MethodSpec structWrite(StructShape s) {
        String v = ctx.v;
        String out = ctx.out;
        CodeBlock.Builder b = CodeBlock.builder();
        b.addStatement("$L.writeStructBegin()", out);
        for (FieldShape f : s.byId) {
            CodeBlock value = CodeBlock.of("$L.$L", v, f.name());
            boolean required = f.field().isRequired();
            switch (f.storage()) {
                case REF -> {
                    if (required) {
                        b.beginControlFlow("if ($L == null)", value);
                        throwInvalid(b, "required field '" + f.idlName() + "' of " + s.def.name() + " is unset");
                        b.endControlFlow();
                        writeField(b, s, f, value);
                    } else {
                        b.beginControlFlow("if ($L != null)", value);
                        writeField(b, s, f, value);
                        b.endControlFlow();
                    }
                }
                case PRIM -> {
                    if (f.field().isOptional()) {
                        b.beginControlFlow("if ($L)", bitSet(v, s, f));
                        writeField(b, s, f, value);
                        b.endControlFlow();
                    } else {
                        writeField(b, s, f, value);
                    }
                }
                case ENUM -> {
                    if (required) {
                        b.beginControlFlow("if (!($L))", bitSet(v, s, f));
                        throwInvalid(b, "required field '" + f.idlName() + "' of " + s.def.name() + " is unset");
                        b.endControlFlow();
                        writeField(b, s, f, value);
                    } else {
                        b.beginControlFlow("if ($L)", bitSet(v, s, f));
                        writeField(b, s, f, value);
                        b.endControlFlow();
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        b.addStatement("$L.writeFieldStop()", out);
        b.addStatement("$L.writeStructEnd()", out);
        return MethodSpec.methodBuilder("write")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(s.className, v)
                .addParameter(WRITER, out)
                .addCode(b.build())
                .build();
    }

    private void writeField(CodeBlock.Builder b, StructShape s, FieldShape f, CodeBlock value) {
        codecs.fieldBegin(b, f.type(), f.field().id());
        if (f.storage() == Storage.ENUM) {
            b.addStatement("$L.writeI32($L)", ctx.out, value);
        } else {
            codecs.write(b, f.type(), value, 0, where(s.def, f));
        }
        b.addStatement("$L.writeFieldEnd()", ctx.out);
    }

    private void throwInvalid(CodeBlock.Builder b, String message) {
        b.addStatement("throw new $T($T.INVALID_DATA, $L)", PROTOCOL_EXCEPTION, PROTOCOL_EXCEPTION, Text.literal(message));
    }

    private MethodSpec structRead(StructShape s) {
        String v = ctx.v;
        String in = ctx.in;
        String type = ctx.type;
        CodeBlock.Builder b = CodeBlock.builder();
        b.addStatement("$T $L = new $T()", s.className, v, s.className);
        List<String> seen = new ArrayList<>();
        for (FieldShape f : s.fields) {
            seen.add(f.field().isRequired() ? ctx.local("has" + f.prop()) : null);
            if (f.field().isRequired()) {
                b.addStatement("boolean $L = false", seen.get(seen.size() - 1));
            }
        }
        b.addStatement("$L.readStructBegin()", in);
        b.beginControlFlow("while (true)");
        b.addStatement("byte $L = $L.readFieldBegin()", type, in);
        b.beginControlFlow("if ($L == $T.STOP)", type, TTYPE);
        b.addStatement("break");
        b.endControlFlow();
        if (s.fields.isEmpty()) {
            b.addStatement("$L.skip($L)", in, type);
        } else {
            b.beginControlFlow("switch ($L.fieldId())", in);
            for (FieldShape f : s.byId) {
                b.add("case $L:\n", f.field().id()).indent();
                b.beginControlFlow("if ($L == $T.$L)", type, TTYPE, GenContext.ttype(f.type()));
                if (f.storage() == Storage.ENUM) {
                    b.addStatement("$L.$L = $L.readI32()", v, f.name(), in);
                } else {
                    CodeBlock value = codecs.read(b, f.type(), 0, where(s.def, f));
                    b.addStatement("$L.$L = $L", v, f.name(), value);
                }
                if (f.storage() != Storage.REF) {
                    b.addStatement("$L.$L |= $L", v, f.bitField(s), f.mask());
                }
                String has = seen.get(s.fields.indexOf(f));
                if (has != null) {
                    b.addStatement("$L = true", has);
                }
                b.nextControlFlow("else");
                b.addStatement("$L.skip($L)", in, type);
                b.endControlFlow();
                b.addStatement("break").unindent();
            }
            b.add("default:\n").indent().addStatement("$L.skip($L)", in, type).unindent();
            b.endControlFlow();
        }
        b.addStatement("$L.readFieldEnd()", in);
        b.endControlFlow();
        b.addStatement("$L.readStructEnd()", in);
        for (int i = 0; i < s.fields.size(); i++) {
            if (seen.get(i) != null) {
                b.beginControlFlow("if (!$L)", seen.get(i));
                throwInvalid(b, "required field '" + s.fields.get(i).idlName() + "' of " + s.def.name() + " is missing");
                b.endControlFlow();
            }
        }
        b.addStatement("return $L", v);
        return MethodSpec.methodBuilder("read")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(s.className)
                .addParameter(READER, in)
                .addCode(b.build())
                .build();
    }

    private MethodSpec noArgConstructor(StructShape s) {
        CodeBlock.Builder body = CodeBlock.builder();
        ConstExpressions consts = new ConstExpressions(ctx, body, ctx.scope(), true);
        for (FieldShape f : s.fields) {
            if (f.field().defaultValue().isEmpty()) {
                continue;
            }
            var dv = f.field().defaultValue().get();
            if (f.storage() == Storage.ENUM) {
                body.addStatement("this.$L = $L", f.name(), consts.enumRawValue(f.type(), dv));
                body.addStatement("this.$L |= $L", f.bitField(s), f.mask());
            } else {
                CodeBlock e = consts.expr(f.type(), dv);
                body.addStatement("this.$L = $L", f.name(), e);
            }
        }
        return MethodSpec.constructorBuilder()
                .addJavadoc(body.isEmpty() ? "An empty {@code $L}.\n" : "A {@code $L} with the IDL's default values.\n", s.className.simpleName())
                .addModifiers(Modifier.PUBLIC)
                .addCode(body.build())
                .build();
    }

    private MethodSpec allFieldsConstructor(StructShape s) {
        MethodSpec.Builder m = MethodSpec.constructorBuilder()
                .addJavadoc("A {@code $L} with every field given; a {@code null} leaves a field unset.\n", s.className.simpleName())
                .addModifiers(Modifier.PUBLIC);
        for (FieldShape f : s.fields) {
            m.addParameter(f.javaType(), f.name());
            switch (f.storage()) {
                case REF -> m.addStatement("this.$L = $L", f.name(), f.name());
                case PRIM -> {
                    m.addStatement("this.$L = $L", f.name(), f.name());
                    m.addStatement("this.$L |= $L", f.bitField(s), f.mask());
                }
                case ENUM -> {
                    m.beginControlFlow("if ($L != null)", f.name());
                    m.addStatement("this.$L = $L.getValue()", f.name(), f.name());
                    m.addStatement("this.$L |= $L", f.bitField(s), f.mask());
                    m.endControlFlow();
                }
                default -> throw new IllegalStateException();
            }
        }
        return m.build();
    }

    private static String zero(GenContext.Kind kind) {
        return switch (kind) {
            case BOOL -> "false";
            case I8 -> "(byte) 0";
            case I16 -> "(short) 0";
            case I64 -> "0L";
            case DOUBLE -> "0.0";
            default -> "0";
        };
    }

    private void accessors(TypeSpec.Builder b, StructShape s, FieldShape f) {
        ClassName cls = s.className;
        String doc = fieldDoc(f);
        String name = f.name();
        switch (f.storage()) {
            case REF -> {
                b.addMethod(MethodSpec.methodBuilder("get" + f.prop()).addJavadoc("$L", doc)
                        .addModifiers(Modifier.PUBLIC).returns(f.javaType())
                        .addStatement("return this.$L", name).build());
                b.addMethod(MethodSpec.methodBuilder("set" + f.prop())
                        .addJavadoc("Sets {@code $L}; {@code null} unsets it.\n", Text.javadoc(f.idlName()))
                        .addModifiers(Modifier.PUBLIC).returns(cls).addParameter(f.javaType(), name)
                        .addStatement("this.$L = $L", name, name).addStatement("return this").build());
                b.addMethod(MethodSpec.methodBuilder("isSet" + f.prop())
                        .addJavadoc("Whether {@code $L} is set (not {@code null}).\n", Text.javadoc(f.idlName()))
                        .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                        .addStatement("return this.$L != null", name).build());
                b.addMethod(MethodSpec.methodBuilder("unset" + f.prop())
                        .addModifiers(Modifier.PUBLIC)
                        .addStatement("this.$L = null", name).build());
            }
            case PRIM -> {
                b.addMethod(MethodSpec.methodBuilder("get" + f.prop()).addJavadoc("$L", doc)
                        .addModifiers(Modifier.PUBLIC).returns(f.javaType())
                        .addStatement("return this.$L", name).build());
                b.addMethod(MethodSpec.methodBuilder("set" + f.prop())
                        .addJavadoc("Sets {@code $L} and marks it set.\n", Text.javadoc(f.idlName()))
                        .addModifiers(Modifier.PUBLIC).returns(cls).addParameter(f.javaType(), name)
                        .addStatement("this.$L = $L", name, name)
                        .addStatement("this.$L |= $L", f.bitField(s), f.mask())
                        .addStatement("return this").build());
                b.addMethod(isSet(s, f));
                b.addMethod(MethodSpec.methodBuilder("unset" + f.prop())
                        .addJavadoc("Marks {@code $L} unset and clears its value.\n", Text.javadoc(f.idlName()))
                        .addModifiers(Modifier.PUBLIC)
                        .addStatement("this.$L &= $L", f.bitField(s), f.clearMask())
                        .addStatement("this.$L = $L", name, zero(f.kind())).build());
            }
            case ENUM -> {
                ClassName enumType = (ClassName) f.javaType();
                b.addMethod(MethodSpec.methodBuilder("get" + f.prop())
                        .addJavadoc("$L", doc + "@return the constant, or {@code null} when unset or when the number is not one of the enum's\n")
                        .addModifiers(Modifier.PUBLIC).returns(enumType)
                        .addStatement("return (this.$L & $L) != 0 ? $T.findByValue(this.$L) : null", f.bitField(s), f.mask(), enumType, name)
                        .build());
                b.addMethod(MethodSpec.methodBuilder("get" + f.valueProp())
                        .addJavadoc("The number of {@code $L} as on the wire, known to the enum or not ({@code 0} when unset).\n",
                                Text.javadoc(f.idlName()))
                        .addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                        .addStatement("return this.$L", name).build());
                b.addMethod(MethodSpec.methodBuilder("set" + f.prop())
                        .addJavadoc("Sets {@code $L}; {@code null} unsets it.\n", Text.javadoc(f.idlName()))
                        .addModifiers(Modifier.PUBLIC).returns(cls).addParameter(enumType, name)
                        .beginControlFlow("if ($L == null)", name)
                        .addStatement("unset$L()", f.prop())
                        .nextControlFlow("else")
                        .addStatement("this.$L = $L.getValue()", name, name)
                        .addStatement("this.$L |= $L", f.bitField(s), f.mask())
                        .endControlFlow()
                        .addStatement("return this").build());
                b.addMethod(MethodSpec.methodBuilder("set" + f.valueProp())
                        .addJavadoc("Sets {@code $L} to a number, which need not be defined by the enum.\n", Text.javadoc(f.idlName()))
                        .addModifiers(Modifier.PUBLIC).returns(cls).addParameter(TypeName.INT, name)
                        .addStatement("this.$L = $L", name, name)
                        .addStatement("this.$L |= $L", f.bitField(s), f.mask())
                        .addStatement("return this").build());
                b.addMethod(isSet(s, f));
                b.addMethod(MethodSpec.methodBuilder("unset" + f.prop())
                        .addModifiers(Modifier.PUBLIC)
                        .addStatement("this.$L &= $L", f.bitField(s), f.clearMask())
                        .addStatement("this.$L = 0", name).build());
            }
            default -> throw new IllegalStateException();
        }
    }

    private MethodSpec isSet(StructShape s, FieldShape f) {
        return MethodSpec.methodBuilder("isSet" + f.prop())
                .addJavadoc("Whether {@code $L} was set (by a setter, the constructor with all fields, or decoding).\n",
                        Text.javadoc(f.idlName()))
                .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                .addStatement("return $L", bitSet("this", s, f)).build();
    }

    private static String fieldDoc(FieldShape f) {
        String requiredness = switch (f.field().requiredness()) {
            case REQUIRED -> "required ";
            case OPTIONAL -> "optional ";
            case DEFAULT -> "";
        };
        return Text.docParagraph(f.field().doc()) + "Field " + f.field().id() + ": " + requiredness + "{@code "
                + Text.code(f.field().type().idlName()) + " " + Text.code(f.idlName()) + "}.\n";
    }

    private MethodSpec structEquals(StructShape s) {
        String o = ctx.local("o");
        String that = ctx.local("that");
        MethodSpec.Builder m = equalsHeader(s.className, o, that);
        List<CodeBlock> conds = new ArrayList<>();
        for (FieldShape f : s.fields) {
            CodeBlock same = sameValue(f, CodeBlock.of("this.$L", f.name()), CodeBlock.of("$L.$L", that, f.name()));
            if (f.storage() == Storage.REF || f.alwaysWritten()) {
                conds.add(same);
            } else {
                CodeBlock mine = CodeBlock.of("(this.$L & $L)", f.bitField(s), f.mask());
                conds.add(CodeBlock.of("$L == ($L.$L & $L) && ($L == 0 || $L)", mine, that, f.bitField(s), f.mask(), mine, same));
            }
        }
        if (conds.isEmpty()) {
            m.addStatement("return true");
        } else {
            m.addStatement("return $L", CodeBlock.join(conds, "\n&& "));
        }
        return m.build();
    }

    private MethodSpec.Builder equalsHeader(ClassName cls, String o, String that) {
        return MethodSpec.methodBuilder("equals")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addParameter(Object.class, o)
                .beginControlFlow("if (this == $L)", o)
                .addStatement("return true")
                .endControlFlow()
                .beginControlFlow("if (!($L instanceof $T $L))", o, cls, that)
                .addStatement("return false")
                .endControlFlow();
    }

    /** An expression comparing two values of the field's type (raw numbers for enums). */
    private CodeBlock sameValue(FieldShape f, CodeBlock a, CodeBlock b) {
        if (f.storage() == Storage.ENUM) {
            return CodeBlock.of("$L == $L", a, b);
        }
        return switch (f.kind()) {
            case BOOL, I8, I16, I32, I64 -> CodeBlock.of("$L == $L", a, b);
            case DOUBLE -> CodeBlock.of("$T.compare($L, $L) == 0", Double.class, a, b);
            case BINARY -> CodeBlock.of("$T.equals($L, $L)", ARRAYS, a, b);
            default -> GenContext.bytesInContainer(f.type())
                    ? CodeBlock.of("deepEquals($L, $L)", a, b)
                    : CodeBlock.of("$T.equals($L, $L)", OBJECTS, a, b);
        };
    }

    /** An expression hashing a value of the field's type (raw numbers for enums). */
    private CodeBlock hashValue(FieldShape f, CodeBlock a) {
        if (f.storage() == Storage.ENUM) {
            return CodeBlock.of("$T.hashCode($L)", Integer.class, a);
        }
        return switch (f.kind()) {
            case BOOL -> CodeBlock.of("$T.hashCode($L)", Boolean.class, a);
            case I8 -> CodeBlock.of("$T.hashCode($L)", Byte.class, a);
            case I16 -> CodeBlock.of("$T.hashCode($L)", Short.class, a);
            case I32 -> CodeBlock.of("$T.hashCode($L)", Integer.class, a);
            case I64 -> CodeBlock.of("$T.hashCode($L)", Long.class, a);
            case DOUBLE -> CodeBlock.of("$T.hashCode($L)", Double.class, a);
            case BINARY -> CodeBlock.of("$T.hashCode($L)", ARRAYS, a);
            default -> GenContext.bytesInContainer(f.type())
                    ? CodeBlock.of("deepHashCode($L)", a)
                    : CodeBlock.of("$T.hashCode($L)", OBJECTS, a);
        };
    }

    /** An expression rendering a value of the field's type for toString (raw numbers for enums). */
    private CodeBlock renderValue(FieldShape f, CodeBlock a) {
        if (f.storage() == Storage.ENUM) {
            return CodeBlock.of("$T.toString($T.findByValue($L), $T.valueOf($L))", OBJECTS, f.javaType(), a, String.class, a);
        }
        if (f.kind() == GenContext.Kind.BINARY) {
            return CodeBlock.of("($L == null ? \"null\" : $T.of().formatHex($L))", a, HEX_FORMAT, a);
        }
        if (GenContext.binaryInContainer(f.type())) {
            return CodeBlock.of("deepToString($L)", a);
        }
        return a;
    }

    private MethodSpec structHashCode(StructShape s) {
        String h = ctx.local("h");
        MethodSpec.Builder m = MethodSpec.methodBuilder("hashCode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT);
        if (s.fields.isEmpty()) {
            return m.addStatement("return 1").build();
        }
        m.addStatement("int $L = 1", h);
        for (FieldShape f : s.fields) {
            CodeBlock hash = hashValue(f, CodeBlock.of("this.$L", f.name()));
            if (f.storage() != Storage.REF && !f.alwaysWritten()) {
                hash = CodeBlock.of("($L ? $L : 0)", bitSet("this", s, f), hash);
            }
            m.addStatement("$L = 31 * $L + $L", h, h, hash);
        }
        return m.addStatement("return $L", h).build();
    }

    private MethodSpec structToString(StructShape s) {
        String sb = ctx.local("sb");
        String prefix = s.def.name() + "(";
        MethodSpec.Builder m = MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("$T $L = new $T($L)", StringBuilder.class, sb, StringBuilder.class, Text.literal(prefix));
        boolean someoneAlwaysBefore = false;
        for (FieldShape f : s.fields) {
            CodeBlock condition = null;
            if (f.field().isOptional()) {
                condition = f.storage() == Storage.REF
                        ? CodeBlock.of("this.$L != null", f.name())
                        : bitSet("this", s, f);
            }
            CodeBlock value = CodeBlock.of("this.$L", f.name());
            CodeBlock rendered;
            if (f.storage() == Storage.ENUM && !f.field().isOptional()) {
                rendered = CodeBlock.of("($L ? $L : \"null\")", bitSet("this", s, f), renderValue(f, value));
            } else {
                rendered = renderValue(f, value);
            }
            if (condition != null) {
                m.beginControlFlow("if ($L)", condition);
            }
            String label = f.idlName() + "=";
            if (someoneAlwaysBefore) {
                label = ", " + label;
            } else if (f != s.fields.get(0)) {
                m.beginControlFlow("if ($L.length() > $L)", sb, prefix.length());
                m.addStatement("$L.append($S)", sb, ", ");
                m.endControlFlow();
            }
            m.addStatement("$L.append($L).append($L)", sb, Text.literal(label), rendered);
            if (condition != null) {
                m.endControlFlow();
            } else {
                someoneAlwaysBefore = true;
            }
        }
        m.addStatement("return $L.append(')').toString()", sb);
        return m.build();
    }

    /**
     * Static helpers comparing, hashing and printing containers that hold binary by content:
     * {@code byte[]} (list elements and map values) and {@code ByteBuffer} (set elements and map
     * keys, which compare by content themselves, so sets compare with {@code equals} and maps look
     * their keys up).
     */
    private void addDeepHelpers(TypeSpec.Builder b, StructShape s) {
        boolean equality = s.fields.stream().anyMatch(f -> GenContext.bytesInContainer(f.type()));
        boolean render = s.fields.stream().anyMatch(f -> GenContext.binaryInContainer(f.type()));
        if (equality) {
            addDeepEquality(b);
        }
        if (render) {
            addDeepToString(b);
        }
    }

    private void addDeepEquality(TypeSpec.Builder b) {
        TypeName wild = com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class);
        TypeName wildList = ParameterizedTypeName.get(LIST, wild);
        TypeName wildMap = ParameterizedTypeName.get(MAP, wild, wild);
        TypeName wildEntry = ParameterizedTypeName.get(MAP_ENTRY, wild, wild);
        b.addMethod(MethodSpec.methodBuilder("deepEquals")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(TypeName.BOOLEAN)
                .addParameter(Object.class, "a").addParameter(Object.class, "b")
                .beginControlFlow("if (a instanceof byte[] x && b instanceof byte[] y)")
                .addStatement("return $T.equals(x, y)", ARRAYS)
                .endControlFlow()
                .beginControlFlow("if (a instanceof $T x && b instanceof $T y)", wildList, wildList)
                .beginControlFlow("if (x.size() != y.size())").addStatement("return false").endControlFlow()
                .beginControlFlow("for (int i = 0; i < x.size(); i++)")
                .beginControlFlow("if (!deepEquals(x.get(i), y.get(i)))").addStatement("return false").endControlFlow()
                .endControlFlow()
                .addStatement("return true")
                .endControlFlow()
                .beginControlFlow("if (a instanceof $T x && b instanceof $T y)", wildMap, wildMap)
                .beginControlFlow("if (x.size() != y.size())").addStatement("return false").endControlFlow()
                .beginControlFlow("for ($T e : x.entrySet())", wildEntry)
                .beginControlFlow("if (!y.containsKey(e.getKey()) || !deepEquals(e.getValue(), y.get(e.getKey())))")
                .addStatement("return false").endControlFlow()
                .endControlFlow()
                .addStatement("return true")
                .endControlFlow()
                .addStatement("return $T.equals(a, b)", OBJECTS)
                .build());
        b.addMethod(MethodSpec.methodBuilder("deepHashCode")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(TypeName.INT)
                .addParameter(Object.class, "a")
                .beginControlFlow("if (a instanceof byte[] x)").addStatement("return $T.hashCode(x)", ARRAYS).endControlFlow()
                .beginControlFlow("if (a instanceof $T x)", wildList)
                .addStatement("int h = 1")
                .beginControlFlow("for ($T e : x)", Object.class).addStatement("h = 31 * h + deepHashCode(e)").endControlFlow()
                .addStatement("return h")
                .endControlFlow()
                .beginControlFlow("if (a instanceof $T x)", wildMap)
                .addStatement("int h = 0")
                .beginControlFlow("for ($T e : x.entrySet())", wildEntry)
                .addStatement("h += $T.hashCode(e.getKey()) ^ deepHashCode(e.getValue())", OBJECTS).endControlFlow()
                .addStatement("return h")
                .endControlFlow()
                .addStatement("return $T.hashCode(a)", OBJECTS)
                .build());
    }

    private void addDeepToString(TypeSpec.Builder b) {
        TypeName wild = com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class);
        TypeName wildMap = ParameterizedTypeName.get(MAP, wild, wild);
        TypeName wildEntry = ParameterizedTypeName.get(MAP_ENTRY, wild, wild);
        ClassName buffer = GenContext.BYTE_BUFFER;
        b.addMethod(MethodSpec.methodBuilder("deepToString")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(String.class)
                .addParameter(Object.class, "a")
                .beginControlFlow("if (a instanceof byte[] x)").addStatement("return $T.of().formatHex(x)", HEX_FORMAT).endControlFlow()
                .beginControlFlow("if (a instanceof $T x)", buffer)
                .addStatement("byte[] bytes = new byte[x.remaining()]")
                .addStatement("x.get(x.position(), bytes)")
                .addStatement("return $T.of().formatHex(bytes)", HEX_FORMAT)
                .endControlFlow()
                .beginControlFlow("if (a instanceof $T x)", ParameterizedTypeName.get(ClassName.get(java.util.Collection.class), wild))
                .addStatement("$T j = new $T(\", \", \"[\", \"]\")", java.util.StringJoiner.class, java.util.StringJoiner.class)
                .beginControlFlow("for ($T e : x)", Object.class).addStatement("j.add(deepToString(e))").endControlFlow()
                .addStatement("return j.toString()")
                .endControlFlow()
                .beginControlFlow("if (a instanceof $T x)", wildMap)
                .addStatement("$T j = new $T(\", \", \"{\", \"}\")", java.util.StringJoiner.class, java.util.StringJoiner.class)
                .beginControlFlow("for ($T e : x.entrySet())", wildEntry)
                .addStatement("j.add(deepToString(e.getKey()) + \"=\" + deepToString(e.getValue()))").endControlFlow()
                .addStatement("return j.toString()")
                .endControlFlow()
                .addStatement("return $T.valueOf(a)", String.class)
                .build());
    }

    // ------------------------------------------------------------------ unions

    private TypeSpec union(StructDef def) {
        StructShape s = ctx.shape(def);
        ClassName cls = s.className;
        String fieldEnumName = cls.simpleName().equals("Field") ? "Field_" : "Field";
        ClassName fieldEnum = cls.nestedClass(fieldEnumName);
        boolean hasFields = !s.fields.isEmpty();
        TypeSpec.Builder b = TypeSpec.classBuilder(cls).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("$L", classDoc(s))
                .addAnnotation(JavaGenerator.generatedAnnotation());
        b.addField(codecField(cls, unionWrite(s, fieldEnum), unionRead(s)));
        if (hasFields) {
            TypeSpec.Builder e = TypeSpec.enumBuilder(fieldEnumName).addModifiers(Modifier.PUBLIC)
                    .addJavadoc("The fields of {@code $L}, for {@link #setField()}.\n", Text.javadoc(def.name()));
            for (FieldShape f : s.fields) {
                e.addEnumConstant(f.selector(), TypeSpec.anonymousClassBuilder("")
                        .addJavadoc("Field $L {@code $L}.\n", f.field().id(), Text.javadoc(f.idlName())).build());
            }
            b.addType(e.build());
            b.addField(fieldEnum, s.setFieldName, Modifier.PRIVATE);
        }
        b.addField(Object.class, s.valueName, Modifier.PRIVATE);

        CodeBlock.Builder ctorBody = CodeBlock.builder();
        s.fields.stream().filter(f -> f.field().defaultValue().isPresent()).findFirst().ifPresent(f -> {
            var dv = f.field().defaultValue().get();
            if (f.storage() == Storage.ENUM) {
                ctorBody.addStatement("this.$L = $L", s.valueName,
                        new ConstExpressions(ctx, ctorBody, ctx.scope(), true).enumRawValue(f.type(), dv));
            } else {
                CodeBlock e = new ConstExpressions(ctx, ctorBody, ctx.scope(), true).expr(f.type(), dv);
                ctorBody.addStatement("this.$L = $L", s.valueName, e);
            }
            ctorBody.addStatement("this.$L = $T.$L", s.setFieldName, fieldEnum, f.selector());
        });
        b.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc(ctorBody.isEmpty() ? "A union with no field set.\n" : "A union set to the IDL's default value.\n")
                .addModifiers(Modifier.PUBLIC).addCode(ctorBody.build()).build());
        for (FieldShape f : s.fields) {
            TypeName param = f.javaType();
            b.addMethod(MethodSpec.methodBuilder("of" + f.prop())
                    .addJavadoc("A {@code $L} holding {@code $L}.\n", Text.javadoc(def.name()), Text.javadoc(f.idlName()))
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(cls)
                    .addParameter(param, "value")
                    .addStatement("return new $T().set$L(value)", cls, f.prop()).build());
        }
        if (hasFields) {
            b.addMethod(MethodSpec.methodBuilder("setField")
                    .addJavadoc("Which field is set, or {@code null} when none is.\n")
                    .addModifiers(Modifier.PUBLIC).returns(fieldEnum)
                    .addStatement("return this.$L", s.setFieldName).build());
        }
        for (FieldShape f : s.fields) {
            unionAccessors(b, s, f, fieldEnum);
        }
        b.addMethod(unionEquals(s, fieldEnum));
        b.addMethod(unionHashCode(s, fieldEnum));
        b.addMethod(unionToString(s, fieldEnum));
        addDeepHelpers(b, s);
        return b.build();
    }

    private void unionAccessors(TypeSpec.Builder b, StructShape s, FieldShape f, ClassName fieldEnum) {
        ClassName cls = s.className;
        String value = s.valueName;
        String setField = s.setFieldName;
        CodeBlock check = CodeBlock.builder()
                .beginControlFlow("if (this.$L != $T.$L)", setField, fieldEnum, f.selector())
                .addStatement("throw new $T($L + this.$L)", IllegalStateException.class,
                        Text.literal("union " + s.def.name() + " does not hold " + f.idlName() + "; it holds "), setField)
                .endControlFlow()
                .build();
        String doc = fieldDoc(f);
        if (f.storage() == Storage.ENUM) {
            ClassName enumType = (ClassName) f.javaType();
            b.addMethod(MethodSpec.methodBuilder("get" + f.prop())
                    .addJavadoc("$L", doc + "@return the constant, or {@code null} when the number is not one of the enum's\n"
                            + "@throws IllegalStateException if another field or none is set\n")
                    .addModifiers(Modifier.PUBLIC).returns(enumType)
                    .addCode(check)
                    .addStatement("return $T.findByValue(($T) this.$L)", enumType, Integer.class, value).build());
            b.addMethod(MethodSpec.methodBuilder("get" + f.valueProp())
                    .addJavadoc("The number of {@code $L} as on the wire.\n@throws IllegalStateException if another field or none is set\n",
                            Text.javadoc(f.idlName()))
                    .addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                    .addCode(check)
                    .addStatement("return ($T) this.$L", Integer.class, value).build());
            b.addMethod(MethodSpec.methodBuilder("set" + f.prop())
                    .addJavadoc("Sets this union to {@code $L}.\n", Text.javadoc(f.idlName()))
                    .addModifiers(Modifier.PUBLIC).returns(cls).addParameter(enumType, "value")
                    .addStatement("this.$L = $T.requireNonNull(value, $S).getValue()", value, OBJECTS, f.idlName())
                    .addStatement("this.$L = $T.$L", setField, fieldEnum, f.selector())
                    .addStatement("return this").build());
            b.addMethod(MethodSpec.methodBuilder("set" + f.valueProp())
                    .addJavadoc("Sets this union to {@code $L} with a number, which need not be defined by the enum.\n",
                            Text.javadoc(f.idlName()))
                    .addModifiers(Modifier.PUBLIC).returns(cls).addParameter(TypeName.INT, "value")
                    .addStatement("this.$L = value", value)
                    .addStatement("this.$L = $T.$L", setField, fieldEnum, f.selector())
                    .addStatement("return this").build());
        } else {
            MethodSpec.Builder get = MethodSpec.methodBuilder("get" + f.prop())
                    .addJavadoc("$L", doc + "@throws IllegalStateException if another field or none is set\n")
                    .addModifiers(Modifier.PUBLIC).returns(f.javaType())
                    .addCode(check)
                    .addStatement("return ($T) this.$L", f.javaType().box(), value);
            if (f.javaType() instanceof ParameterizedTypeName) {
                get.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
            }
            b.addMethod(get.build());
            MethodSpec.Builder set = MethodSpec.methodBuilder("set" + f.prop())
                    .addJavadoc("Sets this union to {@code $L}.\n", Text.javadoc(f.idlName()))
                    .addModifiers(Modifier.PUBLIC).returns(cls).addParameter(f.javaType(), "value");
            if (f.storage() == Storage.REF) {
                set.addStatement("this.$L = $T.requireNonNull(value, $S)", value, OBJECTS, f.idlName());
            } else {
                set.addStatement("this.$L = value", value);
            }
            b.addMethod(set.addStatement("this.$L = $T.$L", setField, fieldEnum, f.selector())
                    .addStatement("return this").build());
        }
        b.addMethod(MethodSpec.methodBuilder("isSet" + f.prop())
                .addJavadoc("Whether this union holds {@code $L}.\n", Text.javadoc(f.idlName()))
                .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                .addStatement("return this.$L == $T.$L", setField, fieldEnum, f.selector()).build());
        b.addMethod(MethodSpec.methodBuilder("unset" + f.prop())
                .addJavadoc("Clears this union if it holds {@code $L}.\n", Text.javadoc(f.idlName()))
                .addModifiers(Modifier.PUBLIC)
                .beginControlFlow("if (this.$L == $T.$L)", setField, fieldEnum, f.selector())
                .addStatement("this.$L = null", setField)
                .addStatement("this.$L = null", value)
                .endControlFlow().build());
    }

    private MethodSpec unionWrite(StructShape s, ClassName fieldEnum) {
        String v = ctx.v;
        String out = ctx.out;
        CodeBlock.Builder b = CodeBlock.builder();
        if (s.fields.isEmpty()) {
            throwInvalid(b, "union " + s.def.name() + " has no field set");
        } else {
            b.beginControlFlow("if ($L.$L == null)", v, s.setFieldName);
            throwInvalid(b, "union " + s.def.name() + " has no field set");
            b.endControlFlow();
            b.addStatement("$L.writeStructBegin()", out);
            boolean first = true;
            for (FieldShape f : s.byId) {
                String cond = "$L.$L == $T.$L";
                if (first) {
                    b.beginControlFlow("if (" + cond + ")", v, s.setFieldName, fieldEnum, f.selector());
                    first = false;
                } else {
                    b.nextControlFlow("else if (" + cond + ")", v, s.setFieldName, fieldEnum, f.selector());
                }
                codecs.fieldBegin(b, f.type(), f.field().id());
                if (f.storage() == Storage.ENUM) {
                    b.addStatement("$L.writeI32($L.get$L())", out, v, f.valueProp());
                } else if (f.kind().isContainer()) {
                    String local = ctx.local("value");
                    b.addStatement("$T $L = $L.get$L()", f.javaType(), local, v, f.prop());
                    codecs.write(b, f.type(), CodeBlock.of("$L", local), 0, s.def.name() + "." + f.idlName());
                } else {
                    codecs.write(b, f.type(), CodeBlock.of("$L.get$L()", v, f.prop()), 0, s.def.name() + "." + f.idlName());
                }
                b.addStatement("$L.writeFieldEnd()", out);
            }
            b.endControlFlow();
            b.addStatement("$L.writeFieldStop()", out);
            b.addStatement("$L.writeStructEnd()", out);
        }
        return MethodSpec.methodBuilder("write")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(s.className, v)
                .addParameter(WRITER, out)
                .addCode(b.build())
                .build();
    }

    private MethodSpec unionRead(StructShape s) {
        String v = ctx.v;
        String in = ctx.in;
        String type = ctx.type;
        String count = ctx.local("count");
        CodeBlock.Builder b = CodeBlock.builder();
        b.addStatement("$T $L = new $T()", s.className, v, s.className);
        if (!s.fields.isEmpty()) {
            b.addStatement("int $L = 0", count);
        }
        b.addStatement("$L.readStructBegin()", in);
        b.beginControlFlow("while (true)");
        b.addStatement("byte $L = $L.readFieldBegin()", type, in);
        b.beginControlFlow("if ($L == $T.STOP)", type, TTYPE);
        b.addStatement("break");
        b.endControlFlow();
        if (s.fields.isEmpty()) {
            b.addStatement("$L.skip($L)", in, type);
        } else {
            b.beginControlFlow("switch ($L.fieldId())", in);
            for (FieldShape f : s.byId) {
                b.add("case $L:\n", f.field().id()).indent();
                b.beginControlFlow("if ($L == $T.$L)", type, TTYPE, GenContext.ttype(f.type()));
                if (f.storage() == Storage.ENUM) {
                    b.addStatement("$L.set$L($L.readI32())", v, f.valueProp(), in);
                } else {
                    CodeBlock value = codecs.read(b, f.type(), 0, s.def.name() + "." + f.idlName());
                    b.addStatement("$L.set$L($L)", v, f.prop(), value);
                }
                b.addStatement("$L++", count);
                b.nextControlFlow("else");
                b.addStatement("$L.skip($L)", in, type);
                b.endControlFlow();
                b.addStatement("break").unindent();
            }
            b.add("default:\n").indent().addStatement("$L.skip($L)", in, type).unindent();
            b.endControlFlow();
        }
        b.addStatement("$L.readFieldEnd()", in);
        b.endControlFlow();
        b.addStatement("$L.readStructEnd()", in);
        if (!s.fields.isEmpty()) {
            b.beginControlFlow("if ($L > 1)", count);
            throwInvalid(b, "union " + s.def.name() + " has more than one field set");
            b.endControlFlow();
        }
        b.addStatement("return $L", v);
        return MethodSpec.methodBuilder("read")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(s.className)
                .addParameter(READER, in)
                .addCode(b.build())
                .build();
    }

    private MethodSpec unionEquals(StructShape s, ClassName fieldEnum) {
        String o = ctx.local("o");
        String that = ctx.local("that");
        MethodSpec.Builder m = equalsHeader(s.className, o, that);
        if (!s.fields.isEmpty()) {
            m.beginControlFlow("if (this.$L != $L.$L)", s.setFieldName, that, s.setFieldName)
                    .addStatement("return false").endControlFlow();
        }
        for (FieldShape f : s.fields) {
            if (f.kind() == GenContext.Kind.BINARY) {
                m.beginControlFlow("if (this.$L == $T.$L)", s.setFieldName, fieldEnum, f.selector())
                        .addStatement("return $T.equals((byte[]) this.$L, (byte[]) $L.$L)", ARRAYS, s.valueName, that, s.valueName)
                        .endControlFlow();
            } else if (GenContext.bytesInContainer(f.type())) {
                m.beginControlFlow("if (this.$L == $T.$L)", s.setFieldName, fieldEnum, f.selector())
                        .addStatement("return deepEquals(this.$L, $L.$L)", s.valueName, that, s.valueName)
                        .endControlFlow();
            }
        }
        return m.addStatement("return $T.equals(this.$L, $L.$L)", OBJECTS, s.valueName, that, s.valueName).build();
    }

    private MethodSpec unionHashCode(StructShape s, ClassName fieldEnum) {
        String h = ctx.local("h");
        MethodSpec.Builder m = MethodSpec.methodBuilder("hashCode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT);
        if (s.fields.isEmpty()) {
            return m.addStatement("return 0").build();
        }
        m.addStatement("int $L = this.$L == null ? 0 : this.$L.ordinal() + 1", h, s.setFieldName, s.setFieldName);
        for (FieldShape f : s.fields) {
            if (f.kind() == GenContext.Kind.BINARY) {
                m.beginControlFlow("if (this.$L == $T.$L)", s.setFieldName, fieldEnum, f.selector())
                        .addStatement("return 31 * $L + $T.hashCode((byte[]) this.$L)", h, ARRAYS, s.valueName)
                        .endControlFlow();
            } else if (GenContext.bytesInContainer(f.type())) {
                m.beginControlFlow("if (this.$L == $T.$L)", s.setFieldName, fieldEnum, f.selector())
                        .addStatement("return 31 * $L + deepHashCode(this.$L)", h, s.valueName)
                        .endControlFlow();
            }
        }
        return m.addStatement("return 31 * $L + $T.hashCode(this.$L)", h, OBJECTS, s.valueName).build();
    }

    private MethodSpec unionToString(StructShape s, ClassName fieldEnum) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class);
        for (FieldShape f : s.fields) {
            CodeBlock value = CodeBlock.of("this.$L", s.valueName);
            CodeBlock rendered;
            if (f.storage() == Storage.ENUM) {
                rendered = CodeBlock.of("$T.toString($T.findByValue(($T) $L), $T.valueOf($L))", OBJECTS, f.javaType(), Integer.class, value, String.class, value);
            } else if (f.kind() == GenContext.Kind.BINARY) {
                rendered = CodeBlock.of("$T.of().formatHex((byte[]) $L)", HEX_FORMAT, value);
            } else if (GenContext.binaryInContainer(f.type())) {
                rendered = CodeBlock.of("deepToString($L)", value);
            } else {
                rendered = value;
            }
            m.beginControlFlow("if (this.$L == $T.$L)", s.setFieldName, fieldEnum, f.selector())
                    .addStatement("return $L + $L + $S", Text.literal(s.def.name() + "(" + f.idlName() + "="), rendered, ")")
                    .endControlFlow();
        }
        return m.addStatement("return $L", Text.literal(s.def.name() + "()")).build();
    }
}
