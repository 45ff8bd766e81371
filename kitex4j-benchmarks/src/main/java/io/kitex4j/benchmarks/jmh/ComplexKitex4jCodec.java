package io.kitex4j.benchmarks.jmh;

import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftProtocolException;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftStructCodec;
import io.kitex4j.thrift.ThriftWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Complex} on Kitex4j's {@link ThriftWriter}/{@link ThriftReader}, written as the Kitex4j
 * generator emits it (kitex4j-codegen {@code StructGenerator}, {@code Codecs}): a switch on the field
 * id, element types checked, maps and sets as {@code LinkedHashMap}/{@code LinkedHashSet} of the
 * wire size. What it leaves out: the generated classes' isset bits (one {@code or} per primitive
 * field) and accessors, since both codecs fill the same plain {@link Complex}.
 */
public final class ComplexKitex4jCodec {
    private ComplexKitex4jCodec() {}

    public static final ThriftStructCodec<Complex.Item> ITEM = new ThriftStructCodec<>() {
        @Override
        public void write(Complex.Item v, ThriftWriter out) {
            out.writeStructBegin();
            out.writeFieldBegin(TType.I64, (short) 1);
            out.writeI64(v.id);
            out.writeFieldEnd();
            if (v.name != null) {
                out.writeFieldBegin(TType.STRING, (short) 2);
                out.writeString(v.name);
                out.writeFieldEnd();
            }
            out.writeFieldBegin(TType.DOUBLE, (short) 3);
            out.writeDouble(v.price);
            out.writeFieldEnd();
            out.writeFieldBegin(TType.BOOL, (short) 4);
            out.writeBool(v.available);
            out.writeFieldEnd();
            if (v.tags != null) {
                out.writeFieldBegin(TType.LIST, (short) 5);
                out.writeListBegin(TType.STRING, v.tags.size());
                for (String t : v.tags) {
                    out.writeString(t);
                }
                out.writeListEnd();
                out.writeFieldEnd();
            }
            out.writeFieldStop();
            out.writeStructEnd();
        }

        @Override
        public Complex.Item read(ThriftReader in) {
            Complex.Item v = new Complex.Item();
            in.readStructBegin();
            while (true) {
                byte type = in.readFieldBegin();
                if (type == TType.STOP) {
                    break;
                }
                switch (in.fieldId()) {
                    case 1 -> {
                        if (type == TType.I64) {
                            v.id = in.readI64();
                        } else {
                            in.skip(type);
                        }
                    }
                    case 2 -> {
                        if (type == TType.STRING) {
                            v.name = in.readString();
                        } else {
                            in.skip(type);
                        }
                    }
                    case 3 -> {
                        if (type == TType.DOUBLE) {
                            v.price = in.readDouble();
                        } else {
                            in.skip(type);
                        }
                    }
                    case 4 -> {
                        if (type == TType.BOOL) {
                            v.available = in.readBool();
                        } else {
                            in.skip(type);
                        }
                    }
                    case 5 -> {
                        if (type == TType.LIST) {
                            int n0 = in.readListBegin();
                            if (n0 > 0 && in.elementType() != TType.STRING) {
                                throw new ThriftProtocolException(ThriftProtocolException.INVALID_DATA,
                                        "Item.tags: expected list elements of type STRING, got type " + in.elementType());
                            }
                            List<String> l0 = new ArrayList<>(n0);
                            for (int i0 = 0; i0 < n0; i0++) {
                                l0.add(in.readString());
                            }
                            in.readListEnd();
                            v.tags = l0;
                        } else {
                            in.skip(type);
                        }
                    }
                    default -> in.skip(type);
                }
                in.readFieldEnd();
            }
            in.readStructEnd();
            return v;
        }
    };

