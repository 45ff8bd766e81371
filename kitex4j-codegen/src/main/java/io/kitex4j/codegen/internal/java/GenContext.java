package io.kitex4j.codegen.internal.java;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.kitex4j.codegen.thrift.model.BaseType;
import io.kitex4j.codegen.thrift.model.Definition;
import io.kitex4j.codegen.thrift.model.EnumRef;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import io.kitex4j.codegen.thrift.model.IdlType;
import io.kitex4j.codegen.thrift.model.Include;
import io.kitex4j.codegen.thrift.model.ListType;
import io.kitex4j.codegen.thrift.model.MapType;
import io.kitex4j.codegen.thrift.model.ServiceDef;
import io.kitex4j.codegen.thrift.model.SetType;
import io.kitex4j.codegen.thrift.model.StructDef;
import io.kitex4j.codegen.thrift.model.StructRef;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What every generator needs: type mapping, class names, and names that variables must avoid. */
final class GenContext {

    static final ClassName TTYPE = ClassName.get("io.kitex4j.thrift", "TType");
    static final ClassName READER = ClassName.get("io.kitex4j.thrift", "ThriftReader");
    static final ClassName WRITER = ClassName.get("io.kitex4j.thrift", "ThriftWriter");
    static final ClassName STRUCT_CODEC = ClassName.get("io.kitex4j.thrift", "ThriftStructCodec");
    static final ClassName PROTOCOL_EXCEPTION = ClassName.get("io.kitex4j.thrift", "ThriftProtocolException");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
    static final ClassName SET = ClassName.get("java.util", "Set");
    static final ClassName LINKED_HASH_SET = ClassName.get("java.util", "LinkedHashSet");
    static final ClassName MAP = ClassName.get("java.util", "Map");
    static final ClassName MAP_ENTRY = MAP.nestedClass("Entry");
    static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
    static final ClassName COLLECTIONS = ClassName.get("java.util", "Collections");
    static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
    static final ClassName UUID = ClassName.get("java.util", "UUID");
    static final ClassName BYTE_BUFFER = ClassName.get("java.nio", "ByteBuffer");
    static final ClassName HEX_FORMAT = ClassName.get("java.util", "HexFormat");
    static final ClassName STANDARD_CHARSETS = ClassName.get("java.nio.charset", "StandardCharsets");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final TypeName BYTES = ArrayTypeName.of(TypeName.BYTE);

    /** java.lang types the generated code may name; a generated type with one of these names forces qualification. */
    private static final Set<String> JAVA_LANG = Set.of(
            "Object", "String", "Override", "Exception", "SuppressWarnings", "Integer", "Long", "Short",
            "Byte", "Boolean", "Double", "StringBuilder", "IllegalStateException", "IllegalArgumentException",
            "NullPointerException", "Throwable", "Void", "Math", "Class", "Error", "RuntimeException",
            "Deprecated", "Enum", "Character", "Number", "System", "Iterable", "Comparable", "Record",
            "SafeVarargs", "FunctionalInterface", "Cloneable", "Runnable", "Thread");

    /** Kinds of IDL types after typedefs are unwrapped. */
    enum Kind {
        BOOL, I8, I16, I32, I64, DOUBLE, STRING, BINARY, UUID, ENUM, STRUCT, LIST, SET, MAP;

        boolean isPrimitive() {
            return ordinal() <= DOUBLE.ordinal();
        }

        boolean isContainer() {
            return this == LIST || this == SET || this == MAP;
        }
    }

    private final Set<String> typeNames = new HashSet<>();
    /** Codec parameter and local names: {@code out}, {@code in}, {@code v}, {@code type} unless a type has that name. */
    final String out;
    final String in;
    final String v;
    final String type;
    private final Map<String, Set<String>> typeNamesByPackage = new HashMap<>();
    private final Map<ServiceDef, ServiceNames> serviceNames = new IdentityHashMap<>();
    private final Map<StructDef, StructShape> shapes = new IdentityHashMap<>();

