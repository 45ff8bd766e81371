package io.kitex4j.it.interop;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;

/**
 * Fields a newer IDL adds and an older peer does not know: one of every Thrift type, written by
 * libthrift (compact's special cases included: bools in the field header and in lists, long-form
 * list headers for 15+ elements, the one-byte empty map, field-id deltas over 15 and negative
 * ids). A receiver must skip them all, and in Buffered mode find the message end across them.
 */
final class UnknownFields {
    private UnknownFields() {}

    static void write(TProtocol out) throws TException {
        out.writeFieldBegin(new TField("b1", TType.BOOL, (short) 100));
        out.writeBool(true);
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("b0", TType.BOOL, (short) 101));
        out.writeBool(false);
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("y", TType.BYTE, (short) 102));
        out.writeByte((byte) -1);
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("s", TType.I16, (short) 103));
        out.writeI16((short) -12345);
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("i", TType.I32, (short) 2000));
        out.writeI32(Integer.MIN_VALUE);
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("l", TType.I64, (short) -3));
        out.writeI64(Long.MAX_VALUE);
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("d", TType.DOUBLE, (short) 2001));
        out.writeDouble(-0.0);
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("str", TType.STRING, (short) 2002));
        out.writeString("unknown ✓");
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("bin", TType.STRING, (short) 2003));
        out.writeBinary(ByteBuffer.wrap(new byte[] {0, (byte) 0x80, (byte) 0xFF, 0x01}));
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("st", TType.STRUCT, (short) 2004));
        out.writeStructBegin(new TStruct("Nested"));
        out.writeFieldBegin(new TField("inner", TType.STRUCT, (short) 1));
        out.writeStructBegin(new TStruct("Inner"));
        out.writeFieldBegin(new TField("t", TType.BOOL, (short) 7));
        out.writeBool(true);
        out.writeFieldEnd();
        out.writeFieldStop();
        out.writeStructEnd();
        out.writeFieldEnd();
        out.writeFieldStop();
        out.writeStructEnd();
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("em", TType.MAP, (short) 2005));
        out.writeMapBegin(new TMap(TType.STRING, TType.I32, 0));
        out.writeMapEnd();
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("m", TType.MAP, (short) 2006));
        out.writeMapBegin(new TMap(TType.STRING, TType.LIST, 2));
        for (String k : new String[] {"a", "b"}) {
            out.writeString(k);
            out.writeListBegin(new TList(TType.BOOL, 3));
            out.writeBool(true);
            out.writeBool(false);
            out.writeBool(true);
            out.writeListEnd();
        }
        out.writeMapEnd();
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("set", TType.SET, (short) 2007));
        out.writeSetBegin(new TSet(TType.I64, 2));
        out.writeI64(1);
        out.writeI64(-1);
        out.writeSetEnd();
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("ls", TType.LIST, (short) 2008));
        out.writeListBegin(new TList(TType.STRUCT, 20));
        for (int i = 0; i < 20; i++) {
            out.writeStructBegin(new TStruct("E"));
            out.writeFieldBegin(new TField("n", TType.I32, (short) 1));
            out.writeI32(i);
            out.writeFieldEnd();
            out.writeFieldStop();
            out.writeStructEnd();
        }
        out.writeListEnd();
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("lb", TType.LIST, (short) 2009));
        out.writeListBegin(new TList(TType.STRING, 16));
        for (int i = 0; i < 16; i++) {
            out.writeBinary(ByteBuffer.wrap(("x" + i).getBytes(StandardCharsets.UTF_8)));
        }
        out.writeListEnd();
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("u", TType.UUID, (short) 2010));
        out.writeUuid(new java.util.UUID(0x0123456789abcdefL, 0xfedcba9876543210L));
        out.writeFieldEnd();
    }
}
