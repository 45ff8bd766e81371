package io.kitex4j.benchmarks.jmh;

import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftStructCodec;
import io.kitex4j.thrift.ThriftWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link Complex} on Kitex4j's {@link ThriftWriter}/{@link ThriftReader}, written as the Kitex4j generator will emit it. */
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
                            int n = in.readListBegin();
                            List<String> l = new ArrayList<>(n);
                            for (int i = 0; i < n; i++) {
                                l.add(in.readString());
                            }
                            in.readListEnd();
                            v.tags = l;
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
                short id = in.fieldId();
                if (id == 1 && type == TType.I32) {
                    v.id = in.readI32();
                } else if (id == 2 && type == TType.STRING) {
                    v.title = in.readString();
                } else if (id == 3 && type == TType.I64) {
                    v.timestamp = in.readI64();
                } else if (id == 4 && type == TType.STRUCT) {
                    v.main = ITEM.read(in);
                } else if (id == 5 && type == TType.LIST) {
                    int n = in.readListBegin();
                    List<Complex.Item> l = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        l.add(ITEM.read(in));
                    }
                    in.readListEnd();
                    v.items = l;
                } else if (id == 6 && type == TType.MAP) {
                    int n = in.readMapBegin();
                    Map<String, Long> m = new HashMap<>(2 * n);
                    for (int i = 0; i < n; i++) {
                        String k = in.readString();
                        m.put(k, in.readI64());
                    }
                    in.readMapEnd();
                    v.counters = m;
                } else if (id == 7 && type == TType.SET) {
                    int n = in.readSetBegin();
                    Set<Integer> s = new HashSet<>(2 * n);
                    for (int i = 0; i < n; i++) {
                        s.add(in.readI32());
                    }
                    in.readSetEnd();
                    v.codes = s;
                } else if (id == 8 && type == TType.STRING) {
                    v.blob = in.readBinary();
                } else if (id == 9 && type == TType.MAP) {
                    int n = in.readMapBegin();
                    Map<Integer, Complex.Item> m = new HashMap<>(2 * n);
                    for (int i = 0; i < n; i++) {
                        int k = in.readI32();
                        m.put(k, ITEM.read(in));
                    }
                    in.readMapEnd();
                    v.byId = m;
                } else if (id == 10 && type == TType.I16) {
                    v.flags = in.readI16();
                } else if (id == 11 && type == TType.DOUBLE) {
                    v.ratio = in.readDouble();
                } else {
                    in.skip(type);
                }
                in.readFieldEnd();
            }
            in.readStructEnd();
            return v;
        }
    };
}
