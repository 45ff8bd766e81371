package io.kitex4j.codegen.internal.java;

import static io.kitex4j.codegen.internal.java.GenContext.ARRAY_LIST;
import static io.kitex4j.codegen.internal.java.GenContext.COLLECTIONS;
import static io.kitex4j.codegen.internal.java.GenContext.LINKED_HASH_MAP;
import static io.kitex4j.codegen.internal.java.GenContext.LINKED_HASH_SET;
import static io.kitex4j.codegen.internal.java.GenContext.LIST;
import static io.kitex4j.codegen.internal.java.GenContext.STANDARD_CHARSETS;
import static io.kitex4j.codegen.internal.java.GenContext.UUID;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.kitex4j.codegen.thrift.model.BoolValue;
import io.kitex4j.codegen.thrift.model.ConstValue;
import io.kitex4j.codegen.thrift.model.DoubleValue;
import io.kitex4j.codegen.thrift.model.EnumDef;
import io.kitex4j.codegen.thrift.model.EnumRef;
import io.kitex4j.codegen.thrift.model.EnumValue;
import io.kitex4j.codegen.thrift.model.Field;
import io.kitex4j.codegen.thrift.model.IdentifierRef;
import io.kitex4j.codegen.thrift.model.IdlType;
import io.kitex4j.codegen.thrift.model.IntValue;
import io.kitex4j.codegen.thrift.model.ListType;
import io.kitex4j.codegen.thrift.model.ListValue;
import io.kitex4j.codegen.thrift.model.MapType;
import io.kitex4j.codegen.thrift.model.MapValue;
import io.kitex4j.codegen.thrift.model.SetType;
import io.kitex4j.codegen.thrift.model.StringValue;
import io.kitex4j.codegen.thrift.model.StructDef;
import io.kitex4j.codegen.thrift.model.StructRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Java expressions for IDL constant values (constants and field defaults). References to other
 * constants are inlined (so initialization order never matters); references to enum values
 * become the enum constant. Lists and sets are expressions; a map needs statements, which go to
 * a prelude (a static block or the constructor) with a fresh local.
 */
final class ConstExpressions {
    private final GenContext ctx;
    private CodeBlock.Builder prelude;
    private final Names.Scope locals;
    private final boolean mutable;
    private int next;

    /**
     * @param prelude where statements building maps go
     * @param locals allocates the locals of the prelude
     * @param mutable whether collections must be mutable (field defaults) or unmodifiable (constants)
     */
    ConstExpressions(GenContext ctx, CodeBlock.Builder prelude, Names.Scope locals, boolean mutable) {
        this.ctx = ctx;
        this.prelude = prelude;
        this.locals = locals;
        this.mutable = mutable;
    }

    /** Sends the statements of later expressions to {@code prelude}. */
    ConstExpressions into(CodeBlock.Builder prelude) {
        this.prelude = prelude;
        return this;
    }

    /** Whether {@code value} of {@code type} is a literal (a compile-time constant: primitives and strings). */
    static boolean isLiteral(IdlType type) {
        GenContext.Kind k = GenContext.kind(type);
        return k.isPrimitive() || k == GenContext.Kind.STRING;
    }

    /** The expression for {@code raw} as a value of {@link GenContext#javaType(IdlType)}. */
    CodeBlock expr(IdlType type, ConstValue raw) {
        return expr(type, raw, false);
    }

    /** {@code hashed}: the value is (part of) a set element or map key, where binary is a {@code ByteBuffer}. */
    private CodeBlock expr(IdlType type, ConstValue raw, boolean hashed) {
        ConstValue value = raw.resolved();
        IdlType t = type.trueType();
        return switch (GenContext.kind(t)) {
            case BOOL -> CodeBlock.of("$L", bool(value));
            case I8 -> CodeBlock.of("(byte) $L", integer(value));
            case I16 -> CodeBlock.of("(short) $L", integer(value));
            case I32 -> CodeBlock.of("$L", integer(value));
            case I64 -> CodeBlock.of("$LL", integer(value));
            case DOUBLE -> CodeBlock.of("$L", doubleLiteral(value));
            case STRING -> CodeBlock.of("$L", Text.literal(string(value)));
            case BINARY -> hashed
                    ? CodeBlock.of("$T.wrap($L.getBytes($T.UTF_8))", GenContext.BYTE_BUFFER, Text.literal(string(value)), STANDARD_CHARSETS)
                    : CodeBlock.of("$L.getBytes($T.UTF_8)", Text.literal(string(value)), STANDARD_CHARSETS);
            case UUID -> CodeBlock.of("$T.fromString($L)", UUID, Text.literal(string(value)));
            case ENUM -> enumConstant(((EnumRef) t).definition(), value);
            case STRUCT -> struct(((StructRef) t).definition(), value);
            case LIST -> list(((ListType) t).elementType(), elements(value), hashed);
            case SET -> set(((SetType) t).elementType(), elements(value));
            case MAP -> map((MapType) t, entries(value), hashed);
        };
    }

    private CodeBlock list(IdlType elem, List<ConstValue> elements, boolean hashed) {
        CodeBlock of = listOf(elem, elements, hashed);
        return mutable ? CodeBlock.of("new $T<$T>($L)", ARRAY_LIST, ctx.boxed(elem, hashed), of) : of;
    }

