package io.kitex4j.thrift.internal;

import static io.kitex4j.thrift.internal.Bufs.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftProtocolId;
import io.kitex4j.thrift.internal.ApplicationExceptionCodec.AppError;
import java.util.List;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApplicationExceptionCodecTest {

    private static byte[] encode(ThriftProtocolId id, String message, int type) {
        return Bufs.encode(id, out -> ApplicationExceptionCodec.write(out, message, type));
    }

    private static AppError decode(ThriftProtocolId id, byte[] bytes) {
        return Bufs.with(bytes, buf -> {
            AppError error = ApplicationExceptionCodec.read(ThriftProtocols.reader(id, buf));
            assertThat(buf.readableBytes()).isZero();
            return error;
        });
    }

    @Test
    void writesKitexGoldenBytes() {
        assertThat(hex(encode(ThriftProtocolId.BINARY, "x", 6)))
                .isEqualTo("0b 00 01 00 00 00 01 78 08 00 02 00 00 00 06 00");
    }

    @Test
    void alwaysWritesTheMessageFieldEvenWhenEmptyOrNull() {
        String empty = "0b 00 01 00 00 00 00 08 00 02 00 00 00 07 00";
        assertThat(hex(encode(ThriftProtocolId.BINARY, "", 7))).isEqualTo(empty);
        assertThat(hex(encode(ThriftProtocolId.BINARY, null, 7))).isEqualTo(empty);
    }

    @ParameterizedTest
    @EnumSource(ThriftProtocolId.class)
    void matchesLibthriftTApplicationException(ThriftProtocolId id) throws TException {
        for (String message : List.of("x", "", "unknown method foo", "biz error: 😀 ü")) {
            for (int type : new int[] {0, 1, 6, 20, 12001, -1}) {
                byte[] ours = encode(id, message, type);
                byte[] lib = Libthrift.write(id, out -> new TApplicationException(type, message).write(out));
                assertThat(hex(ours)).isEqualTo(hex(lib));
                TApplicationException read = TApplicationException.readFrom(Libthrift.reader(id, ours));
                assertThat(read.getMessage()).isEqualTo(message);
                assertThat(read.getType()).isEqualTo(type);
                assertThat(decode(id, lib)).isEqualTo(new AppError(message, type));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ThriftProtocolId.class)
    void missingFieldsDecodeAsEmptyMessageAndUnknownType(ThriftProtocolId id) throws TException {
        byte[] noMessage = Libthrift.write(id, out -> new TApplicationException(5).write(out));
        assertThat(decode(id, noMessage)).isEqualTo(new AppError("", 5));
        byte[] nothing = Bufs.encode(id, new Script().struct().structEnd());
        assertThat(decode(id, nothing)).isEqualTo(new AppError("", 0));
    }

    @ParameterizedTest
    @EnumSource(ThriftProtocolId.class)
    void skipsUnknownFieldsAndFieldsOfTheWrongType(ThriftProtocolId id) {
        Script script = new Script().struct()
                .field(TType.STRUCT, 3).struct().field(TType.STRING, 1).str("nested").fieldEnd().structEnd().fieldEnd()
                .field(TType.I32, 1).i32(99).fieldEnd() // message with the wrong type
                .field(TType.STRING, 2).str("not a type").fieldEnd() // type with the wrong type
                .field(TType.I32, 2).i32(4).fieldEnd()
                .field(TType.LIST, 4).list(TType.BOOL, 2).bool(true).bool(false).listEnd().fieldEnd()
                .field(TType.STRING, 1).str("bad seq").fieldEnd()
                .field(TType.BOOL, 5).bool(true).fieldEnd()
                .structEnd();
        assertThat(decode(id, Bufs.encode(id, script))).isEqualTo(new AppError("bad seq", 4));
    }
}