    GenContext(List<IdlProgram> programs) {
        Set<IdlProgram> all = new LinkedHashSet<>();
        Deque<IdlProgram> todo = new ArrayDeque<>(programs);
        while (!todo.isEmpty()) {
            IdlProgram p = todo.pop();
            if (all.add(p)) {
                for (Include i : p.includes()) {
                    todo.push(i.program());
                }
            }
        }
        for (IdlProgram p : all) {
            Set<String> inPackage = typeNamesByPackage.computeIfAbsent(p.javaPackage(), k -> new TreeSet<>());
            for (Definition d : p.definitions()) {
                if (!(d instanceof io.kitex4j.codegen.thrift.model.Const) && !(d instanceof io.kitex4j.codegen.thrift.model.Typedef)) {
                    typeNames.add(Names.typeName(d.name()));
                    inPackage.add(Names.typeName(d.name()));
                }
            }
            if (!p.consts().isEmpty()) {
                inPackage.add(constantsClassName(p));
            }
        }
        // Library types that generated code names: a field or variable must not obscure them either.
        typeNames.addAll(JAVA_LANG);
        typeNames.addAll(Set.of("TType", "ThriftReader", "ThriftWriter", "ThriftStructCodec", "ThriftProtocolException",
                "List", "ArrayList", "Set", "LinkedHashSet", "Map", "LinkedHashMap", "Collections", "Collection", "Objects",
                "Arrays", "UUID", "ByteBuffer", "HexFormat", "StandardCharsets", "StringJoiner", "Generated", "MethodDescriptor",
                "ServiceDescriptor", "ServiceDefinition", "InteractionMode", "PayloadKind", "Client", "CallOptions", "Calls",
                "CompletableFuture", "CompletionException"));
        out = local("out");
        in = local("in");
        v = local("v");
        type = local("type");
    }

    /** Simple names of every generated type: variables and fields must not obscure them. */
    Set<String> typeNames() {
        return typeNames;
    }

    /** {@code name} as a local variable: with {@code _} appended while it would obscure a generated type. */
    String local(String name) {
        String n = name;
        while (typeNames.contains(n)) {
            n = n + "_";
        }
        return n;
    }

    /** A scope for variable or field names, avoiding type names. */
    Names.Scope scope() {
        return new Names.Scope(typeNames);
    }

    /** The java.lang names to always qualify in files of {@code pkg} (a generated type there shadows them). */
    String[] alwaysQualify(String pkg) {
        return typeNamesByPackage.getOrDefault(pkg, Set.of()).stream().filter(JAVA_LANG::contains).sorted().toArray(String[]::new);
    }

    /** The name of the constants class of {@code program}: {@code <Program>Constants}. */
    static String constantsClassName(IdlProgram program) {
        String base = Names.programCamel(program.name()) + "Constants";
        while (program.findType(base).isPresent()) {
            base = base + "_";
        }
        return base;
    }

    ClassName className(Definition d) {
        return ClassName.get(d.program().javaPackage(), Names.typeName(d.name()));
    }

    StructShape shape(StructDef def) {
        StructShape s = shapes.get(def);
        if (s == null) {
            s = new StructShape(this, def);
            shapes.put(def, s);
        }
        return s;
    }

    ServiceNames names(ServiceDef service) {
        ServiceNames n = serviceNames.get(service);
        if (n == null) {
            n = new ServiceNames(this, service);
            serviceNames.put(service, n);
        }
        return n;
    }

    static Kind kind(IdlType type) {
        IdlType t = type.trueType();
        if (t instanceof BaseType b) {
            return switch (b.kind()) {
                case BOOL -> Kind.BOOL;
                case I8 -> Kind.I8;
                case I16 -> Kind.I16;
                case I32 -> Kind.I32;
                case I64 -> Kind.I64;
                case DOUBLE -> Kind.DOUBLE;
                case STRING -> Kind.STRING;
                case BINARY -> Kind.BINARY;
                case UUID -> Kind.UUID;
            };
        }
        if (t instanceof EnumRef) {
            return Kind.ENUM;
        }
        if (t instanceof StructRef) {
            return Kind.STRUCT;
        }
        if (t instanceof ListType) {
            return Kind.LIST;
        }
        if (t instanceof SetType) {
            return Kind.SET;
        }
        if (t instanceof MapType) {
            return Kind.MAP;
        }
        throw new IllegalStateException("unexpected type " + t);
    }

    /** The Java type; primitives unboxed. */
    TypeName javaType(IdlType type) {
        return javaType(type, false);
    }