    public static final ThriftStructCodec<Complex> COMPLEX = new ThriftStructCodec<>() {
        @Override
        public void write(Complex v, ThriftWriter out) {
            out.writeStructBegin();
            out.writeFieldBegin(TType.I32, (short) 1);
            out.writeI32(v.id);
            out.writeFieldEnd();
            if (v.title != null) {
                out.writeFieldBegin(TType.STRING, (short) 2);
                out.writeString(v.title);
                out.writeFieldEnd();
            }
            out.writeFieldBegin(TType.I64, (short) 3);
            out.writeI64(v.timestamp);
            out.writeFieldEnd();
            if (v.main != null) {
                out.writeFieldBegin(TType.STRUCT, (short) 4);
                ITEM.write(v.main, out);
                out.writeFieldEnd();
            }
            if (v.items != null) {
                out.writeFieldBegin(TType.LIST, (short) 5);
                out.writeListBegin(TType.STRUCT, v.items.size());
                for (Complex.Item it : v.items) {
                    ITEM.write(it, out);
                }
                out.writeListEnd();
                out.writeFieldEnd();
            }
            if (v.counters != null) {
                out.writeFieldBegin(TType.MAP, (short) 6);
                out.writeMapBegin(TType.STRING, TType.I64, v.counters.size());
                for (Map.Entry<String, Long> e : v.counters.entrySet()) {
                    out.writeString(e.getKey());
                    out.writeI64(e.getValue());
                }
                out.writeMapEnd();
                out.writeFieldEnd();
            }
            if (v.codes != null) {
                out.writeFieldBegin(TType.SET, (short) 7);
                out.writeSetBegin(TType.I32, v.codes.size());
                for (int c : v.codes) {
                    out.writeI32(c);
                }
                out.writeSetEnd();
                out.writeFieldEnd();
            }
            if (v.blob != null) {
                out.writeFieldBegin(TType.STRING, (short) 8);
                out.writeBinary(v.blob);
                out.writeFieldEnd();
            }
            if (v.byId != null) {
                out.writeFieldBegin(TType.MAP, (short) 9);
                out.writeMapBegin(TType.I32, TType.STRUCT, v.byId.size());
                for (Map.Entry<Integer, Complex.Item> e : v.byId.entrySet()) {
                    out.writeI32(e.getKey());
                    ITEM.write(e.getValue(), out);
                }
                out.writeMapEnd();
                out.writeFieldEnd();
            }
            out.writeFieldBegin(TType.I16, (short) 10);
            out.writeI16(v.flags);
            out.writeFieldEnd();
            out.writeFieldBegin(TType.DOUBLE, (short) 11);
            out.writeDouble(v.ratio);
            out.writeFieldEnd();
            out.writeFieldStop();
            out.writeStructEnd();
        }

        @Override
        public Complex read(ThriftReader in) {
            Complex v = new Complex();
            in.readStructBegin();
            while (true) {
                byte type = in.readFieldBegin();
                if (type == TType.STOP) {
                    break;
                }
                switch (in.fieldId()) {
                    case 1:
                        if (type == TType.I32) {
                            v.id = in.readI32();
                        } else {
                            in.skip(type);
                        }
                        break;
                    case 2:
                        if (type == TType.STRING) {
                            v.title = in.readString();
                        } else {
                            in.skip(type);
                        }
                        break;
                    case 3:
                        if (type == TType.I64) {
                            v.timestamp = in.readI64();
                        } else {
                            in.skip(type);
                        }
                        break;
                    case 4:
                        if (type == TType.STRUCT) {
                            v.main = ITEM.read(in);
                        } else {
                            in.skip(type);
                        }
                        break;
                    case 5:
                        if (type == TType.LIST) {
                            int n0 = in.readListBegin();
                            if (n0 > 0 && in.elementType() != TType.STRUCT) {
                                throw new ThriftProtocolException(ThriftProtocolException.INVALID_DATA,
                                        "Complex.items: expected list elements of type STRUCT, got type " + in.elementType());
                            }
                            List<Complex.Item> l0 = new ArrayList<>(n0);
                            for (int i0 = 0; i0 < n0; i0++) {
                                l0.add(ITEM.read(in));
                            }
                            in.readListEnd();
                            v.items = l0;
                        } else {
                            in.skip(type);
                        }
                        break;
                    case 6:
                        if (type == TType.MAP) {
                            int n0 = in.readMapBegin();
                            if (n0 > 0 && (in.keyType() != TType.STRING || in.valueType() != TType.I64)) {
                                throw new ThriftProtocolException(ThriftProtocolException.INVALID_DATA,
                                        "Complex.counters: expected map entries of types STRING/I64, got types "
                                                + in.keyType() + "/" + in.valueType());
                            }
                            Map<String, Long> m0 = new LinkedHashMap<>(n0);
                            for (int i0 = 0; i0 < n0; i0++) {
                                m0.put(in.readString(), in.readI64());
                            }
                            in.readMapEnd();
                            v.counters = m0;
                        } else {
                            in.skip(type);
                        }
                        break;
                    case 7:
                        if (type == TType.SET) {
                            int n0 = in.readSetBegin();
                            if (n0 > 0 && in.elementType() != TType.I32) {
                                throw new ThriftProtocolException(ThriftProtocolException.INVALID_DATA,
                                        "Complex.codes: expected set elements of type I32, got type " + in.elementType());
                            }
                            Set<Integer> s0 = new LinkedHashSet<>(n0);
                            for (int i0 = 0; i0 < n0; i0++) {
                                s0.add(in.readI32());
                            }
                            in.readSetEnd();
                            v.codes = s0;
                        } else {
                            in.skip(type);
                        }
                        break;
                    case 8:
                        if (type == TType.STRING) {
                            v.blob = in.readBinary();
                        } else {
                            in.skip(type);
                        }
                        break;
                    case 9:
                        if (type == TType.MAP) {
                            int n0 = in.readMapBegin();
                            if (n0 > 0 && (in.keyType() != TType.I32 || in.valueType() != TType.STRUCT)) {
                                throw new ThriftProtocolException(ThriftProtocolException.INVALID_DATA,
                                        "Complex.byId: expected map entries of types I32/STRUCT, got types "
                                                + in.keyType() + "/" + in.valueType());
                            }
                            Map<Integer, Complex.Item> m0 = new LinkedHashMap<>(n0);
                            for (int i0 = 0; i0 < n0; i0++) {
                                m0.put(in.readI32(), ITEM.read(in));
                            }
                            in.readMapEnd();
                            v.byId = m0;
                        } else {
                            in.skip(type);
                        }
                        break;
                    case 10:
                        if (type == TType.I16) {
                            v.flags = in.readI16();
                        } else {
                            in.skip(type);
                        }
                        break;
                    case 11:
                        if (type == TType.DOUBLE) {
                            v.ratio = in.readDouble();
                        } else {
                            in.skip(type);
                        }
                        break;
                    default:
                        in.skip(type);
                }
                in.readFieldEnd();
            }
            in.readStructEnd();
            return v;
        }
    };
}