    private CodeBlock set(IdlType elem, List<ConstValue> elements) {
        CodeBlock set = CodeBlock.of("new $T<$T>($L)", LINKED_HASH_SET, ctx.boxed(elem, true), listOf(elem, elements, true));
        return mutable ? set : CodeBlock.of("$T.unmodifiableSet($L)", COLLECTIONS, set);
    }

    private CodeBlock listOf(IdlType elem, List<ConstValue> elements, boolean hashed) {
        List<CodeBlock> items = new ArrayList<>();
        for (ConstValue e : elements) {
            items.add(expr(elem, e, hashed));
        }
        return CodeBlock.of("$T.<$T>of($L)", LIST, ctx.boxed(elem, hashed), CodeBlock.join(items, ", "));
    }

    private CodeBlock map(MapType type, List<MapValue.Entry> entries, boolean hashed) {
        String m = locals.allocate("m" + next++);
        prelude.addStatement("$T $L = new $T<>()", ctx.javaType(type, hashed), m, LINKED_HASH_MAP);
        for (MapValue.Entry e : entries) {
            CodeBlock k = expr(type.keyType(), e.key(), true);
            CodeBlock v = expr(type.valueType(), e.value(), hashed);
            prelude.addStatement("$L.put($L, $L)", m, k, v);
        }
        return mutable ? CodeBlock.of("$L", m) : CodeBlock.of("$T.unmodifiableMap($L)", COLLECTIONS, m);
    }

    private CodeBlock struct(StructDef def, ConstValue value) {
        ClassName cls = ctx.className(def);
        CodeBlock.Builder b = CodeBlock.builder().add("new $T()", cls);
        StructShape shape = ctx.shape(def);
        for (MapValue.Entry e : entries(value)) {
            String name = string(e.key().resolved());
            Field f = def.findField(name).orElseThrow(
                    () -> new IllegalStateException("no field " + name + " in " + def.name() + " at " + e.key().location()));
            b.add(".set$L($L)", shape.field(f).prop(), expr(f.type(), e.value()));
        }
        return b.build();
    }

    private CodeBlock enumConstant(EnumDef def, ConstValue value) {
        ClassName cls = ctx.className(def);
        if (value instanceof IdentifierRef ref && ref.target() instanceof EnumValue ev) {
            return CodeBlock.of("$T.$L", cls, EnumGenerator.constantName(ev));
        }
        int number = (int) integer(value);
        return def.findByValue(number)
                .map(ev -> CodeBlock.of("$T.$L", cls, EnumGenerator.constantName(ev)))
                .orElseGet(() -> CodeBlock.of("$T.findByValue($L)", cls, number));
    }

    /** The number of an enum constant value: an enum value reference or an integer. */
    static int enumNumber(ConstValue raw) {
        return (int) integer(raw.resolved());
    }

    /**
     * The raw number of an enum default, for fields that store it: {@code Level.HIGH.getValue()}
     * when the number names a constant, else the literal number.
     */
    CodeBlock enumRawValue(IdlType type, ConstValue raw) {
        EnumDef def = ((EnumRef) type.trueType()).definition();
        int number = enumNumber(raw);
        return def.findByValue(number)
                .map(ev -> CodeBlock.of("$T.$L.getValue()", ctx.className(def), EnumGenerator.constantName(ev)))
                .orElseGet(() -> CodeBlock.of("$L", number));
    }

    private static boolean bool(ConstValue v) {
        if (v instanceof BoolValue b) {
            return b.value();
        }
        return integer(v) != 0;
    }

    private static long integer(ConstValue v) {
        if (v instanceof IntValue i) {
            return i.value();
        }
        if (v instanceof BoolValue b) {
            return b.value() ? 1 : 0;
        }
        if (v instanceof IdentifierRef ref && ref.target() instanceof EnumValue ev) {
            return ev.value();
        }
        throw new IllegalStateException("not an integer constant at " + v.location() + ": " + v);
    }

    private static String doubleLiteral(ConstValue v) {
        double d = v instanceof DoubleValue dv ? dv.value() : integer(v);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalStateException("not a finite double at " + v.location());
        }
        String s = Double.toString(d);
        return s.contains(".") || s.contains("E") ? s : s + ".0";
    }

    private static String string(ConstValue v) {
        if (v instanceof StringValue s) {
            return s.value();
        }
        throw new IllegalStateException("not a string constant at " + v.location() + ": " + v);
    }

    private static List<ConstValue> elements(ConstValue v) {
        if (v instanceof ListValue l) {
            return l.elements();
        }
        if (v instanceof MapValue m && m.entries().isEmpty()) {
            return List.of(); // `{}` for an empty set
        }
        throw new IllegalStateException("not a list constant at " + v.location() + ": " + v);
    }

    private static List<MapValue.Entry> entries(ConstValue v) {
        if (v instanceof MapValue m) {
            return m.entries();
        }
        if (v instanceof ListValue l && l.elements().isEmpty()) {
            return List.of(); // `[]` for an empty map
        }
        throw new IllegalStateException("not a map constant at " + v.location() + ": " + v);
    }
}
