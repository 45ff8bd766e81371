package io.kitex4j.codegen.internal.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.kitex4j.codegen.thrift.model.Field;
import io.kitex4j.codegen.thrift.model.IdlType;
import io.kitex4j.codegen.thrift.model.StructDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java names and storage of a struct, union or exception: computed once, used by the class
 * generator and by constant expressions (which call the setters).
 */
final class StructShape {

    /** How a field is stored. */
    enum Storage {
        /** A reference; {@code null} means unset. */
        REF,
        /** A primitive plus an isset bit. */
        PRIM,
        /** The raw i32 of an enum plus an isset bit, so unknown numbers survive. */
        ENUM
    }

    /**
     * One field.
     *
     * @param field the IDL field
     * @param name the private Java field (and constructor parameter) name
     * @param prop the accessor stem: {@code get<prop>}, {@code set<prop>}, ...
     * @param valueProp for enum fields, the stem of the raw-number accessors ({@code get<valueProp>})
     * @param selector for union fields, the constant of the {@code Field} enum
     * @param storage how it is stored
     * @param bit the isset bit index (PRIM and ENUM), else -1
     * @param type the type with typedefs unwrapped
     * @param javaType the Java type (the enum class for ENUM storage)
     */
    record FieldShape(Field field, String name, String prop, String valueProp, String selector, Storage storage,
                      int bit, IdlType type, TypeName javaType) {

        String idlName() {
            return field.name();
        }

        GenContext.Kind kind() {
            return GenContext.kind(type);
        }

        /** Whether the value is written even when never set (primitives of default or required requiredness). */
        boolean alwaysWritten() {
            return storage == Storage.PRIM && !field.isOptional();
        }

        /** The bit-field holding this field's isset bit. */
        String bitField(StructShape s) {
            return s.bitFields.get(bit / 32);
        }

        /** The mask of this field's isset bit, as a hex int literal. */
        String mask() {
            return String.format("0x%x", 1 << (bit % 32));
        }

        /** The complement of {@link #mask()}. */
        String clearMask() {
            return String.format("0x%x", ~(1 << (bit % 32)));
        }
    }

    final StructDef def;
    final ClassName className;
    final List<FieldShape> fields;
    final List<FieldShape> byId;
    final List<String> bitFields;
    /** Union storage: the selector field and the value field. */
    final String setFieldName;
    final String valueName;
    /** Exceptions: whether a string field {@code message} provides {@code getMessage()}. */
    final boolean messageIsField;
    private final Map<Field, FieldShape> byField = new IdentityHashMap<>();

    StructShape(GenContext ctx, StructDef def) {
        this.def = def;
        this.className = ctx.className(def);
        Names.Scope javaFields = ctx.scope().reserve("CODEC", "serialVersionUID", "UNSET");
        Names.Scope props = new Names.Scope().reserve("Class");
        if (def.isException()) {
            props.reserve("Cause", "StackTrace", "LocalizedMessage", "Suppressed", "Message");
        }
        Names.Scope selectors = new Names.Scope();
        List<FieldShape> list = new ArrayList<>();
        int bits = 0;
        boolean message = false;
        List<String> propNames = new ArrayList<>();
        for (Field f : def.fields()) {
            String candidate = Names.upperCamel(f.name());
            String prop;
            if (def.isException() && candidate.equals("Message") && GenContext.kind(f.type()) == GenContext.Kind.STRING && !message) {
                prop = "Message";
                message = true;
            } else {
                prop = props.allocate(candidate);
            }
            propNames.add(prop);
        }
        for (int i = 0; i < def.fields().size(); i++) {
            Field f = def.fields().get(i);
            GenContext.Kind kind = GenContext.kind(f.type());
            Storage storage = kind == GenContext.Kind.ENUM ? Storage.ENUM : kind.isPrimitive() ? Storage.PRIM : Storage.REF;
            String name = def.isUnion() ? null : javaFields.allocate(Names.escape(Names.lowerCamel(f.name())));
            String valueProp = storage == Storage.ENUM ? props.allocate(propNames.get(i) + "Value") : null;
            String selector = def.isUnion() ? selectors.allocate(Names.upperSnake(f.name())) : null;
            int bit = !def.isUnion() && storage != Storage.REF ? bits++ : -1;
            list.add(new FieldShape(f, name, propNames.get(i), valueProp, selector, storage, bit, f.type().trueType(),
                    ctx.javaType(f.type())));
        }
        this.fields = List.copyOf(list);
        this.byId = list.stream().sorted(Comparator.comparingInt(fs -> fs.field().id())).toList();
        List<String> bf = new ArrayList<>();
        for (int i = 0; i < (bits + 31) / 32; i++) {
            bf.add(javaFields.allocate("issetBits" + i));
        }
        this.bitFields = List.copyOf(bf);
        this.setFieldName = def.isUnion() ? javaFields.allocate("setField") : null;
        this.valueName = def.isUnion() ? javaFields.allocate("value") : null;
        this.messageIsField = message;
        for (FieldShape fs : fields) {
            byField.put(fs.field(), fs);
        }
    }

    FieldShape field(Field f) {
        FieldShape fs = byField.get(f);
        if (fs == null) {
            throw new IllegalArgumentException("not a field of " + def.name() + ": " + f.name());
        }
        return fs;
    }
}
