package io.kitex4j.remote.internal.ttheader;

import static io.kitex4j.remote.internal.ttheader.Frames.concat;
import static io.kitex4j.remote.internal.ttheader.Frames.decode;
import static io.kitex4j.remote.internal.ttheader.Frames.encode;
import static io.kitex4j.remote.internal.ttheader.Frames.range;
import static io.kitex4j.remote.internal.ttheader.Frames.split;
import static io.kitex4j.remote.internal.ttheader.KitexVectors.hex;
import static io.kitex4j.remote.internal.ttheader.KitexVectors.toHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link TTHeaderCodec} against bytes captured from Kitex v0.16.1 and the §8 vectors of the fact sheet. */
class TTHeaderKitexVectorsTest {

    /** §8 V1: Buffered thrift CALL mock, seq 1, args {1: MockReq}. */
    static final byte[] V1 = hex("80 01 00 01 00 00 00 04 6d 6f 63 6b 00 00 00 01 0c 00 01"
            + " 0b 00 01 00 00 00 05 68 65 6c 6c 6f 0d 00 02 0b 0b 00 00 00 00 0f 00 03 0b 00 00 00 00 00"
            + " 00");
    /** §8 mockReqThrift. */
    static final byte[] MOCK_REQ = hex("0b 00 01 00 00 00 05 68 65 6c 6c 6f 0d 00 02 0b"
            + " 0b 00 00 00 00 0f 00 03 0b 00 00 00 00 00");
    /** §8 V8: Kitex-PB framed CALL Echo, seq 1. */
    static final byte[] V8 = hex("00 00 00 17 90 01 00 01 00 00 00 04 45 63 68 6f 00 00 00 01 0a 05 68 65 6c 6c 6f");

    // ---- every TTHeader capture -----------------------------------------------------------

    static Stream<Arguments> ttheaderStreams() {
        List<Arguments> args = new ArrayList<>();
        for (String name : KitexVectors.caseNames()) {
            if (!(name.startsWith("ttheader-") || name.startsWith("pb-ttheader") || name.startsWith("ttstream-"))) {
                continue;
            }
            byte[] req = KitexVectors.request(name);
            byte[] resp = KitexVectors.response(name);
            if (req.length > 0) {
                args.add(Arguments.of(name + ".req", req));
            }
            if (resp.length > 0) {
                args.add(Arguments.of(name + ".resp", resp));
            }
        }
        return args.stream();
    }

