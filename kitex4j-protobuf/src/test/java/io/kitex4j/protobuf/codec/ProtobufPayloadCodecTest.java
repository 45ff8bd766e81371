package io.kitex4j.protobuf.codec;

import static io.kitex4j.protobuf.testing.Bufs.bytes;
import static io.kitex4j.protobuf.testing.Bufs.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.protobuf.testing.Bufs;
import io.kitex4j.protobuf.testing.Bufs.Kind;
import io.kitex4j.protobuf.testing.EchoRequest;
import io.kitex4j.protobuf.testing.EchoResponse;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.PayloadCodec;
import io.kitex4j.remote.PayloadCodecs;
import io.kitex4j.remote.ProtocolException;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProtobufPayloadCodecTest {
    /** What the gRPC transport does. */
    private final PayloadCodec codec = PayloadCodecs.require(PayloadProtocol.PROTOBUF);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void writesAndReadsTheBareMessageOfAGrpcFrame(Kind kind) {
        EchoRequest m = EchoRequest.newBuilder().setMessage("hello").build();
        byte[] b = Bufs.write(kind, out -> codec.encodeMessage(m, KitexProtobufPayloadCodecTest.ECHO.requestCodec(), out));
        // §8 V14 without its 5-byte gRPC prefix
        assertThat(hex(b)).isEqualTo("0a 05 68 65 6c 6c 6f");
        Object back = Bufs.read(kind, b, in -> {
            Object r = codec.decodeMessage(in, KitexProtobufPayloadCodecTest.ECHO.requestCodec());
            assertThat(in.readableBytes()).isZero();
            return r;
        });
        assertThat(back).isEqualTo(m);
    }

    @Test
    void anEmptyMessageIsNoBytes() {
        assertThat(Bufs.write(Kind.DIRECT, out -> codec.encodeMessage(null, KitexProtobufPayloadCodecTest.ECHO.responseCodec(), out)))
                .isEmpty();
        Object empty = Bufs.read(Kind.DIRECT, new byte[0],
                in -> codec.decodeMessage(in, KitexProtobufPayloadCodecTest.ECHO.responseCodec()));
        assertThat(empty).isEqualTo(EchoResponse.getDefaultInstance());
    }

    @Test
    void malformedBytesRaiseProtocolException() {
        assertThatThrownBy(() -> Bufs.read(Kind.DIRECT, bytes("0a 05 68"),
                in -> codec.decodeMessage(in, KitexProtobufPayloadCodecTest.ECHO.requestCodec())))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> Bufs.read(Kind.HEAP, bytes("0a 05 68 65 6c 6c 6f"),
                in -> codec.decodeMessage(in, KitexProtobufPayloadCodecTest.NOT_PROTOBUF.requestCodec())))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("is not protobuf");
    }

    @Test
    void refusesMessagesOfAnotherTypeAndCodecsThatAreNotProtobuf() {
        ByteBuf out = Unpooled.buffer();
        try {
            assertThatThrownBy(() -> codec.encodeMessage(EchoResponse.getDefaultInstance(),
                    KitexProtobufPayloadCodecTest.ECHO.requestCodec(), out)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> codec.encodeMessage("x", KitexProtobufPayloadCodecTest.ECHO.requestCodec(), out))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
            assertThatThrownBy(() -> codec.encodeMessage(EchoRequest.getDefaultInstance(),
                    KitexProtobufPayloadCodecTest.NOT_PROTOBUF.requestCodec(), out)).isInstanceOf(IllegalArgumentException.class);
            assertThat(out.writerIndex()).isZero();
        } finally {
            out.release();
        }
    }

    @Test
    void hasNoMessageHeaderSoTheMessageLevelMethodsAreUnsupported() {
        RemoteMessage msg = new RemoteMessage(MessageType.CALL, "Echo", 1);
        ByteBuf buf = Unpooled.buffer();
        try {
            assertThatThrownBy(() -> codec.encode(msg, buf)).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("encodeMessage/decodeMessage");
            assertThatThrownBy(() -> codec.decodeHeader(buf, msg)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> codec.decodeBody(buf, msg)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> codec.messageLength(buf, 0)).isInstanceOf(ProtocolException.class);
        } finally {
            buf.release();
        }
        assertThat(codec).isInstanceOf(ProtobufPayloadCodec.class);
        assertThat(codec.protocol()).isEqualTo(PayloadProtocol.PROTOBUF);
    }
}
