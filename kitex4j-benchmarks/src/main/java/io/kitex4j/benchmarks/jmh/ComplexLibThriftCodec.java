package io.kitex4j.benchmarks.jmh;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;

/**
 * {@link Complex} on libthrift's {@link TProtocol}, written as {@code thrift --gen java}'s standard
 * scheme does it (static {@code TStruct}/{@code TField} descriptors, a {@code TField} per field read,
 * {@code TList}/{@code TMap}/{@code TSet} headers). The one difference: {@code binary} is kept as a
 * {@code byte[]} (copied out of the {@code ByteBuffer} libthrift returns) so both codecs fill the same class.
 */
public final class ComplexLibThriftCodec {
    private ComplexLibThriftCodec() {}

    private static final TStruct ITEM_DESC = new TStruct("Item");
    private static final TField ITEM_ID = new TField("id", TType.I64, (short) 1);
    private static final TField ITEM_NAME = new TField("name", TType.STRING, (short) 2);
    private static final TField ITEM_PRICE = new TField("price", TType.DOUBLE, (short) 3);
    private static final TField ITEM_AVAILABLE = new TField("available", TType.BOOL, (short) 4);
    private static final TField ITEM_TAGS = new TField("tags", TType.LIST, (short) 5);

    private static final TStruct COMPLEX_DESC = new TStruct("Complex");
    private static final TField ID = new TField("id", TType.I32, (short) 1);
    private static final TField TITLE = new TField("title", TType.STRING, (short) 2);
    private static final TField TIMESTAMP = new TField("timestamp", TType.I64, (short) 3);
    private static final TField MAIN = new TField("main", TType.STRUCT, (short) 4);
    private static final TField ITEMS = new TField("items", TType.LIST, (short) 5);
    private static final TField COUNTERS = new TField("counters", TType.MAP, (short) 6);
    private static final TField CODES = new TField("codes", TType.SET, (short) 7);
    private static final TField BLOB = new TField("blob", TType.STRING, (short) 8);
    private static final TField BY_ID = new TField("byId", TType.MAP, (short) 9);
    private static final TField FLAGS = new TField("flags", TType.I16, (short) 10);
    private static final TField RATIO = new TField("ratio", TType.DOUBLE, (short) 11);

    public static void writeItem(Complex.Item v, TProtocol oprot) throws TException {
        oprot.writeStructBegin(ITEM_DESC);
        oprot.writeFieldBegin(ITEM_ID);
        oprot.writeI64(v.id);
        oprot.writeFieldEnd();
        if (v.name != null) {
            oprot.writeFieldBegin(ITEM_NAME);
            oprot.writeString(v.name);
            oprot.writeFieldEnd();
        }
        oprot.writeFieldBegin(ITEM_PRICE);
        oprot.writeDouble(v.price);
        oprot.writeFieldEnd();
        oprot.writeFieldBegin(ITEM_AVAILABLE);
        oprot.writeBool(v.available);
        oprot.writeFieldEnd();
        if (v.tags != null) {
            oprot.writeFieldBegin(ITEM_TAGS);
            oprot.writeListBegin(new TList(TType.STRING, v.tags.size()));
            for (String t : v.tags) {
                oprot.writeString(t);
            }
            oprot.writeListEnd();
            oprot.writeFieldEnd();
        }
        oprot.writeFieldStop();
        oprot.writeStructEnd();
    }

    public static Complex.Item readItem(TProtocol iprot) throws TException {
        Complex.Item v = new Complex.Item();
        iprot.readStructBegin();
        while (true) {
            TField f = iprot.readFieldBegin();
            if (f.type == TType.STOP) {
                break;
            }
            switch (f.id) {
                case 1 -> {
                    if (f.type == TType.I64) {
                        v.id = iprot.readI64();
                    } else {
                        TProtocolUtil.skip(iprot, f.type);
                    }
                }
                case 2 -> {
                    if (f.type == TType.STRING) {
                        v.name = iprot.readString();
                    } else {
                        TProtocolUtil.skip(iprot, f.type);
                    }
                }
                case 3 -> {
                    if (f.type == TType.DOUBLE) {
                        v.price = iprot.readDouble();
                    } else {
                        TProtocolUtil.skip(iprot, f.type);
                    }
                }
                case 4 -> {
                    if (f.type == TType.BOOL) {
                        v.available = iprot.readBool();
                    } else {
                        TProtocolUtil.skip(iprot, f.type);
                    }
                }
                case 5 -> {
                    if (f.type == TType.LIST) {
                        TList l = iprot.readListBegin();
                        List<String> tags = new ArrayList<>(l.size);
                        for (int i = 0; i < l.size; i++) {
                            tags.add(iprot.readString());
                        }
                        iprot.readListEnd();
                        v.tags = tags;
                    } else {
                        TProtocolUtil.skip(iprot, f.type);
                    }
                }
                default -> TProtocolUtil.skip(iprot, f.type);
            }
            iprot.readFieldEnd();
        }
        iprot.readStructEnd();
        return v;
    }