    @Test
    void findsAllTTHeaderCaptures() {
        // 12 ttheader-*, 2 pb-ttheader*, 4 ttstream-*; ttheader-oneway has no response bytes
        assertThat(ttheaderStreams().count()).isEqualTo(2 * 18 - 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ttheaderStreams")
    void decodesEveryKitexCaptureAndReencodesItByteForByte(String stream, byte[] bytes) {
        List<byte[]> frames = split(bytes);
        assertThat(frames).isNotEmpty();
        for (byte[] frame : frames) {
            Frames.Decoded d = decode(frame);
            // Maps keep wire order, so re-encoding reproduces Kitex's bytes exactly, whatever the
            // (random) entry order Kitex happened to use in this capture.
            byte[] again = encode(d.header(), d.payload());
            assertThat(toHex(again)).as(stream).isEqualTo(toHex(frame));

            Frames.Decoded d2 = decode(again);
            assertThat(d2.header()).isEqualTo(d.header());
            assertThat(d2.payload()).isEqualTo(d.payload());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ttheaderStreams")
    void reencodesEveryCaptureInAnotherEntryOrderToAnEquivalentFrame(String stream, byte[] bytes) {
        for (byte[] frame : split(bytes)) {
            Frames.Decoded d = decode(frame);
            TTHeader reordered = reversed(d.header());
            byte[] again = encode(reordered, d.payload());
            assertThat(again).hasSameSizeAs(frame);
            Frames.Decoded d2 = decode(again);
            assertThat(d2.header()).isEqualTo(d.header());
            assertThat(d2.header().strInfo()).containsExactlyInAnyOrderEntriesOf(d.header().strInfo());
            assertThat(d2.header().intInfo()).containsExactlyInAnyOrderEntriesOf(d.header().intInfo());
            assertThat(d2.payload()).isEqualTo(d.payload());
            assertThat(d2.headerSize()).isEqualTo(d.headerSize());
            if (maxBlockEntries(d.header()) <= 1) {
                assertThat(toHex(again)).isEqualTo(toHex(frame));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ttheaderStreams")
    void decodesBackToBackFramesInOneBuffer(String stream, byte[] bytes) {
        List<byte[]> frames = split(bytes);
        ByteBuf buf = Frames.direct(bytes);
        try {
            TTHeader reused = new TTHeader();
            for (byte[] frame : frames) {
                int start = buf.readerIndex();
                int len = TTHeaderCodec.frameLength(buf, start);
                assertThat(len).isEqualTo(frame.length);
                TTHeaderCodec.decode(buf, reused);
                assertThat(reused).isEqualTo(decode(frame).header());
                buf.readerIndex(start + len);
            }
            assertThat(buf.isReadable()).isFalse();
        } finally {
            buf.release();
        }
    }

    private static TTHeader reversed(TTHeader h) {
        TTHeader r = new TTHeader(h.flags(), h.seqId(), h.protocolId());
        List<Map.Entry<String, String>> s = new ArrayList<>(h.strInfo().entrySet());
        Collections.reverse(s);
        s.forEach(e -> r.putStr(e.getKey(), e.getValue()));
        List<Map.Entry<Integer, String>> i = new ArrayList<>(h.intInfo().entrySet());
        Collections.reverse(i);
        i.forEach(e -> r.putInt(e.getKey(), e.getValue()));
        return r;
    }

    private static int maxBlockEntries(TTHeader h) {
        int str = h.strInfo().size() - (h.strInfo().containsKey(TTHeaderKeys.ACL_TOKEN_KEY) ? 1 : 0);
        return Math.max(str, h.intInfo().size());
    }

    // ---- facts from the .txt decodes -------------------------------------------------------

    private static Frames.Decoded only(byte[] stream) {
        List<byte[]> frames = split(stream);
        assertThat(frames).hasSize(1);
        return decode(frames.get(0));
    }

    @Test
    void metainfoRequestCarriesIdlServiceMetainfoAndClientIntKeys() {
        Frames.Decoded d = only(KitexVectors.request("ttheader-meta-metainfo"));
        TTHeader h = d.header();
        assertThat(h.flags()).isZero();
        assertThat(h.seqId()).isEqualTo(1);
        assertThat(h.protocolId()).isEqualTo(TTHeaderKeys.PROTOCOL_THRIFT_BINARY);
        assertThat(h.strInfo()).containsExactly(
                entry("isn", "EchoService"),
                entry("RPC_TRANSIT_Transient_Key", "tv"),
                entry("RPC_PERSIST_Persist_Key", "pv"));
        assertThat(h.intInfo()).containsExactlyInAnyOrderEntriesOf(Map.of(
                1, "framed", 3, "echo-client", 6, "EchoService", 9, "echo", 20, "", 22, "1"));
        assertThat(d.headerSize()).isEqualTo(0x24);
        assertThat(range(d.payload(), 0, 8)).isEqualTo(hex("00 00 00 21 80 01 00 01"));
        assertThat(d.payload()).hasSize(4 + 0x21);
    }

    @Test
    void metainfoResponseCarriesBackwardValueAndReplyMsgType() {
        TTHeader h = only(KitexVectors.response("ttheader-meta-metainfo")).header();
        assertThat(h.strInfo()).containsExactly(entry("Backward_Key", "bv"));
        assertThat(h.intInfo()).containsExactly(entry(22, "2"));
        assertThat(h.flags()).isZero();
        assertThat(h.seqId()).isEqualTo(1);
    }

    @Test
    void aclBlockIsSurfacedAsTheGdprTokenKey() {
        TTHeader h = only(KitexVectors.request("ttheader-acl-token")).header();
        assertThat(h.strInfo()).containsExactly(
                entry("RPC_TRANSIT_gdpr-token", "tok123"), entry("isn", "EchoService"));
        assertThat(h.aclToken()).isEqualTo("tok123");
        assertThat(h.intInfo()).hasSize(6);
    }

    @Test
    void explicitTimeoutsTravelAsDecimalMilliseconds() {
        TTHeader h = only(KitexVectors.request("ttheader-meta-timeouts")).header();
        assertThat(h.getInt(TTHeaderKeys.RPC_TIMEOUT)).isEqualTo("1500");
        assertThat(h.getInt(TTHeaderKeys.CONNECT_TIMEOUT)).isEqualTo("500");
        assertThat(h.intInfo()).containsOnlyKeys(1, 3, 6, 9, 12, 17, 20, 22);
    }

    @Test
    void defaultsCaseSendsEmptyFromServiceAndFromMethod() {
        TTHeader h = only(KitexVectors.request("ttheader-meta-defaults")).header();
        assertThat(h.getInt(TTHeaderKeys.FROM_SERVICE)).isEmpty();
        assertThat(h.getInt(TTHeaderKeys.FROM_METHOD)).isEmpty();
    }

    @Test
    void unknownMethodResponseAsksForConnectionReset() {
        TTHeader h = only(KitexVectors.response("ttheader-unknownmethod")).header();
        assertThat(h.strInfo()).containsExactly(entry("crrst", "1"));
        assertThat(h.intInfo()).containsExactly(entry(22, "3"));
    }

    @Test
    void bizErrorResponseCarriesBizKeys() {
        TTHeader h = only(KitexVectors.response("ttheader-bizerror")).header();
        assertThat(h.strInfo()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "biz-status", "404", "biz-message", "not found", "biz-extra", "{\"k\":\"v\"}"));
        assertThat(h.intInfo()).containsExactly(entry(22, "2"));
    }

    @Test
    void nometaBizErrorUsesTheMinimalHeaderBothWays() {
        for (byte[] stream : List.of(KitexVectors.request("ttheader-nometa-bizerror"),
                KitexVectors.response("ttheader-nometa-bizerror"))) {
            Frames.Decoded d = only(stream);
            assertThat(d.headerSize()).isEqualTo(1);
            assertThat(d.header().strInfoOrNull()).isNull();
            assertThat(d.header().intInfoOrNull()).isNull();
            assertThat(range(stream, 12, 18)).isEqualTo(hex("00 01 00 00 00 00"));
        }
    }

    @Test
    void pureTTHeaderSaysUnframedAndHasNoInnerLength() {
        Frames.Decoded d = only(KitexVectors.request("ttheader-unframed"));
        assertThat(d.header().getInt(TTHeaderKeys.TRANSPORT_TYPE)).isEqualTo("unframed");
        assertThat(range(d.payload(), 0, 4)).isEqualTo(hex("80 01 00 01"));
    }

    @Test
    void pbNometaRequestIsV10() {
        assertThat(KitexVectors.request("pb-ttheader-nometa")).isEqualTo(KitexVectors.sec8("v10"));
        Frames.Decoded d = only(KitexVectors.request("pb-ttheader"));
        assertThat(d.header().protocolId()).isZero(); // Kitex writes 0x00 even for Kitex Protobuf
        assertThat(d.header().getInt(TTHeaderKeys.TO_METHOD)).isEqualTo("Echo");
    }

    @Test
    void ttstreamFramesAreStreamingThriftStructFrames() {
        int frames = 0;
        for (String name : KitexVectors.caseNames()) {
            if (!name.startsWith("ttstream-")) {
                continue;
            }
            for (byte[] stream : List.of(KitexVectors.request(name), KitexVectors.response(name))) {
                for (byte[] frame : split(stream)) {
                    TTHeader h = decode(frame).header();
                    assertThat(h.flags()).as(name).isEqualTo(TTHeaderKeys.FLAG_STREAMING);
                    assertThat(h.protocolId()).as(name).isEqualTo(TTHeaderKeys.PROTOCOL_THRIFT_STRUCT);
                    assertThat(h.seqId()).as(name).isEqualTo(1);
                    assertThat(h.intInfo()).as(name).containsOnlyKeys(TTHeaderKeys.FRAME_TYPE, TTHeaderKeys.TO_METHOD);
                    ByteBuf buf = Frames.direct(frame);
                    try {
                        assertThat(TTHeaderCodec.isStreaming(buf, 0)).isTrue();
                    } finally {
                        buf.release();
                    }
                    frames++;
                }
            }
        }
        assertThat(frames).isGreaterThan(10);
    }

    @Test
    void serverStreamingCaptureHasHeaderDataTrailerFrames() {
        List<String> types = new ArrayList<>();
        for (byte[] f : split(KitexVectors.request("ttstream-server-streaming"))) {
            types.add(decode(f).header().getInt(TTHeaderKeys.FRAME_TYPE));
        }
        assertThat(types).containsExactly("2", "3", "4");
        types.clear();
        List<byte[]> resp = split(KitexVectors.response("ttstream-server-streaming"));
        for (byte[] f : resp) {
            types.add(decode(f).header().getInt(TTHeaderKeys.FRAME_TYPE));
        }
        assertThat(types).containsExactly("2", "3", "3", "4");
        assertThat(decode(resp.get(0)).header().strInfo()).containsExactly(entry("srv-hdr", "h1"));
        assertThat(decode(resp.get(3)).header().strInfo()).containsExactly(entry("srv-trl", "t1"));
    }

    // ---- §8 vectors -------------------------------------------------------------------------

    @Test
    void sheetPayloadConstantsMatchTheVectorFiles() {
        assertThat(V1).isEqualTo(KitexVectors.sec8("v1")).hasSize(50);
        assertThat(MOCK_REQ).isEqualTo(KitexVectors.sec8("mockreqthrift")).hasSize(30);
        assertThat(V8).isEqualTo(KitexVectors.sec8("v8"));
    }

    static Stream<Arguments> sec8Vectors() {
        byte[] v6Reply = hex("80 01 00 02 00 00 00 04 6d 6f 63 6b 00 00 00 01 00");
        return Stream.of(
                Arguments.of("v3", new TTHeader(0, 1, 0), V1),
                Arguments.of("v3b", new TTHeader(0, 1, 0), concat(hex("00 00 00 32"), V1)),
                Arguments.of("v4", new TTHeader(0, 1, 0)
                        .putStr("RPC_TRANSIT_k", "v")
                        .putInt(3, "client.svc").putInt(9, "mock"), V1),
                Arguments.of("v5", new TTHeader(0, 7, 0)
                        .putStr("RPC_TRANSIT_gdpr-token", "tok").putStr("isn", "Svc"), new byte[0]),
                Arguments.of("v6", new TTHeader(0, 1, 0)
                        .putStr("biz-status", "404").putStr("biz-message", "not found")
                        .putInt(22, "2"), v6Reply),
                Arguments.of("v10", new TTHeader(0, 1, 0), V8),
                Arguments.of("v11", new TTHeader(2, 1, 0x10)
                        .putStr("isn", "Svc").putInt(27, "2").putInt(9, "Echo"), new byte[0]),
                Arguments.of("v12", new TTHeader(2, 1, 0x10).putInt(27, "3").putInt(9, "Echo"), MOCK_REQ),
                Arguments.of("v13", new TTHeader(2, 1, 0x10).putInt(27, "4").putInt(9, "Echo"), new byte[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sec8Vectors")
    void encodesSection8VectorsExactly(String id, TTHeader header, byte[] payload) {
        byte[] expected = KitexVectors.sec8(id);
        assertThat(toHex(encode(header, payload))).isEqualTo(toHex(expected));

        Frames.Decoded d = decode(expected);
        assertThat(d.header()).isEqualTo(header);
        assertThat(d.payload()).isEqualTo(payload);
    }

    @Test
    void aclTokenGoesFirstAndIsLeftOutOfTheStringBlock() {
        // V5 with the map filled in the other order still writes 0x11 first
        TTHeader h = new TTHeader(0, 7, 0).putStr("isn", "Svc").setAclToken("tok");
        assertThat(encode(h, new byte[0])).isEqualTo(KitexVectors.sec8("v5"));
        // ACL alone: no 0x01 block
        TTHeader only = new TTHeader().setAclToken("tok");
        byte[] frame = encode(only, new byte[0]);
        assertThat(range(frame, 14, frame.length)).isEqualTo(hex("00 00 11 00 03 74 6f 6b"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(TTHeaderKeys.ACL_TOKEN_KEY, "tok");
        assertThat(decode(frame).header().strInfo()).isEqualTo(expected);
    }
}
