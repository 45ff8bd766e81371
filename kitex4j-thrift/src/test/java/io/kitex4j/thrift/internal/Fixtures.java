package io.kitex4j.thrift.internal;

import io.kitex4j.thrift.TMessageType;
import io.kitex4j.thrift.TType;
import java.util.UUID;

/** Hand-written messages that cover every type and encoding corner at least once. */
final class Fixtures {

    static final UUID RFC_UUID = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");

    private Fixtures() {}

    /** One message with every type, numeric extreme, field-id delta form, string kind and container shape. */
    static Script richMessage() {
        return richMessage(true);
    }

    /**
     * The rich message; {@code uuidElements} false leaves out the list of UUIDs, which libthrift
     * 0.22 cannot read (see {@link RandomScripts#withoutUuidElements()}).
     */
    static Script richMessage(boolean uuidElements) {
        Script s = new Script().message("echo ✓ 😀", TMessageType.CALL, 0x7EADBEEF).struct();
        s.field(TType.BOOL, 1).bool(true).fieldEnd();
        s.field(TType.BOOL, 2).bool(false).fieldEnd();
        s.field(TType.BYTE, 3).i8(Byte.MIN_VALUE).fieldEnd();
        s.field(TType.BYTE, 4).i8(Byte.MAX_VALUE).fieldEnd();
        s.field(TType.I16, 5).i16(Short.MIN_VALUE).fieldEnd();
        s.field(TType.I16, 20).i16(Short.MAX_VALUE).fieldEnd(); // delta 15: last short form
        s.field(TType.I32, 36).i32(Integer.MIN_VALUE).fieldEnd(); // delta 16: long form
        s.field(TType.I32, 37).i32(Integer.MAX_VALUE).fieldEnd();
        s.field(TType.I32, 38).i32(0).fieldEnd();
        s.field(TType.I32, 39).i32(-1).fieldEnd();
        s.field(TType.I64, 40).i64(Long.MIN_VALUE).fieldEnd();
        s.field(TType.I64, 41).i64(Long.MAX_VALUE).fieldEnd();
        s.field(TType.I64, 42).i64(-64).fieldEnd();
        s.field(TType.DOUBLE, 43).dbl(-0.0).fieldEnd();
        s.field(TType.DOUBLE, 44).dbl(Double.NaN).fieldEnd();
        s.field(TType.DOUBLE, 45).dbl(Double.NEGATIVE_INFINITY).fieldEnd();
        s.field(TType.DOUBLE, 46).dbl(Double.MIN_VALUE).fieldEnd();
        s.field(TType.DOUBLE, 47).dbl(Double.MAX_VALUE).fieldEnd();
        s.field(TType.STRING, 50).str("").fieldEnd();
        s.field(TType.STRING, 51).str("hello").fieldEnd();
        s.field(TType.STRING, 52).str("héllo wörld — 日本語").fieldEnd();
        s.field(TType.STRING, 53).str("emoji 😀🎉 and 𝄞").fieldEnd();
        s.field(TType.STRING, 54).bin(new byte[0]).fieldEnd();
        s.field(TType.STRING, 55).bin(new byte[] {0, 1, 2, (byte) 0x80, (byte) 0xFF}).fieldEnd();
        s.field(TType.BOOL, -1).bool(true).fieldEnd(); // negative id: long form carrying a bool
        s.field(TType.I32, Short.MIN_VALUE).i32(7).fieldEnd();
        s.field(TType.BOOL, Short.MAX_VALUE).bool(false).fieldEnd();
        s.field(TType.BOOL, 3).bool(true).fieldEnd(); // decreasing id
        s.field(TType.UUID, 60).uuid(RFC_UUID).fieldEnd();
        s.field(TType.LIST, 61).list(TType.BOOL, 3).bool(true).bool(false).bool(true).listEnd().fieldEnd();
        s.field(TType.LIST, 62).list(TType.I32, 0).listEnd().fieldEnd();
        s.field(TType.SET, 63).set(TType.STRING, 0).setEnd().fieldEnd();
        s.field(TType.MAP, 64).map(TType.STRING, TType.I32, 0).mapEnd().fieldEnd();
        s.field(TType.LIST, 65).list(TType.I16, 14);
        for (int i = 0; i < 14; i++) {
            s.i16(i * 1000 - 7000);
        }
        s.listEnd().fieldEnd();
        s.field(TType.LIST, 66).list(TType.I64, 15);
        for (int i = 0; i < 15; i++) {
            s.i64((1L << (4 * i)) * (i % 2 == 0 ? 1 : -1));
        }
        s.listEnd().fieldEnd();
        s.field(TType.SET, 67).set(TType.DOUBLE, 20);
        for (int i = 0; i < 20; i++) {
            s.dbl(i / 3.0);
        }
        s.setEnd().fieldEnd();
        s.field(TType.MAP, 68).map(TType.STRING, TType.LIST, 2);
        s.str("a").list(TType.BOOL, 2).bool(true).bool(false).listEnd();
        s.str("😀").list(TType.BOOL, 0).listEnd();
        s.mapEnd().fieldEnd();
        s.field(TType.MAP, 69).map(TType.I32, TType.STRUCT, 16);
        for (int i = 0; i < 16; i++) {
            s.i32(i - 8).struct();
            s.field(TType.I64, 1).i64(i).fieldEnd();
            s.field(TType.STRUCT, 20).struct().field(TType.BOOL, 1).bool(i % 3 == 0).fieldEnd().structEnd().fieldEnd();
            s.structEnd();
        }
        s.mapEnd().fieldEnd();
        s.field(TType.MAP, 70).map(TType.BOOL, TType.BOOL, 2).bool(true).bool(false).bool(false).bool(true).mapEnd()
                .fieldEnd();
        if (uuidElements) {
            s.field(TType.LIST, 71).list(TType.UUID, 2).uuid(RFC_UUID).uuid(new UUID(-1, 1)).listEnd().fieldEnd();
        }
        s.field(TType.LIST, 72).list(TType.LIST, 2);
        s.list(TType.BYTE, 2).i8(1).i8(-2).listEnd();
        s.list(TType.BYTE, 0).listEnd();
        s.listEnd().fieldEnd();
        s.field(TType.STRUCT, 73).struct();
        s.field(TType.STRUCT, 100).struct();
        s.field(TType.STRUCT, 1).struct().field(TType.STRING, 2).str("deep").fieldEnd().structEnd().fieldEnd();
        s.field(TType.I32, 2).i32(2).fieldEnd(); // the outer struct's last id is restored after the nested one
        s.structEnd().fieldEnd();
        s.field(TType.I16, 101).i16(1).fieldEnd();
        s.structEnd().fieldEnd();
        s.field(TType.I32, 74).i32(74).fieldEnd();
        return s.structEnd().messageEnd();
    }
}
