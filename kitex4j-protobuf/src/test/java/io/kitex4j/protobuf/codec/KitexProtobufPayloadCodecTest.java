package io.kitex4j.protobuf.codec;

import static io.kitex4j.protobuf.testing.Bufs.bytes;
import static io.kitex4j.protobuf.testing.Bufs.concat;
import static io.kitex4j.protobuf.testing.Bufs.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.protobuf.ProtobufCodec;
import io.kitex4j.protobuf.testing.Bufs;
import io.kitex4j.protobuf.testing.Bufs.Kind;
import io.kitex4j.protobuf.testing.EchoRequest;
import io.kitex4j.protobuf.testing.EchoResponse;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.PayloadCodecs;
import io.kitex4j.remote.ProtocolException;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.service.MessageCodec;
import io.kitex4j.service.MethodDescriptor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KitexProtobufPayloadCodecTest {
    static final MethodDescriptor<EchoRequest, EchoResponse> ECHO = MethodDescriptor.of("Echo", InteractionMode.PING_PONG,
            ProtobufCodec.of(EchoRequest.getDefaultInstance()), ProtobufCodec.of(EchoResponse.getDefaultInstance()));
    /** A method whose codecs are not protobuf ones (as a Thrift method's are). */
    static final MethodDescriptor<Object, Object> NOT_PROTOBUF = MethodDescriptor.of("Echo", InteractionMode.PING_PONG,
            new MessageCodec<Object>() { }, new MessageCodec<Object>() { });

    /** §8 V8 without its Framed length: CALL Echo, seq 1, EchoRequest{message: "hello"}. */
    static final String V8 = "90 01 00 01 00 00 00 04 45 63 68 6f 00 00 00 01 0a 05 68 65 6c 6c 6f";
    /** §8 V9 without its Framed length: EXCEPTION Echo, seq 1, ErrorProto{TypeID: 1, Message: "unknown method"}. */
    static final String V9 = "90 01 00 03 00 00 00 04 45 63 68 6f 00 00 00 01 08 01 12 0e 75 6e 6b 6e 6f 77 6e 20 6d 65 74 68 6f 64";

    private final KitexProtobufPayloadCodec codec = new KitexProtobufPayloadCodec();

    private byte[] encode(Kind kind, RemoteMessage msg) {
        return Bufs.write(kind, out -> codec.encode(msg, out));
    }

    private byte[] encode(RemoteMessage msg) {
        return encode(Kind.DIRECT, msg);
    }

    /** decodeHeader then decodeBody, as the server does (method given), on a buffer of {@code kind}. */
    private RemoteMessage decode(Kind kind, byte[] bytes, MethodDescriptor<?, ?> method) {
        return Bufs.read(kind, bytes, in -> {
            RemoteMessage m = new RemoteMessage(0, "", 0);
            codec.decodeHeader(in, m);
            m.method(method);
            codec.decodeBody(in, m);
            assertThat(in.readableBytes()).as("body consumed").isZero();
            return m;
        });
    }

    private RemoteMessage decode(byte[] bytes) {
        return decode(Kind.DIRECT, bytes, ECHO);
    }

    private static RemoteMessage call(String message) {
        return new RemoteMessage(MessageType.CALL, "Echo", 1).method(ECHO)
                .body(EchoRequest.newBuilder().setMessage(message).build());
    }

    private static RemoteMessage exception(Object body) {
        return new RemoteMessage(MessageType.EXCEPTION, "Echo", 1).body(body);
    }

    // ---------------------------------------------------------------- wire bytes

    @ParameterizedTest
    @EnumSource(Kind.class)
    void encodesACallAsKitexDoes(Kind kind) {
        assertThat(hex(encode(kind, call("hello")))).isEqualTo(V8);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void encodesAnUnknownMethodErrorAsKitexDoes(Kind kind) {
        byte[] b = encode(kind, exception(new ApplicationException(ApplicationException.UNKNOWN_METHOD, "unknown method")));
        assertThat(hex(b)).isEqualTo(V9);
    }

    @Test
    void encodesTheReplyOfKitexsCapture() {
        RemoteMessage reply = new RemoteMessage(MessageType.REPLY, "Echo", 1).method(ECHO)
                .body(EchoResponse.newBuilder().setMessage("hello").build());
        // pb-ttheader.resp.hex, after the TTHeader and the Framed length
        assertThat(hex(encode(reply))).isEqualTo("90 01 00 02 00 00 00 04 45 63 68 6f 00 00 00 01 0a 05 68 65 6c 6c 6f");
    }

    @Test
    void writesTheSeqIdAndAMultiByteMethodNameAsIs() {
        MethodDescriptor<EchoRequest, EchoResponse> m = MethodDescriptor.of("Échø", InteractionMode.ONEWAY,
                ECHO.requestCodec(), ECHO.responseCodec());
        RemoteMessage msg = new RemoteMessage(MessageType.ONEWAY, "Échø", -2).method(m).body(EchoRequest.getDefaultInstance());
        byte[] b = encode(msg);
        byte[] name = "Échø".getBytes(StandardCharsets.UTF_8);
        assertThat(hex(b)).isEqualTo(hex(concat(bytes("90 01 00 04"), ByteBuffer.allocate(4).putInt(name.length).array(), name,
                bytes("ff ff ff fe"))));
        RemoteMessage d = decode(Kind.HEAP, b, m);
        assertThat(d.messageType()).isEqualTo(MessageType.ONEWAY);
        assertThat(d.methodName()).isEqualTo("Échø");
        assertThat(d.seqId()).isEqualTo(-2);
        assertThat(d.body()).isEqualTo(EchoRequest.getDefaultInstance());
    }

    @Test
    void anEmptyBodyIsAnEmptyMessage() {
        // a reply with no body: the reply of a business status error
        RemoteMessage reply = new RemoteMessage(MessageType.REPLY, "Echo", 7).method(ECHO);
        byte[] b = encode(reply);
        assertThat(hex(b)).isEqualTo("90 01 00 02 00 00 00 04 45 63 68 6f 00 00 00 07");
        assertThat(decode(Kind.DIRECT, b, ECHO).body()).isEqualTo(EchoResponse.getDefaultInstance());
    }

    // ---------------------------------------------------------------- ErrorProto

    @Test
    void errorProtoLeavesOutZeroFieldsAsProto3Does() {
        assertThat(hex(encode(exception(new ApplicationException(0, ""))))).isEqualTo("90 01 00 03 00 00 00 04 45 63 68 6f 00 00 00 01");
        assertThat(hex(encode(exception(new ApplicationException(6, null)))))
                .isEqualTo("90 01 00 03 00 00 00 04 45 63 68 6f 00 00 00 01 08 06");
        assertThat(hex(encode(exception(new ApplicationException(0, "x")))))
                .isEqualTo("90 01 00 03 00 00 00 04 45 63 68 6f 00 00 00 01 12 01 78");
    }

    @Test
    void anErrorThatIsNotAnApplicationExceptionIsSentAsInternalError() {
        RemoteMessage d = decode(encode(exception(new IllegalStateException("boom"))));
        assertThat(d.body()).isInstanceOfSatisfying(RemoteApplicationException.class, e -> {
            assertThat(e.typeId()).isEqualTo(ApplicationException.INTERNAL_ERROR);
            assertThat(e.remoteMessage()).isEqualTo("boom");
        });
        RemoteMessage s = decode(encode(exception("some text")));
        assertThat(((RemoteApplicationException) s.body()).remoteMessage()).isEqualTo("some text");
    }

    @Test
    void errorProtoMatchesTheProtocGeneratedMessageBothWays() {
        for (String message : new String[] {"", "x", "biz error: something failed", "unknown service , method nosuch", "😀 ü"}) {
            for (int type : new int[] {0, 1, 6, 7, 20, 12001, -1, Integer.MIN_VALUE}) {
                byte[] ours = Bufs.write(Kind.DIRECT, out -> ErrorProto.write(type, message, out));
                io.kitex4j.protobuf.testing.kitex.ErrorProto generated = io.kitex4j.protobuf.testing.kitex.ErrorProto.newBuilder()
                        .setTypeID(type).setMessage(message).build();
                assertThat(hex(ours)).as("type %d message %s", type, message).isEqualTo(hex(generated.toByteArray()));
                assertThat(Bufs.read(Kind.COMPOSITE, generated.toByteArray(), ErrorProto::read))
                        .isEqualTo(new ErrorProto.Value(type, message));
            }
        }
    }

    @Test
    void errorProtoReadSkipsUnknownFieldsAndKnownNumbersOfTheWrongWireType() {
        byte[] b = bytes("1a 03 61 62 63" // field 3, bytes
                + " 0d 01 00 00 00" // field 1 as fixed32: unknown, skipped
                + " 10 07" // field 2 as varint: unknown, skipped
                + " 08 04 12 02 6f 6b" // TypeID 4, Message "ok"
                + " 29 01 02 03 04 05 06 07 08"); // field 5, fixed64
        RemoteMessage d = decode(Kind.HEAP, concat(bytes("90 01 00 03 00 00 00 04 45 63 68 6f 00 00 00 00"), b), null);
        assertThat(d.body()).isInstanceOfSatisfying(RemoteApplicationException.class, e -> {
            assertThat(e.typeId()).isEqualTo(4);
            assertThat(e.remoteMessage()).isEqualTo("ok");
        });
    }

    @Test
    void anExceptionDecodesToARemoteApplicationExceptionWhateverMethodItNames() {
        RemoteMessage d = decode(Kind.COMPOSITE, bytes(V9), null);
        assertThat(d.messageType()).isEqualTo(MessageType.EXCEPTION);
        assertThat(d.body()).isInstanceOfSatisfying(RemoteApplicationException.class, e -> {
            assertThat(e.typeId()).isEqualTo(ApplicationException.UNKNOWN_METHOD);
            assertThat(e.remoteMessage()).isEqualTo("unknown method");
            assertThat(e.getMessage()).isEqualTo("remote or network error[remote]: unknown method");
        });
    }

    // ---------------------------------------------------------------- round trips

    @ParameterizedTest
    @EnumSource(Kind.class)
    void callsAndRepliesRoundTrip(Kind kind) {
        RemoteMessage d = decode(kind, encode(kind, call("hello ☃")), ECHO);
        assertThat(d.messageType()).isEqualTo(MessageType.CALL);
        assertThat(d.methodName()).isEqualTo("Echo");
        assertThat(d.seqId()).isEqualTo(1);
        assertThat(d.body()).isEqualTo(EchoRequest.newBuilder().setMessage("hello ☃").build());

        RemoteMessage reply = new RemoteMessage(MessageType.REPLY, "Echo", Integer.MAX_VALUE).method(ECHO)
                .body(EchoResponse.newBuilder().setMessage("r").build());
        RemoteMessage r = decode(kind, encode(kind, reply), ECHO);
        assertThat(r.messageType()).isEqualTo(MessageType.REPLY);
        assertThat(r.seqId()).isEqualTo(Integer.MAX_VALUE);
        assertThat(r.body()).isEqualTo(EchoResponse.newBuilder().setMessage("r").build());
    }

    @Test
    void bareMessagesRoundTripWithoutAHeader() {
        EchoRequest m = EchoRequest.newBuilder().setMessage("hello").build();
        byte[] b = Bufs.write(Kind.DIRECT, out -> codec.encodeMessage(m, ECHO.requestCodec(), out));
        assertThat(hex(b)).isEqualTo("0a 05 68 65 6c 6c 6f");
        Object back = Bufs.read(Kind.DIRECT, b, in -> codec.decodeMessage(in, ECHO.requestCodec()));
        assertThat(back).isEqualTo(m);
    }

    // ---------------------------------------------------------------- malformed input

    private static Map<String, byte[]> malformed() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("nothing", new byte[0]);
        m.put("3 bytes", bytes("90 01 00"));
        m.put("thrift binary magic (bad version)", bytes("80 01 00 01 00 00 00 04 45 63 68 6f 00 00 00 01"));
        m.put("TTHeader magic (bad version)", bytes("10 00 00 00 00 00 00 04 45 63 68 6f 00 00 00 01"));
        m.put("message type 0", bytes("90 01 00 00 00 00 00 04 45 63 68 6f 00 00 00 01"));
        m.put("message type 5", bytes("90 01 00 05 00 00 00 04 45 63 68 6f 00 00 00 01"));
        m.put("no name length", bytes("90 01 00 01 00 00"));
        m.put("zero name length", bytes("90 01 00 01 00 00 00 00 00 00 00 01 0a 00"));
        m.put("negative name length", bytes("90 01 00 01 ff ff ff ff 45 63 68 6f 00 00 00 01"));
        m.put("name length past the end", bytes("90 01 00 01 00 00 00 40 45 63 68 6f 00 00 00 01"));
        m.put("name with no room for the seq id", bytes("90 01 00 01 00 00 00 04 45 63 68 6f 00 00"));
        m.put("truncated after the name", bytes("90 01 00 01 00 00 00 04 45 63 68 6f"));
        m.put("truncated body", bytes("90 01 00 01 00 00 00 04 45 63 68 6f 00 00 00 01 0a 05 68 65"));
        m.put("garbage body", bytes("90 01 00 01 00 00 00 04 45 63 68 6f 00 00 00 01 ff ff ff ff ff ff ff ff ff ff ff"));
        m.put("body with an invalid tag", bytes("90 01 00 01 00 00 00 04 45 63 68 6f 00 00 00 01 00 00"));
        m.put("truncated ErrorProto", bytes("90 01 00 03 00 00 00 04 45 63 68 6f 00 00 00 01 08 01 12 0e 75 6e"));
        m.put("ErrorProto with an invalid wire type", bytes("90 01 00 03 00 00 00 04 45 63 68 6f 00 00 00 01 0f"));
        m.put("ErrorProto with a stray end-group tag", bytes("90 01 00 03 00 00 00 04 45 63 68 6f 00 00 00 01 1c"));
        return m;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void malformedMessagesRaiseProtocolException(Kind kind) {
        for (Map.Entry<String, byte[]> c : malformed().entrySet()) {
            assertThatThrownBy(() -> decode(kind, c.getValue(), ECHO)).as(c.getKey()).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void malformedHeadersSayWhatIsWrong() {
        Map<String, byte[]> m = malformed();
        assertThatThrownBy(() -> decode(m.get("thrift binary magic (bad version)"))).hasMessageContaining("bad version");
        assertThatThrownBy(() -> decode(m.get("zero name length"))).hasMessageContaining("name length must be > 0, got 0");
        assertThatThrownBy(() -> decode(m.get("negative name length"))).hasMessageContaining("got 4294967295");
        assertThatThrownBy(() -> decode(m.get("name length past the end"))).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> decode(m.get("garbage body"))).hasMessageContaining("invalid protobuf");
    }

    @Test
    void aRequestForAMethodThatIsNotProtobufIsMalformed() {
        assertThatThrownBy(() -> decode(Kind.HEAP, bytes(V8), NOT_PROTOBUF))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("is not protobuf");
        RemoteMessage msg = new RemoteMessage(MessageType.CALL, "Echo", 1).method(NOT_PROTOBUF).body("x");
        assertThatThrownBy(() -> encode(msg)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomMutationsNeverRaiseAnythingButProtocolException() {
        Random r = new Random(9001);
        byte[][] seeds = {bytes(V8), bytes(V9), encode(call("x".repeat(200)))};
        int decoded = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] b = seeds[i % seeds.length].clone();
            int flips = 1 + r.nextInt(3);
            for (int j = 0; j < flips; j++) {
                int at = r.nextInt(b.length);
                // keep the magic often, so the mutations reach the name, seq id and body
                if (at < 2 && r.nextBoolean()) {
                    continue;
                }
                b[at] = (byte) r.nextInt();
            }
            if (r.nextInt(4) == 0) {
                b = Bufs.prefix(b, r.nextInt(b.length + 1));
            }
            try {
                decode(Kind.values()[i % 3], b, ECHO);
                decoded++;
            } catch (ProtocolException expected) {
                // malformed: fine
            }
        }
        assertThat(decoded).as("some mutations still decode").isPositive();
    }

    // ---------------------------------------------------------------- the rest of the SPI

    @Test
    void refusesBufferedFraming() {
        ByteBuf in = Unpooled.wrappedBuffer(bytes(V8));
        try {
            assertThatThrownBy(() -> codec.messageLength(in, 0)).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("always framed");
        } finally {
            in.release();
        }
    }

    @Test
    void refusesToEncodeWithoutAMethodName() {
        RemoteMessage msg = new RemoteMessage(MessageType.CALL, "", 1).method(ECHO).body(EchoRequest.getDefaultInstance());
        assertThatThrownBy(() -> encode(msg)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("method name");
    }

    @Test
    void isFoundOnTheClassPathForItsProtocol() {
        assertThat(codec.protocol()).isEqualTo(PayloadProtocol.KITEX_PROTOBUF);
        assertThat(PayloadCodecs.require(PayloadProtocol.KITEX_PROTOBUF)).isInstanceOf(KitexProtobufPayloadCodec.class);
        assertThat(PayloadCodecs.require(PayloadProtocol.PROTOBUF)).isInstanceOf(ProtobufPayloadCodec.class);
    }
}