    /**
     * The Java type of a value that is ({@code hashed}) or is not part of a set element or a map
     * key: binary is {@code byte[]}, except in a set element or a map key, at any depth, where it
     * is {@link java.nio.ByteBuffer} (arrays compare by identity, which would break sets and maps;
     * a buffer compares its remaining bytes).
     */
    TypeName javaType(IdlType type, boolean hashed) {
        IdlType t = type.trueType();
        return switch (kind(t)) {
            case BOOL -> TypeName.BOOLEAN;
            case I8 -> TypeName.BYTE;
            case I16 -> TypeName.SHORT;
            case I32 -> TypeName.INT;
            case I64 -> TypeName.LONG;
            case DOUBLE -> TypeName.DOUBLE;
            case STRING -> ClassName.get(String.class);
            case BINARY -> hashed ? BYTE_BUFFER : BYTES;
            case UUID -> UUID;
            case ENUM -> className(((EnumRef) t).definition());
            case STRUCT -> className(((StructRef) t).definition());
            case LIST -> ParameterizedTypeName.get(LIST, boxed(((ListType) t).elementType(), hashed));
            case SET -> ParameterizedTypeName.get(SET, boxed(((SetType) t).elementType(), true));
            case MAP -> ParameterizedTypeName.get(MAP, boxed(((MapType) t).keyType(), true),
                    boxed(((MapType) t).valueType(), hashed));
        };
    }

    /** The Java type with primitives boxed (for generics and nullable slots). */
    TypeName boxed(IdlType type) {
        return javaType(type).box();
    }

    /** {@link #javaType(IdlType, boolean)} with primitives boxed. */
    TypeName boxed(IdlType type, boolean hashed) {
        return javaType(type, hashed).box();
    }

    /** The name of the {@code TType} constant for the wire type. */
    static String ttype(IdlType type) {
        return switch (kind(type)) {
            case BOOL -> "BOOL";
            case I8 -> "BYTE";
            case I16 -> "I16";
            case I32, ENUM -> "I32";
            case I64 -> "I64";
            case DOUBLE -> "DOUBLE";
            case STRING, BINARY -> "STRING";
            case UUID -> "UUID";
            case STRUCT -> "STRUCT";
            case LIST -> "LIST";
            case SET -> "SET";
            case MAP -> "MAP";
        };
    }

    /**
     * Whether a binary value occurs inside a container of {@code type}: as {@code byte[]} (which
     * Java collections compare by identity, so equals and hashCode go deep) or as a
     * {@code ByteBuffer} (which toString renders in hex).
     */
    static boolean binaryInContainer(IdlType type) {
        IdlType t = type.trueType();
        if (t instanceof ListType l) {
            return containsBinary(l.elementType());
        }
        if (t instanceof SetType s) {
            return containsBinary(s.elementType());
        }
        if (t instanceof MapType m) {
            return containsBinary(m.keyType()) || containsBinary(m.valueType());
        }
        return false;
    }

    private static boolean containsBinary(IdlType type) {
        return kind(type) == Kind.BINARY || binaryInContainer(type);
    }

    /**
     * Whether a {@code byte[]} occurs inside a container of {@code type} (binary in a list element
     * or a map value, outside set elements and map keys): equals and hashCode must then go deep.
     */
    static boolean bytesInContainer(IdlType type) {
        IdlType t = type.trueType();
        if (t instanceof ListType l) {
            return containsBytes(l.elementType());
        }
        if (t instanceof MapType m) {
            return containsBytes(m.valueType());
        }
        return false; // a set's elements hold ByteBuffers, not byte[]
    }

    private static boolean containsBytes(IdlType type) {
        return kind(type) == Kind.BINARY || bytesInContainer(type);
    }

    /** Whether {@link #javaType(IdlType)} of {@code type} holds a {@code ByteBuffer} (binary in a set element or map key). */
    static boolean hasByteBuffer(IdlType type) {
        return hasByteBuffer(type, false);
    }

    private static boolean hasByteBuffer(IdlType type, boolean hashed) {
        IdlType t = type.trueType();
        if (t instanceof ListType l) {
            return hasByteBuffer(l.elementType(), hashed);
        }
        if (t instanceof SetType s) {
            return hasByteBuffer(s.elementType(), true);
        }
        if (t instanceof MapType m) {
            return hasByteBuffer(m.keyType(), true) || hasByteBuffer(m.valueType(), hashed);
        }
        return hashed && kind(t) == Kind.BINARY;
    }

    /** Whether an enum value occurs inside a container of {@code type}. */
    static boolean enumInContainer(IdlType type) {
        IdlType t = type.trueType();
        if (t instanceof ListType l) {
            return containsEnum(l.elementType());
        }
        if (t instanceof SetType s) {
            return containsEnum(s.elementType());
        }
        if (t instanceof MapType m) {
            return containsEnum(m.keyType()) || containsEnum(m.valueType());
        }
        return false;
    }

    private static boolean containsEnum(IdlType type) {
        return kind(type) == Kind.ENUM || enumInContainer(type);
    }
}
