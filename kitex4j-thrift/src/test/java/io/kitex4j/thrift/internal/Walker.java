package io.kitex4j.thrift.internal;

import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftReader;

/** Decodes any value with the typed read methods (as generated code would), discarding the result. */
final class Walker {

    private Walker() {}

    static void message(ThriftReader in) {
        in.readMessageBegin();
        value(in, TType.STRUCT);
        in.readMessageEnd();
    }

    static void value(ThriftReader in, byte type) {
        switch (type) {
            case TType.BOOL -> in.readBool();
            case TType.BYTE -> in.readByte();
            case TType.I16 -> in.readI16();
            case TType.I32 -> in.readI32();
            case TType.I64 -> in.readI64();
            case TType.DOUBLE -> in.readDouble();
            case TType.STRING -> in.readString();
            case TType.UUID -> in.readUuid();
            case TType.STRUCT -> {
                in.readStructBegin();
                byte t;
                while ((t = in.readFieldBegin()) != TType.STOP) {
                    in.fieldId();
                    if (t == TType.STRING && (in.fieldId() & 1) == 0) {
                        in.readBinary();
                    } else {
                        value(in, t);
                    }
                    in.readFieldEnd();
                }
                in.readStructEnd();
            }
            case TType.MAP -> {
                int n = in.readMapBegin();
                byte k = in.keyType();
                byte v = in.valueType();
                for (int i = 0; i < n; i++) {
                    value(in, k);
                    value(in, v);
                }
                in.readMapEnd();
            }
            case TType.LIST -> {
                int n = in.readListBegin();
                byte e = in.elementType();
                for (int i = 0; i < n; i++) {
                    value(in, e);
                }
                in.readListEnd();
            }
            case TType.SET -> {
                int n = in.readSetBegin();
                byte e = in.elementType();
                for (int i = 0; i < n; i++) {
                    value(in, e);
                }
                in.readSetEnd();
            }
            default -> in.skip(type); // unknown types must be rejected by skip
        }
    }
}
