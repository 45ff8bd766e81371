package io.kitex4j.codegen.internal.java;

import static io.kitex4j.codegen.internal.java.GenContext.ARRAY_LIST;
import static io.kitex4j.codegen.internal.java.GenContext.LINKED_HASH_MAP;
import static io.kitex4j.codegen.internal.java.GenContext.LINKED_HASH_SET;
import static io.kitex4j.codegen.internal.java.GenContext.MAP_ENTRY;
import static io.kitex4j.codegen.internal.java.GenContext.PROTOCOL_EXCEPTION;
import static io.kitex4j.codegen.internal.java.GenContext.TTYPE;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import io.kitex4j.codegen.thrift.model.EnumRef;
import io.kitex4j.codegen.thrift.model.IdlType;
import io.kitex4j.codegen.thrift.model.ListType;
import io.kitex4j.codegen.thrift.model.MapType;
import io.kitex4j.codegen.thrift.model.SetType;
import io.kitex4j.codegen.thrift.model.StructRef;

/**
 * Encode and decode statements for one value of an IDL type, straight onto {@code ThriftWriter} /
 * {@code ThriftReader} calls. Containers become loops with numbered locals
 * ({@code e0}, {@code n1}, ...), so nesting is unlimited.
 *
 * <p>On read, a non-empty container whose element (key, value) wire type differs from the IDL is
 * rejected with {@code INVALID_DATA} rather than decoded as garbage.
 *
 * <p>Binary in a set element or a map key, at any depth, is a {@code java.nio.ByteBuffer}
 * (see {@link GenContext#javaType(IdlType, boolean)}): read as a buffer wrapping the bytes,
 * written as its remaining bytes without moving its position. Elsewhere binary is {@code byte[]}.
 *
 * <p>Enum values in containers are enum constants. A number the enum does not define is dropped
 * on read: a list or set element is left out, and a map entry whose key or value is such a number
 * is left out (Apache's Java generator drops map entries with an unknown enum key; a {@code null}
 * in a Java collection could not be written back). Writing a {@code null} enum value in a
 * container fails with {@code INVALID_DATA} naming the field.
 */
final class Codecs {
    private final GenContext ctx;
    /** Numbers the locals of one value's read, so keys and values of a map get distinct names. */
    private int nextLocal;

    Codecs(GenContext ctx) {
        this.ctx = ctx;
    }

    /** Adds {@code out.writeFieldBegin(TType.X, (short) id)}. */
    void fieldBegin(CodeBlock.Builder b, IdlType type, int id) {
        b.addStatement("$L.writeFieldBegin($T.$L, (short) $L)", ctx.out, TTYPE, GenContext.ttype(type), id);
    }

    /**
     * Adds statements writing {@code value} of {@code type} (a field's value, of
     * {@link GenContext#javaType(IdlType)}). {@code value} must be free of side effects (it may be
     * evaluated more than once).
     */
    void write(CodeBlock.Builder b, IdlType type, CodeBlock value, int depth, String where) {
        write(b, type, value, depth, where, false);
    }

