package io.kitex4j.thrift.internal;

import static io.kitex4j.thrift.internal.Bufs.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.thrift.TMessageType;
import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftProtocolException;
import io.kitex4j.thrift.ThriftProtocolId;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftWriter;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryProtocolTest extends ProtocolContractTest {

    @Override
    ThriftProtocolId id() {
        return ThriftProtocolId.BINARY;
    }

    @Override
    ThriftReader reader(ByteBuf buf, int maxDepth) {
        return new BinaryProtocol(buf, maxDepth);
    }

    @Override
    ThriftWriter writer(ByteBuf buf, int maxDepth) {
        return new BinaryProtocol(buf, maxDepth);
    }

    @Override
    byte[] negativeStringLength() {
        return Bufs.hex("ff ff ff ff");
    }

    @Override
    byte[] negativeListHeader(byte elementType) {
        return new byte[] {elementType, -1, -1, -1, -1};
    }

    @Override
    byte[] negativeMapHeader() {
        return Bufs.hex("0b 0b ff ff ff fe");
    }

    @Override
    List<byte[]> badVersionHeaders() {
        return List.of(
                Bufs.hex("80 02 00 01"), // version 2
                Bufs.hex("80 00 00 01"),
                Bufs.hex("ff 01 00 01"),
                Bufs.hex("82 21 01 00"), // a compact header
                Bufs.hex("00 00 00 04 65 63 68 6f")); // non-strict: name length first
    }

    @Test
    void messageHeaderIsStrictVersionTypeNameAndSeqId() {
        byte[] bytes = encode(out -> out.writeMessageBegin("ab", TMessageType.REPLY, 7));
        assertThat(hex(bytes)).isEqualTo("80 01 00 02 00 00 00 02 61 62 00 00 00 07");
    }

    @Test
    void nonStrictHeaderIsRejectedWithAClearMessage() {
        Bufs.with(Bufs.hex("00 00 00 04 65 63 68 6f 01 00 00 00 01 00"), buf -> {
            assertThatThrownBy(() -> reader(buf).readMessageBegin())
                    .isInstanceOfSatisfying(ThriftProtocolException.class,
                            e -> assertThat(e.type()).isEqualTo(ThriftProtocolException.BAD_VERSION))
                    .hasMessageContaining("non-strict");
            return null;
        });
    }

    @Test
    void versionIsCheckedUnderTheHighSixteenBits() {
        // Bits 8..15 are not part of the version; the type is the low byte.
        Bufs.with(Bufs.hex("80 01 7f 04 00 00 00 00 00 00 00 09 00"), buf -> {
            ThriftReader in = reader(buf);
            assertThat(in.readMessageBegin()).isEqualTo(TMessageType.ONEWAY);
            assertThat(in.messageName()).isEmpty();
            assertThat(in.messageSeqId()).isEqualTo(9);
            return null;
        });
    }

    @Test
    void writesKitexMockReqGoldenBytes() {
        // MockReq{1: "hello", 2: map<string,string>{}, 3: list<string>[]} from Kitex's thrift_data_test.go.
        Script script = new Script().struct()
                .field(TType.STRING, 1).str("hello").fieldEnd()
                .field(TType.MAP, 2).map(TType.STRING, TType.STRING, 0).mapEnd().fieldEnd()
                .field(TType.LIST, 3).list(TType.STRING, 0).listEnd().fieldEnd()
                .structEnd();
        String golden = "0b 00 01 00 00 00 05 68 65 6c 6c 6f 0d 00 02 0b 0b 00 00 00 00 0f 00 03 0b 00 00 00 00 00";
        assertThat(hex(encode(script))).isEqualTo(golden);
        Bufs.with(Bufs.hex(golden), buf -> {
            script.checkWith(reader(buf), id());
            return null;
        });
    }

    @Test
    void decodesAndReencodesARealKitexBufferedRequest() {
        byte[] request = Bufs.kitexVector("buffered.req.hex");
        Script script = new Script().message("echo", TMessageType.CALL, 1).struct()
                .field(TType.STRUCT, 1).struct().field(TType.STRING, 1).str("hello").fieldEnd().structEnd().fieldEnd()
                .structEnd().messageEnd();
        Bufs.with(request, true, buf -> {
            script.checkWith(reader(buf), id());
            assertThat(buf.readableBytes()).isZero();
            return null;
        });
        assertThat(encode(script)).isEqualTo(request);
    }

    @Test
    void decodesARealKitexApplicationException() {
        byte[] framed = Bufs.kitexVector("framed-unknownmethod.resp.hex");
        byte[] message = Arrays.copyOfRange(framed, 4, framed.length);
        Bufs.with(message, buf -> {
            ThriftReader in = reader(buf);
            assertThat(in.readMessageBegin()).isEqualTo(TMessageType.EXCEPTION);
            assertThat(in.messageName()).isEqualTo("nosuch");
            assertThat(ApplicationExceptionCodec.read(in))
                    .isEqualTo(new ApplicationExceptionCodec.AppError("unknown service , method nosuch", 20));
            assertThat(buf.readableBytes()).isZero();
            return null;
        });
        assertThat(encode(out -> {
            out.writeMessageBegin("nosuch", TMessageType.EXCEPTION, 1);
            ApplicationExceptionCodec.write(out, "unknown service , method nosuch", 20);
            out.writeMessageEnd();
        })).isEqualTo(message);
    }

    @Test
    void boolIsOneByteAndOnlyOneReadsAsTrue() {
        assertThat(hex(encode(out -> {
            out.writeBool(true);
            out.writeBool(false);
        }))).isEqualTo("01 00");
        Bufs.with(Bufs.hex("01 00 02"), buf -> {
            ThriftReader in = reader(buf);
            assertThat(in.readBool()).isTrue();
            assertThat(in.readBool()).isFalse();
            assertThat(in.readBool()).isFalse();
            return null;
        });
    }
}
