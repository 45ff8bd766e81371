package io.kitex4j.thrift.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.remote.ProtocolException;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftStructCodec;
import io.kitex4j.thrift.ThriftWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** Thrift over gRPC: bare structs, no message header (§4 of the wire fact sheet). */
class ThriftBareMessageTest {

    /** {@code struct Args { 1: Req req }} with {@code struct Req { 1: string message }}, as a generated codec writes it. */
    static final ThriftStructCodec<String> ARGS = new ThriftStructCodec<>() {
        @Override
        public void write(String message, ThriftWriter out) {
            out.writeStructBegin();
            out.writeFieldBegin(TType.STRUCT, (short) 1);
            out.writeStructBegin();
            out.writeFieldBegin(TType.STRING, (short) 1);
            out.writeString(message);
            out.writeFieldEnd();
            out.writeFieldStop();
            out.writeStructEnd();
            out.writeFieldEnd();
            out.writeFieldStop();
            out.writeStructEnd();
        }

        @Override
        public String read(ThriftReader in) {
            String message = null;
            in.readStructBegin();
            while (in.readFieldBegin() != TType.STOP) {
                if (in.fieldId() == 1) {
                    in.readStructBegin();
                    while (in.readFieldBegin() != TType.STOP) {
                        if (in.fieldId() == 1) {
                            message = in.readString();
                        } else {
                            in.skip(TType.STRING);
                        }
                        in.readFieldEnd();
                    }
                    in.readStructEnd();
                } else {
                    in.skip(TType.STRUCT);
                }
                in.readFieldEnd();
            }
            in.readStructEnd();
            return message;
        }
    };

    @Test
    void binaryBareStructIsKitexsGrpcThriftPayload() {
        ThriftPayloadCodec codec = new ThriftPayloadCodec(PayloadProtocol.THRIFT_BINARY);
        ByteBuf out = Unpooled.buffer();
        codec.encodeMessage("hello", ARGS, out);
        // grpc-thrift.req.hex, the DATA payload after the 5-byte gRPC prefix
        assertThat(ByteBufUtil.hexDump(out)).isEqualTo("0c00010b000100000005" + "68656c6c6f" + "0000");
        assertThat(codec.decodeMessage(out, ARGS)).isEqualTo("hello");
        assertThat(out.isReadable()).isFalse();
        out.release();
    }

    @Test
    void compactRoundTripAndNullIsAnEmptyStruct() {
        ThriftPayloadCodec codec = new ThriftPayloadCodec(PayloadProtocol.THRIFT_COMPACT);
        ByteBuf out = Unpooled.buffer();
        codec.encodeMessage("caf\u00e9", ARGS, out);
        assertThat(codec.decodeMessage(out, ARGS)).isEqualTo("caf\u00e9");
        out.release();
        ByteBuf empty = Unpooled.buffer();
        new ThriftPayloadCodec(PayloadProtocol.THRIFT_BINARY).encodeMessage(null, ARGS, empty);
        assertThat(ByteBufUtil.hexDump(empty)).isEqualTo("00");
        empty.release();
    }

    @Test
    void malformedOrTrailingBytesAreProtocolErrors() {
        ThriftPayloadCodec codec = new ThriftPayloadCodec(PayloadProtocol.THRIFT_BINARY);
        ByteBuf truncated = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("0c00010b0001000000056865"));
        assertThatThrownBy(() -> codec.decodeMessage(truncated, ARGS)).isInstanceOf(ProtocolException.class);
        ByteBuf trailing = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("0c00010b000100000005" + "68656c6c6f" + "0000ff"));
        assertThatThrownBy(() -> codec.decodeMessage(trailing, ARGS)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> codec.encodeMessage("x", new io.kitex4j.service.MessageCodec<String>() {}, Unpooled.buffer()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