    private void write(CodeBlock.Builder b, IdlType type, CodeBlock value, int depth, String where, boolean hashed) {
        IdlType t = type.trueType();
        String out = ctx.out;
        switch (GenContext.kind(t)) {
            case BOOL -> b.addStatement("$L.writeBool($L)", out, value);
            case I8 -> b.addStatement("$L.writeByte($L)", out, value);
            case I16 -> b.addStatement("$L.writeI16($L)", out, value);
            case I32 -> b.addStatement("$L.writeI32($L)", out, value);
            case I64 -> b.addStatement("$L.writeI64($L)", out, value);
            case DOUBLE -> b.addStatement("$L.writeDouble($L)", out, value);
            case STRING -> b.addStatement("$L.writeString($L)", out, value);
            case BINARY -> {
                if (hashed) {
                    // A ByteBuffer: its remaining bytes, leaving its position where it is.
                    String copy = ctx.local("b" + depth);
                    b.beginControlFlow("if ($L.hasArray())", value);
                    b.addStatement("$L.writeBinary($L.array(), $L.arrayOffset() + $L.position(), $L.remaining())",
                            out, value, value, value, value);
                    b.nextControlFlow("else");
                    b.addStatement("byte[] $L = new byte[$L.remaining()]", copy, value);
                    b.addStatement("$L.get($L.position(), $L)", value, value, copy);
                    b.addStatement("$L.writeBinary($L)", out, copy);
                    b.endControlFlow();
                } else {
                    b.addStatement("$L.writeBinary($L)", out, value);
                }
            }
            case UUID -> b.addStatement("$L.writeUuid($L)", out, value);
            case ENUM -> {
                if (depth > 0) {
                    b.beginControlFlow("if ($L == null)", value);
                    b.addStatement("throw new $T($T.INVALID_DATA, $L)", PROTOCOL_EXCEPTION, PROTOCOL_EXCEPTION,
                            Text.literal(where + ": cannot write a null enum value in a container"));
                    b.endControlFlow();
                }
                b.addStatement("$L.writeI32($L.getValue())", out, value);
            }
            case STRUCT -> b.addStatement("$T.CODEC.write($L, $L)", ctx.className(((StructRef) t).definition()), value, out);
            case LIST, SET -> {
                boolean list = t instanceof ListType;
                IdlType elem = list ? ((ListType) t).elementType() : ((SetType) t).elementType();
                boolean elemHashed = hashed || !list;
                String kind = list ? "List" : "Set";
                String e = ctx.local("e" + depth);
                b.addStatement("$L.write$LBegin($T.$L, $L.size())", out, kind, TTYPE, GenContext.ttype(elem), value);
                b.beginControlFlow("for ($T $L : $L)", ctx.boxed(elem, elemHashed), e, value);
                write(b, elem, CodeBlock.of("$L", e), depth + 1, where, elemHashed);
                b.endControlFlow();
                b.addStatement("$L.write$LEnd()", out, kind);
            }
            case MAP -> {
                MapType m = (MapType) t;
                String me = ctx.local("me" + depth);
                b.addStatement("$L.writeMapBegin($T.$L, $T.$L, $L.size())", out,
                        TTYPE, GenContext.ttype(m.keyType()), TTYPE, GenContext.ttype(m.valueType()), value);
                b.beginControlFlow("for ($T $L : $L.entrySet())", ParameterizedTypeName.get(MAP_ENTRY,
                        ctx.boxed(m.keyType(), true), ctx.boxed(m.valueType(), hashed)), me, value);
                CodeBlock key = CodeBlock.of("$L.getKey()", me);
                if (GenContext.kind(m.keyType()) == GenContext.Kind.BINARY) {
                    String k = ctx.local("k" + depth);
                    b.addStatement("$T $L = $L", GenContext.BYTE_BUFFER, k, key);
                    key = CodeBlock.of("$L", k);
                }
                write(b, m.keyType(), key, depth + 1, where, true);
                CodeBlock entryValue = CodeBlock.of("$L.getValue()", me);
                if (hashed && GenContext.kind(m.valueType()) == GenContext.Kind.BINARY) {
                    String w = ctx.local("mv" + depth);
                    b.addStatement("$T $L = $L", GenContext.BYTE_BUFFER, w, entryValue);
                    entryValue = CodeBlock.of("$L", w);
                }
                write(b, m.valueType(), entryValue, depth + 1, where, hashed);
                b.endControlFlow();
                b.addStatement("$L.writeMapEnd()", out);
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * Adds the statements that read one value of {@code type} (a field's value, of
     * {@link GenContext#javaType(IdlType)}) and returns the expression that yields it: a reader
     * call for scalars (evaluate it exactly once, in place), a local for containers.
     */
    CodeBlock read(CodeBlock.Builder b, IdlType type, int depth, String where) {
        return read(b, type, depth, where, false);
    }

    private CodeBlock read(CodeBlock.Builder b, IdlType type, int depth, String where, boolean hashed) {
        if (depth == 0) {
            nextLocal = 0;
        }
        IdlType t = type.trueType();
        String in = ctx.in;
        return switch (GenContext.kind(t)) {
            case BOOL -> CodeBlock.of("$L.readBool()", in);
            case I8 -> CodeBlock.of("$L.readByte()", in);
            case I16 -> CodeBlock.of("$L.readI16()", in);
            case I32 -> CodeBlock.of("$L.readI32()", in);
            case I64 -> CodeBlock.of("$L.readI64()", in);
            case DOUBLE -> CodeBlock.of("$L.readDouble()", in);
            case STRING -> CodeBlock.of("$L.readString()", in);
            case BINARY -> hashed
                    ? CodeBlock.of("$T.wrap($L.readBinary())", GenContext.BYTE_BUFFER, in)
                    : CodeBlock.of("$L.readBinary()", in);
            case UUID -> CodeBlock.of("$L.readUuid()", in);
            case ENUM -> CodeBlock.of("$T.findByValue($L.readI32())", ctx.className(((EnumRef) t).definition()), in);
            case STRUCT -> CodeBlock.of("$T.CODEC.read($L)", ctx.className(((StructRef) t).definition()), in);
            case LIST, SET -> {
                boolean list = t instanceof ListType;
                IdlType elem = list ? ((ListType) t).elementType() : ((SetType) t).elementType();
                boolean elemHashed = hashed || !list;
                int id = nextLocal++;
                String n = ctx.local("n" + id);
                String c = ctx.local((list ? "l" : "s") + id);
                String i = ctx.local("i" + id);
                b.addStatement("int $L = $L.read$LBegin()", n, in, list ? "List" : "Set");
                b.beginControlFlow("if ($L > 0 && $L.elementType() != $T.$L)", n, in, TTYPE, GenContext.ttype(elem));
                b.addStatement("throw new $T($T.INVALID_DATA, $L + $L.elementType())", PROTOCOL_EXCEPTION, PROTOCOL_EXCEPTION,
                        Text.literal(where + ": expected " + (list ? "list" : "set") + " elements of type "
                                + GenContext.ttype(elem) + ", got type "), in);
                b.endControlFlow();
                b.addStatement("$T $L = new $T<>($L)", ctx.javaType(t, hashed), c, list ? ARRAY_LIST : LINKED_HASH_SET, n);
                b.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, n, i);
                CodeBlock e = read(b, elem, depth + 1, where, elemHashed);
                if (GenContext.kind(elem) == GenContext.Kind.ENUM) {
                    // A number the enum does not define is dropped.
                    String el = ctx.local("e" + id);
                    b.addStatement("$T $L = $L", ctx.boxed(elem, elemHashed), el, e);
                    b.beginControlFlow("if ($L != null)", el);
                    b.addStatement("$L.add($L)", c, el);
                    b.endControlFlow();
                } else {
                    b.addStatement("$L.add($L)", c, e);
                }
                b.endControlFlow();
                b.addStatement("$L.read$LEnd()", in, list ? "List" : "Set");
                yield CodeBlock.of("$L", c);
            }
            case MAP -> {
                MapType m = (MapType) t;
                boolean keyEnum = GenContext.kind(m.keyType()) == GenContext.Kind.ENUM;
                boolean valueEnum = GenContext.kind(m.valueType()) == GenContext.Kind.ENUM;
                int id = nextLocal++;
                String n = ctx.local("n" + id);
                String c = ctx.local("m" + id);
                String i = ctx.local("i" + id);
                String k = ctx.local("k" + id);
                String val = ctx.local("val" + id);
                b.addStatement("int $L = $L.readMapBegin()", n, in);
                b.beginControlFlow("if ($L > 0 && ($L.keyType() != $T.$L || $L.valueType() != $T.$L))", n,
                        in, TTYPE, GenContext.ttype(m.keyType()), in, TTYPE, GenContext.ttype(m.valueType()));
                b.addStatement("throw new $T($T.INVALID_DATA, $L + $L.keyType() + $S + $L.valueType())",
                        PROTOCOL_EXCEPTION, PROTOCOL_EXCEPTION,
                        Text.literal(where + ": expected map entries of types " + GenContext.ttype(m.keyType()) + "/"
                                + GenContext.ttype(m.valueType()) + ", got types "), in, "/", in);
                b.endControlFlow();
                b.addStatement("$T $L = new $T<>($L)", ctx.javaType(t, hashed), c, LINKED_HASH_MAP, n);
                b.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, n, i);
                // The key is read before the value: a scalar key read in place is materialized first
                // when reading the value takes statements, or when the entry may be dropped; two
                // scalars are read left to right in put().
                CodeBlock key = read(b, m.keyType(), depth + 1, where, true);
                boolean keyScalar = !GenContext.kind(m.keyType()).isContainer();
                if (keyScalar && (GenContext.kind(m.valueType()).isContainer() || keyEnum || valueEnum)) {
                    b.addStatement("$T $L = $L", ctx.boxed(m.keyType(), true), k, key);
                    key = CodeBlock.of("$L", k);
                }
                CodeBlock value = read(b, m.valueType(), depth + 1, where, hashed);
                if (keyEnum || valueEnum) {
                    // An entry whose key or value is a number the enum does not define is dropped.
                    if (!GenContext.kind(m.valueType()).isContainer()) {
                        b.addStatement("$T $L = $L", ctx.boxed(m.valueType(), hashed), val, value);
                        value = CodeBlock.of("$L", val);
                    }
                    CodeBlock known = keyEnum && valueEnum
                            ? CodeBlock.of("$L != null && $L != null", key, value)
                            : CodeBlock.of("$L != null", keyEnum ? key : value);
                    b.beginControlFlow("if ($L)", known);
                    b.addStatement("$L.put($L, $L)", c, key, value);
                    b.endControlFlow();
                } else {
                    b.addStatement("$L.put($L, $L)", c, key, value);
                }
                b.endControlFlow();
                b.addStatement("$L.readMapEnd()", in);
                yield CodeBlock.of("$L", c);
            }
        };
    }
}
