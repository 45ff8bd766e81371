package io.kitex4j.protobuf;

import static io.kitex4j.protobuf.testing.Bufs.bytes;
import static io.kitex4j.protobuf.testing.Bufs.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.kitex4j.protobuf.testing.Bufs;
import io.kitex4j.protobuf.testing.Bufs.Kind;
import io.kitex4j.protobuf.testing.EchoRequest;
import io.kitex4j.protobuf.testing.EchoResponse;
import io.kitex4j.protobuf.testing.Everything;
import io.kitex4j.protobuf.testing.WithRequired;
import io.kitex4j.remote.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProtobufCodecTest {
    private static final ProtobufCodec<EchoRequest> ECHO = ProtobufCodec.of(EchoRequest.getDefaultInstance());
    private static final ProtobufCodec<Everything> EVERYTHING = ProtobufCodec.of(Everything.getDefaultInstance());

    static Everything everything() {
        return Everything.newBuilder()
                .setI32(-7).setI64(Long.MIN_VALUE).setS32(-123456).setF64(0xDEADBEEFL).setD(3.25).setFlag(true)
                .setText("héllo 😀").setBlob(ByteString.copyFrom(new byte[] {0, 1, 2, (byte) 0xFF}))
                .addNums(1).addNums(-1).addNums(Integer.MAX_VALUE)
                .putAllTags(Map.of("k", "v", "empty", ""))
                .setChild(Everything.newBuilder().setText("child").setId(9))
                .setKindValue(1).setName("oneof")
                .build();
    }

    @Test
    void ofKeepsTheDefaultInstanceWhateverInstanceItIsGiven() {
        ProtobufCodec<EchoRequest> c = ProtobufCodec.of(EchoRequest.newBuilder().setMessage("not default").build());
        assertThat(c.defaultInstance()).isSameAs(EchoRequest.getDefaultInstance());
        assertThat(c.parser()).isSameAs(EchoRequest.parser());
        assertThat(c).hasToString("ProtobufCodec{" + EchoRequest.class.getName() + "}");
        assertThatThrownBy(() -> ProtobufCodec.of(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void writesExactlyWhatProtobufSerialisesIntoEveryKindOfBuffer(Kind kind) {
        Everything m = everything();
        byte[] written = Bufs.write(kind, out -> EVERYTHING.write(m, out));
        assertThat(hex(written)).isEqualTo(hex(m.toByteArray()));
        assertThat(hex(Bufs.write(kind, out -> ECHO.write(EchoRequest.newBuilder().setMessage("hello").build(), out))))
                .isEqualTo("0a 05 68 65 6c 6c 6f"); // the body of Kitex's pb-ttheader capture
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void roundTripsThroughEveryKindOfBuffer(Kind kind) {
        Everything m = everything();
        Everything back = Bufs.read(kind, m.toByteArray(), in -> {
            Everything r = EVERYTHING.read(in);
            assertThat(in.readableBytes()).as("all bytes consumed").isZero();
            return r;
        });
        assertThat(back).isEqualTo(m);
    }

    @Test
    void writesAfterWhatTheBufferAlreadyHolds() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(4, 4096);
        try {
            out.writeInt(0xCAFEBABE);
            ECHO.write(EchoRequest.newBuilder().setMessage("x".repeat(300)).build(), out); // grows the buffer
            byte[] b = ByteBufUtil.getBytes(out);
            assertThat(hex(Bufs.prefix(b, 7))).isEqualTo("ca fe ba be 0a ac 02");
            assertThat(b).hasSize(4 + 3 + 300);
        } finally {
            out.release();
        }
    }

    @Test
    void readsOnlyTheReadableBytes() {
        ByteBuf in = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            in.writeBytes(bytes("ff ff 0a 02 68 69 ee"));
            in.readerIndex(2).writerIndex(6);
            assertThat(ECHO.read(in).getMessage()).isEqualTo("hi");
            assertThat(in.readerIndex()).isEqualTo(6);
        } finally {
            in.release();
        }
    }

    @Test
    void nullWritesNothingAndNothingReadsAsTheDefaultInstance() {
        assertThat(Bufs.write(Kind.DIRECT, out -> ECHO.write(null, out))).isEmpty();
        assertThat(Bufs.write(Kind.HEAP, out -> ECHO.write(EchoRequest.getDefaultInstance(), out))).isEmpty();
        for (Kind k : Kind.values()) {
            assertThat(Bufs.read(k, new byte[0], ECHO::read)).isEqualTo(EchoRequest.getDefaultInstance());
        }
    }

    @Test
    void bigMessagesRoundTripThroughPooledDirectBuffers() {
        Everything m = Everything.newBuilder().setText("x".repeat(3 << 20)).setBlob(ByteString.copyFrom(new byte[1 << 20])).build();
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            EVERYTHING.write(m, buf);
            assertThat(buf.readableBytes()).isEqualTo(m.getSerializedSize());
            assertThat(EVERYTHING.read(buf)).isEqualTo(m);
        } finally {
            buf.release();
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void refusesToWriteAMessageOfAnotherType() {
        ProtobufCodec raw = ECHO;
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            assertThatThrownBy(() -> raw.write(EchoResponse.newBuilder().setMessage("x").build(), out))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(EchoRequest.class.getName())
                    .hasMessageContaining(EchoResponse.class.getName());
            assertThat(out.writerIndex()).isZero();
        } finally {
            out.release();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void malformedBytesRaiseProtocolExceptionAndAreNotConsumed(Kind kind) {
        Map<String, String> cases = Map.of(
                "string longer than the bytes", "0a 05 68 65",
                "varint that never ends", "08 ff ff ff ff ff ff ff ff ff ff",
                "tag of field 0", "00 01",
                "invalid wire type 7", "0f",
                "end group without a start", "0c",
                "truncated fixed64", "21 01 02 03",
                "length-delimited with a negative length", "0a ff ff ff ff 0f");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Bufs.read(kind, bytes(c.getValue()), in -> {
                int before = in.readerIndex();
                assertThatThrownBy(() -> EVERYTHING.read(in)).as(c.getKey())
                        .isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("invalid protobuf " + Everything.class.getName());
                assertThat(in.readerIndex()).as(c.getKey()).isEqualTo(before);
                return null;
            });
        }
    }

    @Test
    void aProto2MessageWithoutItsRequiredFieldIsMalformed() {
        ProtobufCodec<WithRequired> c = ProtobufCodec.of(WithRequired.getDefaultInstance());
        assertThatThrownBy(() -> Bufs.read(Kind.HEAP, bytes("10 05"), c::read))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("name");
        assertThat(Bufs.read(Kind.DIRECT, bytes("0a 01 61 10 05"), c::read).getCount()).isEqualTo(5);
    }

    @Test
    void randomBytesNeverRaiseAnythingButProtocolException() {
        Random r = new Random(4);
        byte[] valid = everything().toByteArray();
        for (int i = 0; i < 3000; i++) {
            byte[] b;
            if (i % 2 == 0) {
                b = new byte[r.nextInt(64)];
                r.nextBytes(b);
            } else {
                b = valid.clone();
                for (int j = 0; j < 1 + r.nextInt(4); j++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt();
                }
                b = Bufs.prefix(b, r.nextInt(b.length + 1));
            }
            Kind kind = Kind.values()[i % 3];
            byte[] input = b;
            Bufs.read(kind, input, in -> {
                try {
                    MessageLite m = EVERYTHING.read(in);
                    assertThat(m).isNotNull();
                } catch (ProtocolException expected) {
                    // malformed: fine
                }
                return null;
            });
        }
    }
}