    public static void write(Complex v, TProtocol oprot) throws TException {
        oprot.writeStructBegin(COMPLEX_DESC);
        oprot.writeFieldBegin(ID);
        oprot.writeI32(v.id);
        oprot.writeFieldEnd();
        if (v.title != null) {
            oprot.writeFieldBegin(TITLE);
            oprot.writeString(v.title);
            oprot.writeFieldEnd();
        }
        oprot.writeFieldBegin(TIMESTAMP);
        oprot.writeI64(v.timestamp);
        oprot.writeFieldEnd();
        if (v.main != null) {
            oprot.writeFieldBegin(MAIN);
            writeItem(v.main, oprot);
            oprot.writeFieldEnd();
        }
        if (v.items != null) {
            oprot.writeFieldBegin(ITEMS);
            oprot.writeListBegin(new TList(TType.STRUCT, v.items.size()));
            for (Complex.Item it : v.items) {
                writeItem(it, oprot);
            }
            oprot.writeListEnd();
            oprot.writeFieldEnd();
        }
        if (v.counters != null) {
            oprot.writeFieldBegin(COUNTERS);
            oprot.writeMapBegin(new TMap(TType.STRING, TType.I64, v.counters.size()));
            for (Map.Entry<String, Long> e : v.counters.entrySet()) {
                oprot.writeString(e.getKey());
                oprot.writeI64(e.getValue());
            }
            oprot.writeMapEnd();
            oprot.writeFieldEnd();
        }
        if (v.codes != null) {
            oprot.writeFieldBegin(CODES);
            oprot.writeSetBegin(new TSet(TType.I32, v.codes.size()));
            for (int c : v.codes) {
                oprot.writeI32(c);
            }
            oprot.writeSetEnd();
            oprot.writeFieldEnd();
        }
        if (v.blob != null) {
            oprot.writeFieldBegin(BLOB);
            oprot.writeBinary(ByteBuffer.wrap(v.blob));
            oprot.writeFieldEnd();
        }
        if (v.byId != null) {
            oprot.writeFieldBegin(BY_ID);
            oprot.writeMapBegin(new TMap(TType.I32, TType.STRUCT, v.byId.size()));
            for (Map.Entry<Integer, Complex.Item> e : v.byId.entrySet()) {
                oprot.writeI32(e.getKey());
                writeItem(e.getValue(), oprot);
            }
            oprot.writeMapEnd();
            oprot.writeFieldEnd();
        }
        oprot.writeFieldBegin(FLAGS);
        oprot.writeI16(v.flags);
        oprot.writeFieldEnd();
        oprot.writeFieldBegin(RATIO);
        oprot.writeDouble(v.ratio);
        oprot.writeFieldEnd();
        oprot.writeFieldStop();
        oprot.writeStructEnd();
    }

    public static Complex read(TProtocol iprot) throws TException {
        Complex v = new Complex();
        iprot.readStructBegin();
        while (true) {
            TField f = iprot.readFieldBegin();
            if (f.type == TType.STOP) {
                break;
            }
            short id = f.id;
            byte type = f.type;
            if (id == 1 && type == TType.I32) {
                v.id = iprot.readI32();
            } else if (id == 2 && type == TType.STRING) {
                v.title = iprot.readString();
            } else if (id == 3 && type == TType.I64) {
                v.timestamp = iprot.readI64();
            } else if (id == 4 && type == TType.STRUCT) {
                v.main = readItem(iprot);
            } else if (id == 5 && type == TType.LIST) {
                TList l = iprot.readListBegin();
                List<Complex.Item> items = new ArrayList<>(l.size);
                for (int i = 0; i < l.size; i++) {
                    items.add(readItem(iprot));
                }
                iprot.readListEnd();
                v.items = items;
            } else if (id == 6 && type == TType.MAP) {
                TMap m = iprot.readMapBegin();
                Map<String, Long> counters = new HashMap<>(2 * m.size);
                for (int i = 0; i < m.size; i++) {
                    String k = iprot.readString();
                    counters.put(k, iprot.readI64());
                }
                iprot.readMapEnd();
                v.counters = counters;
            } else if (id == 7 && type == TType.SET) {
                TSet s = iprot.readSetBegin();
                Set<Integer> codes = new HashSet<>(2 * s.size);
                for (int i = 0; i < s.size; i++) {
                    codes.add(iprot.readI32());
                }
                iprot.readSetEnd();
                v.codes = codes;
            } else if (id == 8 && type == TType.STRING) {
                ByteBuffer bb = iprot.readBinary();
                byte[] b = new byte[bb.remaining()];
                bb.get(b);
                v.blob = b;
            } else if (id == 9 && type == TType.MAP) {
                TMap m = iprot.readMapBegin();
                Map<Integer, Complex.Item> byId = new HashMap<>(2 * m.size);
                for (int i = 0; i < m.size; i++) {
                    int k = iprot.readI32();
                    byId.put(k, readItem(iprot));
                }
                iprot.readMapEnd();
                v.byId = byId;
            } else if (id == 10 && type == TType.I16) {
                v.flags = iprot.readI16();
            } else if (id == 11 && type == TType.DOUBLE) {
                v.ratio = iprot.readDouble();
            } else {
                TProtocolUtil.skip(iprot, type);
            }
            iprot.readFieldEnd();
        }
        iprot.readStructEnd();
        return v;
    }
}
