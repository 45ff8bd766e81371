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
 * rejected with {@code INVALID_DATA} rather than decoded as garbage. Enum values in containers
 * are enum constants; a number the enum does not define reads as {@code null} (as Apache's Java
 * generator does), and writing such a {@code null} fails with {@code INVALID_DATA}.
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
     * Adds statements writing {@code value} of {@code type}. {@code value} must be free of side
     * effects (it may be evaluated more than once).
     */
    void write(CodeBlock.Builder b, IdlType type, CodeBlock value, int depth, String where) {
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
            case BINARY -> b.addStatement("$L.writeBinary($L)", out, value);
            case UUID -> b.addStatement("$L.writeUuid($L)", out, value);
            case ENUM -> {
                if (depth > 0) {
                    b.beginControlFlow("if ($L == null)", value);
                    b.addStatement("throw new $T($T.INVALID_DATA, $L)", PROTOCOL_EXCEPTION, PROTOCOL_EXCEPTION,
                            Text.literal(where + ": cannot write a null enum value (an unknown number read from the wire?)"));
                    b.endControlFlow();
                }
                b.addStatement("$L.writeI32($L.getValue())", out, value);
            }
            case STRUCT -> b.addStatement("$T.CODEC.write($L, $L)", ctx.className(((StructRef) t).definition()), value, out);
            case LIST, SET -> {
                IdlType elem = t instanceof ListType l ? l.elementType() : ((SetType) t).elementType();
                String kind = t instanceof ListType ? "List" : "Set";
                String e = ctx.local("e" + depth);
                b.addStatement("$L.write$LBegin($T.$L, $L.size())", out, kind, TTYPE, GenContext.ttype(elem), value);
                b.beginControlFlow("for ($T $L : $L)", ctx.boxed(elem), e, value);
                write(b, elem, CodeBlock.of("$L", e), depth + 1, where);
                b.endControlFlow();
                b.addStatement("$L.write$LEnd()", out, kind);
            }
            case MAP -> {
                MapType m = (MapType) t;
                String me = ctx.local("me" + depth);
                b.addStatement("$L.writeMapBegin($T.$L, $T.$L, $L.size())", out,
                        TTYPE, GenContext.ttype(m.keyType()), TTYPE, GenContext.ttype(m.valueType()), value);
                b.beginControlFlow("for ($T $L : $L.entrySet())",
                        ParameterizedTypeName.get(MAP_ENTRY, ctx.boxed(m.keyType()), ctx.boxed(m.valueType())), me, value);
                write(b, m.keyType(), CodeBlock.of("$L.getKey()", me), depth + 1, where);
                write(b, m.valueType(), CodeBlock.of("$L.getValue()", me), depth + 1, where);
                b.endControlFlow();
                b.addStatement("$L.writeMapEnd()", out);
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * Adds the statements that read one value of {@code type} and returns the expression that
     * yields it: a reader call for scalars (evaluate it exactly once, in place), a local for containers.
     */
    CodeBlock read(CodeBlock.Builder b, IdlType type, int depth, String where) {
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
            case BINARY -> CodeBlock.of("$L.readBinary()", in);
            case UUID -> CodeBlock.of("$L.readUuid()", in);
            case ENUM -> CodeBlock.of("$T.findByValue($L.readI32())", ctx.className(((EnumRef) t).definition()), in);
            case STRUCT -> CodeBlock.of("$T.CODEC.read($L)", ctx.className(((StructRef) t).definition()), in);
            case LIST, SET -> {
                boolean list = t instanceof ListType;
                IdlType elem = list ? ((ListType) t).elementType() : ((SetType) t).elementType();
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
                b.addStatement("$T $L = new $T<>($L)", ctx.javaType(t), c, list ? ARRAY_LIST : LINKED_HASH_SET, n);
                b.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, n, i);
                CodeBlock e = read(b, elem, depth + 1, where);
                b.addStatement("$L.add($L)", c, e);
                b.endControlFlow();
                b.addStatement("$L.read$LEnd()", in, list ? "List" : "Set");
                yield CodeBlock.of("$L", c);
            }
            case MAP -> {
                MapType m = (MapType) t;
                int id = nextLocal++;
                String n = ctx.local("n" + id);
                String c = ctx.local("m" + id);
                String i = ctx.local("i" + id);
                String k = ctx.local("k" + id);
                b.addStatement("int $L = $L.readMapBegin()", n, in);
                b.beginControlFlow("if ($L > 0 && ($L.keyType() != $T.$L || $L.valueType() != $T.$L))", n,
                        in, TTYPE, GenContext.ttype(m.keyType()), in, TTYPE, GenContext.ttype(m.valueType()));
                b.addStatement("throw new $T($T.INVALID_DATA, $L + $L.keyType() + $S + $L.valueType())",
                        PROTOCOL_EXCEPTION, PROTOCOL_EXCEPTION,
                        Text.literal(where + ": expected map entries of types " + GenContext.ttype(m.keyType()) + "/"
                                + GenContext.ttype(m.valueType()) + ", got types "), in, "/", in);
                b.endControlFlow();
                b.addStatement("$T $L = new $T<>($L)", ctx.javaType(t), c, LINKED_HASH_MAP, n);
                b.beginControlFlow("for (int $L = 0; $L < $L; $L++)", i, i, n, i);
                // The key is read before the value: a scalar key read in place is materialized first
                // when reading the value takes statements; two scalars are read left to right in put().
                CodeBlock key = read(b, m.keyType(), depth + 1, where);
                if (!GenContext.kind(m.keyType()).isContainer() && GenContext.kind(m.valueType()).isContainer()) {
                    b.addStatement("$T $L = $L", ctx.boxed(m.keyType()), k, key);
                    key = CodeBlock.of("$L", k);
                }
                CodeBlock value = read(b, m.valueType(), depth + 1, where);
                b.addStatement("$L.put($L, $L)", c, key, value);
                b.endControlFlow();
                b.addStatement("$L.readMapEnd()", in);
                yield CodeBlock.of("$L", c);
            }
        };
    }
}
