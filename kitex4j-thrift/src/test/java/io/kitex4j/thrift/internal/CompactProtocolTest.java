package io.kitex4j.thrift.internal;

import static io.kitex4j.thrift.internal.Bufs.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.thrift.TMessageType;
import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftProtocolException;
import io.kitex4j.thrift.ThriftProtocolId;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftWriter;
import io.netty.buffer.ByteBuf;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactProtocolTest extends ProtocolContractTest {

    @Override
    ThriftProtocolId id() {
        return ThriftProtocolId.COMPACT;
    }

    @Override
    ThriftReader reader(ByteBuf buf, int maxDepth) {
        return new CompactProtocol(buf, maxDepth);
    }

    @Override
    ThriftWriter writer(ByteBuf buf, int maxDepth) {
        return new CompactProtocol(buf, maxDepth);
    }

    @Override
    byte[] negativeStringLength() {
        return Bufs.hex("ff ff ff ff 0f");
    }

    @Override
    byte[] negativeListHeader(byte elementType) {
        int ct = elementType == TType.I32 ? CompactProtocol.CT_I32 : CompactProtocol.CT_BINARY;
        return ProtocolContractTest.concat(new byte[] {(byte) (0xF0 | ct)}, Bufs.hex("ff ff ff ff 0f"));
    }

    @Override
    byte[] negativeMapHeader() {
        return Bufs.hex("fe ff ff ff 0f 88");
    }

    @Override
    List<byte[]> badVersionHeaders() {
        return List.of(
                Bufs.hex("82 22"), // version 2
                Bufs.hex("82 20"), // version 0
                Bufs.hex("83 21"), // wrong protocol id
                Bufs.hex("80 01 00 01")); // a binary header
    }

    @Test
    void messageHeaderPacksTypeIntoTheTopBitsAndUsesVarints() {
        byte[] bytes = encode(out -> out.writeMessageBegin("ab", TMessageType.ONEWAY, 300));
        assertThat(hex(bytes)).isEqualTo("82 81 ac 02 02 61 62");
        byte[] negative = encode(out -> out.writeMessageBegin("", TMessageType.CALL, -1));
        assertThat(hex(negative)).isEqualTo("82 21 ff ff ff ff 0f 00");
        Bufs.with(negative, buf -> {
            ThriftReader in = reader(buf);
            assertThat(in.readMessageBegin()).isEqualTo(TMessageType.CALL);
            assertThat(in.messageSeqId()).isEqualTo(-1);
            return null;
        });
    }

    @Test
    void fieldIdsUseDeltasUpToFifteenAndTheLongFormOtherwise() {
        Script script = new Script().struct()
                .field(TType.I32, 1).i32(0).fieldEnd() // delta 1
                .field(TType.I32, 16).i32(0).fieldEnd() // delta 15
                .field(TType.I32, 32).i32(0).fieldEnd() // delta 16: long form, zigzag(32) = 64
                .field(TType.I32, -1).i32(0).fieldEnd() // negative: long form
                .field(TType.I32, 1).i32(0).fieldEnd() // delta 2 from -1
                .structEnd();
        assertThat(hex(encode(script))).isEqualTo("15 00 f5 00 05 40 00 05 01 00 25 00 00");
    }

    @Test
    void nestedStructsRestoreTheOuterLastFieldId() {
        Script script = new Script().struct()
                .field(TType.STRUCT, 5).struct().field(TType.I32, 30).i32(1).fieldEnd().structEnd().fieldEnd()
                .field(TType.I32, 6).i32(1).fieldEnd() // delta 1 from the outer 5, not from the inner 30
                .structEnd();
        assertThat(hex(encode(script))).isEqualTo("5c 05 3c 02 00 15 02 00");
        Bufs.with(encode(script), buf -> {
            script.checkWith(reader(buf), id());
            return null;
        });
    }

    @Test
    void boolFieldsArePackedIntoTheFieldHeader() {
        Script script = new Script().struct()
                .field(TType.BOOL, 1).bool(true).fieldEnd()
                .field(TType.BOOL, 2).bool(false).fieldEnd()
                .field(TType.BOOL, 100).bool(true).fieldEnd()
                .structEnd();
        assertThat(hex(encode(script))).isEqualTo("11 12 01 c8 01 00");
        Bufs.with(encode(script), buf -> {
            script.checkWith(reader(buf), id());
            return null;
        });
    }

    @Test
    void boolElementsAreOneAndTwo() {
        Script script = new Script().list(TType.BOOL, 2).bool(true).bool(false).listEnd();
        assertThat(hex(encode(script))).isEqualTo("21 01 02");
        Bufs.with(Bufs.hex("22 01 00"), buf -> { // element type nibble 2 and a 0 byte are accepted too
            ThriftReader in = reader(buf);
            assertThat(in.readListBegin()).isEqualTo(2);
            assertThat(in.elementType()).isEqualTo(TType.BOOL);
            assertThat(in.readBool()).isTrue();
            assertThat(in.readBool()).isFalse();
            return null;
        });
    }

    @Test
    void listHeadersUseTheShortFormBelowFifteenElements() {
        assertThat(hex(encode(out -> out.writeListBegin(TType.I32, 14)))).isEqualTo("e5");
        assertThat(hex(encode(out -> out.writeListBegin(TType.I32, 15)))).isEqualTo("f5 0f");
        assertThat(hex(encode(out -> out.writeSetBegin(TType.STRING, 300)))).isEqualTo("f8 ac 02");
        assertThat(hex(encode(out -> out.writeSetBegin(TType.BYTE, 0)))).isEqualTo("03");
    }

    @Test
    void emptyMapIsASingleZeroByte() {
        assertThat(hex(encode(out -> out.writeMapBegin(TType.STRING, TType.I32, 0)))).isEqualTo("00");
        assertThat(hex(encode(out -> out.writeMapBegin(TType.STRING, TType.I32, 1)))).isEqualTo("01 85");
        Bufs.with(Bufs.hex("00"), buf -> {
            ThriftReader in = reader(buf);
            assertThat(in.readMapBegin()).isZero();
            assertThat(in.keyType()).isEqualTo(TType.STOP);
            assertThat(in.valueType()).isEqualTo(TType.STOP);
            return null;
        });
    }

    @Test
    void integersAreZigzagVarintsAndDoublesLittleEndian() {
        assertThat(hex(encode(out -> out.writeI32(-1)))).isEqualTo("01");
        assertThat(hex(encode(out -> out.writeI32(1)))).isEqualTo("02");
        assertThat(hex(encode(out -> out.writeI32(64)))).isEqualTo("80 01");
        assertThat(hex(encode(out -> out.writeI32(Integer.MIN_VALUE)))).isEqualTo("ff ff ff ff 0f");
        assertThat(hex(encode(out -> out.writeI16(Short.MIN_VALUE)))).isEqualTo("ff ff 03");
        assertThat(hex(encode(out -> out.writeI64(Long.MIN_VALUE)))).isEqualTo("ff ff ff ff ff ff ff ff ff 01");
        assertThat(hex(encode(out -> out.writeI64(0)))).isEqualTo("00");
        assertThat(hex(encode(out -> out.writeByte((byte) -1)))).isEqualTo("ff");
        assertThat(hex(encode(out -> out.writeDouble(1.0)))).isEqualTo("00 00 00 00 00 00 f0 3f");
    }

    @Test
    void overlongVarintsAreRejected() {
        Bufs.with(Bufs.hex("ff ff ff ff ff 01"), buf -> {
            assertProtocolError(() -> reader(buf).readI32(), ThriftProtocolException.INVALID_DATA);
            return null;
        });
        Bufs.with(Bufs.hex("ff ff ff ff ff ff ff ff ff ff 01"), buf -> {
            assertProtocolError(() -> reader(buf).readI64(), ThriftProtocolException.INVALID_DATA);
            return null;
        });
        Bufs.with(Bufs.hex("ff ff"), buf -> {
            assertProtocolError(() -> reader(buf).readI32(), ThriftProtocolException.INVALID_DATA);
            return null;
        });
    }

    @Test
    void unknownTypeNibblesAreRejected() {
        for (String bytes : List.of("1e", "1f", "0e 02")) {
            Bufs.with(Bufs.hex(bytes), buf -> {
                assertProtocolError(() -> reader(buf).readFieldBegin(), ThriftProtocolException.INVALID_DATA);
                return null;
            });
        }
        Bufs.with(Bufs.hex("1e 00"), buf -> {
            assertProtocolError(() -> reader(buf).readListBegin(), ThriftProtocolException.INVALID_DATA);
            return null;
        });
        Bufs.with(Bufs.hex("01 f5 00"), buf -> {
            assertProtocolError(() -> reader(buf).readMapBegin(), ThriftProtocolException.INVALID_DATA);
            return null;
        });
    }

    @Test
    void typesWithoutACompactEncodingCannotBeWritten() {
        Bufs.with(new byte[0], buf -> {
            ThriftWriter out = writer(buf, 64);
            assertProtocolError(() -> out.writeFieldBegin(TType.VOID, (short) 1), ThriftProtocolException.INVALID_DATA);
            assertProtocolError(() -> out.writeListBegin((byte) 99, 1), ThriftProtocolException.INVALID_DATA);
            return null;
        });
    }
}
