package io.kitex4j.interop.thrift.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.thrift.TBase;
import org.apache.thrift.TFieldIdEnum;
import org.apache.thrift.TFieldRequirementType;
import org.apache.thrift.TUnion;
import org.apache.thrift.meta_data.EnumMetaData;
import org.apache.thrift.meta_data.FieldMetaData;
import org.apache.thrift.meta_data.FieldValueMetaData;
import org.apache.thrift.meta_data.ListMetaData;
import org.apache.thrift.meta_data.MapMetaData;
import org.apache.thrift.meta_data.SetMetaData;
import org.apache.thrift.meta_data.StructMetaData;
import org.apache.thrift.protocol.TType;

/**
 * Random values of Apache-generated ThriftTest structs, driven by the field metadata Apache's
 * compiler emits ({@code metaDataMap}): every field of every type, with Thrift's requiredness
 * (required fields always set; optional fields set or unset; default-requiredness references
 * present or null; default-requiredness primitives always written, as both generators do), unions
 * with exactly one field, and containers in insertion order ({@link LinkedHashMap} /
 * {@link LinkedHashSet}) so that both encoders iterate them alike.
 */
public final class ApacheArbitraries {
    private ApacheArbitraries() {}

    private static final Map<Class<?>, Arbitrary<?>> STRUCTS = new ConcurrentHashMap<>();

    /** Random values of the Apache struct, union or exception {@code type}. */
    @SuppressWarnings("unchecked")
    public static <T extends TBase<?, ?>> Arbitrary<T> of(Class<T> type) {
        return (Arbitrary<T>) STRUCTS.computeIfAbsent(type, t -> Arbitraries.lazy(() -> build(type)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T extends TBase<?, ?>> Arbitrary<T> build(Class<T> type) {
        Map<? extends TFieldIdEnum, FieldMetaData> meta = FieldMetaData.getStructMetaDataMap((Class) type);
        List<TFieldIdEnum> fields = new ArrayList<>(meta.keySet());
        if (TUnion.class.isAssignableFrom(type)) {
            return Arbitraries.of(fields).flatMap(f -> value(meta.get(f).valueMetaData, 0).map(v -> {
                T u = newInstance(type);
                ((TBase) u).setFieldValue(f, v);
                return u;
            }));
        }
        if (fields.isEmpty()) {
            return Arbitraries.create(() -> newInstance(type));
        }
        List<Arbitrary<Object>> values = new ArrayList<>();
        for (TFieldIdEnum f : fields) {
            FieldMetaData fm = meta.get(f);
            Arbitrary<Object> v = value(fm.valueMetaData, 0);
            boolean primitive = isPrimitive(fm.valueMetaData);
            if (fm.requirementType == TFieldRequirementType.OPTIONAL) {
                v = v.injectNull(0.3);
            } else if (fm.requirementType == TFieldRequirementType.DEFAULT && !primitive) {
                v = v.injectNull(0.15);
            }
            values.add(v);
        }
        return Combinators.combine(values).as(vs -> {
            T s = newInstance(type);
            for (int i = 0; i < fields.size(); i++) {
                // null unsets the field (a default value the constructor set included)
                ((TBase) s).setFieldValue(fields.get(i), vs.get(i));
            }
            return s;
        });
    }

    /** Java primitives in Apache's model (written whatever their isset bit when not optional). */
    private static boolean isPrimitive(FieldValueMetaData m) {
        switch (m.type) {
            case TType.BOOL:
            case TType.BYTE:
            case TType.I16:
            case TType.I32:
            case TType.I64:
            case TType.DOUBLE:
                return true;
            default:
                return false;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Arbitrary<Object> value(FieldValueMetaData m, int depth) {
        switch (m.type) {
            case TType.BOOL:
                return (Arbitrary) Arbitraries.of(true, false);
            case TType.BYTE:
                return (Arbitrary) Arbitraries.bytes();
            case TType.I16:
                return (Arbitrary) Arbitraries.shorts();
            case TType.I32:
                return (Arbitrary) Arbitraries.integers();
            case TType.I64:
                return (Arbitrary) Arbitraries.longs();
            case TType.DOUBLE:
                return (Arbitrary) doubles();
            case TType.STRING:
                return m.isBinary() ? (Arbitrary) binaries() : (Arbitrary) strings();
            case TType.ENUM:
                return (Arbitrary) Arbitraries.of((Object[]) ((EnumMetaData) m).enumClass.getEnumConstants());
            case TType.STRUCT:
                return (Arbitrary) of((Class) ((StructMetaData) m).structClass);
            case TType.LIST: {
                FieldValueMetaData e = ((ListMetaData) m).elemMetaData;
                return (Arbitrary) value(e, depth + 1).list().ofMaxSize(maxSize(e, depth)).map(ArrayList::new);
            }
            case TType.SET: {
                FieldValueMetaData e = ((SetMetaData) m).elemMetaData;
                return (Arbitrary) value(e, depth + 1).list().ofMaxSize(maxSize(e, depth)).map(LinkedHashSet::new);
            }
            case TType.MAP: {
                MapMetaData mm = (MapMetaData) m;
                Arbitrary<Tuple.Tuple2<Object, Object>> entry =
                        Combinators.combine(value(mm.keyMetaData, depth + 1), value(mm.valueMetaData, depth + 1))
                                .as(Tuple::of);
                int max = Math.min(maxSize(mm.keyMetaData, depth), maxSize(mm.valueMetaData, depth));
                return (Arbitrary) entry.list().ofMaxSize(max).map(es -> {
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (Tuple.Tuple2<Object, Object> t : es) {
                        map.put(t.get1(), t.get2());
                    }
                    return map;
                });
            }
            default:
                throw new IllegalArgumentException("no arbitrary for Thrift type " + m.type);
        }
    }

    /** Containers of scalars get up to 5 elements; containers of containers and structs stay small. */
    private static int maxSize(FieldValueMetaData element, int depth) {
        if (element.isContainer() || element.isStruct()) {
            return depth == 0 ? 3 : 2;
        }
        return 5;
    }

    /** Doubles without NaN (NaN is never equal to itself in Apache's equals), with infinities and -0.0. */
    static Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, -5.325098235));
    }

    /**
     * Well-formed strings: ASCII, and any Unicode code points (supplementary ones as surrogate
     * pairs). Unpaired surrogates are left to {@link UnpairedSurrogatesTest}.
     */
    static Arbitrary<String> strings() {
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(16);
        Arbitrary<String> codePoints = Arbitraries.oneOf(
                        Arbitraries.integers().between(0, 0xD7FF),
                        Arbitraries.integers().between(0xE000, 0xFFFF),
                        Arbitraries.integers().between(0x10000, 0x10FFFF))
                .list().ofMaxSize(8)
                .map(cps -> {
                    StringBuilder sb = new StringBuilder();
                    cps.forEach(sb::appendCodePoint);
                    return sb.toString();
                });
        return Arbitraries.frequencyOf(Tuple.of(3, ascii), Tuple.of(2, codePoints));
    }

    static Arbitrary<ByteBuffer> binaries() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(24).map(ByteBuffer::wrap);
    }

    private static <T> T newInstance(Class<T> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
