package io.kitex4j.remote.internal.ttheader;

import static io.kitex4j.remote.internal.ttheader.Frames.decode;
import static io.kitex4j.remote.internal.ttheader.Frames.direct;
import static io.kitex4j.remote.internal.ttheader.Frames.encode;
import static io.kitex4j.remote.internal.ttheader.KitexVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.kitex4j.remote.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Encoding rules, detection helpers and malformed-input handling of {@link TTHeaderCodec}. */
class TTHeaderCodecTest {

    private static final byte[] METAINFO_REQ = KitexVectors.request("ttheader-meta-metainfo");

    private static ProtocolException decodeFails(byte[] bytes) {
        ByteBuf buf = direct(bytes);
        try {
            int reader = buf.readerIndex();
            Throwable t = null;
            try {
                TTHeaderCodec.decode(buf, new TTHeader());
            } catch (Throwable e) {
                t = e;
            }
            assertThat(t).as("decode must fail").isInstanceOf(ProtocolException.class);
            assertThat(buf.readerIndex()).isEqualTo(reader);
            return (ProtocolException) t;
        } finally {
            buf.release();
        }
    }

    private static byte[] withU16(byte[] frame, int offset, int value) {
        byte[] b = frame.clone();
        b[offset] = (byte) (value >>> 8);
        b[offset + 1] = (byte) value;
        return b;
    }

    private static byte[] withLength(byte[] frame) {
        byte[] b = frame.clone();
        int len = b.length - 4;
        b[0] = (byte) (len >>> 24);
        b[1] = (byte) (len >>> 16);
        b[2] = (byte) (len >>> 8);
        b[3] = (byte) len;
        return b;
    }

    // ---- detection ------------------------------------------------------------------------

    @Test
    void detectsTTHeaderAndStreamingOnlyWithEightBytes() {
        ByteBuf buf = direct(hex("ff ff 00 00 00 1e 10 00 00 02 00 00"));
        try {
            assertThat(TTHeaderCodec.isTTHeader(buf, 2)).isTrue();
            assertThat(TTHeaderCodec.isStreaming(buf, 2)).isTrue();
            assertThat(TTHeaderCodec.isTTHeader(buf, 0)).isFalse();
            assertThat(TTHeaderCodec.isTTHeader(buf, 5)).isFalse(); // only 7 bytes left
            assertThat(TTHeaderCodec.frameLength(buf, 2)).isEqualTo(0x1e + 4);
            assertThat(TTHeaderCodec.frameLength(buf, 8)).isEqualTo(0x0002_0000 + 4);
            assertThat(TTHeaderCodec.frameLength(buf, 9)).isEqualTo(-1);
            buf.setByte(9, 0x00); // flags 0x0000
            assertThat(TTHeaderCodec.isTTHeader(buf, 2)).isTrue();
            assertThat(TTHeaderCodec.isStreaming(buf, 2)).isFalse();
            buf.setByte(9, 0x01); // flags 0x0001: not streaming
            assertThat(TTHeaderCodec.isStreaming(buf, 2)).isFalse();
        } finally {
            buf.release();
        }
    }

    @Test
    void doesNotMistakeOtherTransportsForTTHeader() {
        for (String id : List.of("v1", "v2", "v8", "v14")) {
            ByteBuf buf = direct(KitexVectors.sec8(id));
            try {
                assertThat(TTHeaderCodec.isTTHeader(buf, 0)).as(id).isFalse();
            } finally {
                buf.release();
            }
        }
        ByteBuf preface = Unpooled.copiedBuffer("PRI * HTTP/2.0", java.nio.charset.StandardCharsets.US_ASCII);
        try {
            assertThat(TTHeaderCodec.isTTHeader(preface, 0)).isFalse();
        } finally {
            preface.release();
        }
    }

    @Test
    void rejectsLengthWithTheTopBitSet() {
        ByteBuf buf = direct(hex("80 00 00 00 10 00 00 00"));
        try {
            assertThatThrownBy(() -> TTHeaderCodec.frameLength(buf, 0)).isInstanceOf(ProtocolException.class);
            assertThatThrownBy(() -> TTHeaderCodec.decode(buf, new TTHeader()))
                    .isInstanceOf(ProtocolException.class).hasMessageContaining("truncated");
        } finally {
            buf.release();
        }
    }

    // ---- encoding -------------------------------------------------------------------------

    @Test
    void writesMinimalHeaderWhenMapsAreEmptyOrMissing() {
        byte[] expected = hex("00 00 00 10 10 00 00 00 00 00 00 05 00 01 00 00 00 00 ab cd");
        assertThat(encode(new TTHeader(0, 5, 0), hex("ab cd"))).isEqualTo(expected);
        TTHeader emptied = new TTHeader(0, 5, 0).putStr("a", "b").putInt(1, "x");
        emptied.strInfo().clear();
        emptied.intInfo().clear();
        assertThat(encode(emptied, hex("ab cd"))).isEqualTo(expected);
    }

    @Test
    void writesFrameAfterExistingBytesAndPatchesItsOwnLength() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.heapBuffer();
        try {
            out.writeBytes(hex("de ad be ef"));
            int start = TTHeaderCodec.writeHeader(out, new TTHeader(0, 1, 0));
            assertThat(start).isEqualTo(4);
            out.writeBytes(KitexVectors.sec8("v1"));
            TTHeaderCodec.finishFrame(out, start);
            out.skipBytes(4);
            byte[] frame = new byte[out.readableBytes()];
            out.readBytes(frame);
            assertThat(frame).isEqualTo(KitexVectors.sec8("v3"));
        } finally {
            out.release();
        }
    }

    @Test
    void encodesUtf8StringsWithByteLengths() {
        TTHeader h = new TTHeader().putStr("k\u00e9", "\u4e2d\u6587").putInt(TTHeaderKeys.TO_METHOD, "\ud83d\ude00");
        byte[] frame = encode(h, new byte[0]);
        assertThat(KitexVectors.toHex(frame)).contains("00 03 6b c3 a9 00 06 e4 b8 ad e6 96 87")
                .contains("00 09 00 04 f0 9f 98 80");
        assertThat(decode(frame).header()).isEqualTo(h);
    }

    @Test
    void acceptsStringsOfExactly65535BytesAndRejectsLongerOnesNamingTheKey() {
        String max = "x".repeat(65535);
        TTHeader ok = new TTHeader().putStr("big", max);
        assertThat(decode(encode(ok, new byte[0])).header().getStr("big")).isEqualTo(max);

        assertRejected(new TTHeader().putStr("big", max + "y"), "'big'");
        assertRejected(new TTHeader().putStr("k" + max, "v"), "key of key 'kxxx");
        assertRejected(new TTHeader().putStr("big", "\u00e9".repeat(32768)), "'big'"); // 65536 UTF-8 bytes
        assertRejected(new TTHeader().putInt(9, max + "y"), "'9'");
        assertRejected(new TTHeader().setAclToken(max + "y"), "'RPC_TRANSIT_gdpr-token'");
    }

    @Test
    void rejectsHeaderInfoOverTheLimit() {
        TTHeader h = new TTHeader();
        String v = "v".repeat(60000);
        for (int i = 0; i < 5; i++) {
            h.putStr("k" + i, v);
        }
        assertRejected(h, "exceeds the limit of 262140");

        // exactly 262140 is allowed: 2 + 3 + 4 * (2 + 1 + 2 + 65000) + (2 + 1 + 2 + n)
        TTHeader edge = new TTHeader();
        String w = "w".repeat(65000);
        for (int i = 0; i < 4; i++) {
            edge.putStr(String.valueOf(i), w);
        }
        edge.putStr("e", "z".repeat(262140 - 5 - 4 * (5 + 65000) - 5));
        byte[] frame = encode(edge, new byte[0]);
        assertThat(frame).hasSize(14 + 262140);
        assertThat(decode(frame).headerSize()).isEqualTo(65535);
        edge.putStr("f", "");
        assertRejected(edge, "exceeds the limit");
    }

    @Test
    void rejectsIntKeysOutsideU16AndNullEntries() {
        assertRejected(new TTHeader().putInt(65536, "x"), "65536");
        assertRejected(new TTHeader().putInt(-1, "x"), "-1");
        assertRejected(new TTHeader().putStr("k", null), "'k'");
        assertRejected(new TTHeader().putInt(3, null), "'3'");
        assertThat(decode(encode(new TTHeader().putInt(65535, "x"), new byte[0])).header().getInt(65535))
                .isEqualTo("x");
    }

    private static void assertRejected(TTHeader h, String messagePart) {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            out.writeBytes(hex("01 02 03"));
            assertThatThrownBy(() -> TTHeaderCodec.writeHeader(out, h))
                    .isInstanceOf(ProtocolException.class).hasMessageContaining(messagePart);
            assertThat(out.writerIndex()).as("output rolled back").isEqualTo(3);
        } finally {
            out.release();
        }
    }

    @Test
    void headerIsReusableAfterClear() {
        TTHeader h = new TTHeader(2, 9, 0x10).putStr("a", "b").putInt(27, "3");
        h.clear();
        assertThat(h).isEqualTo(new TTHeader());
        assertThat(h.strInfoOrNull()).isEmpty();

        ByteBuf buf = direct(KitexVectors.sec8("v11"));
        try {
            TTHeader into = new TTHeader().putStr("stale", "x").putInt(1, "stale");
            assertThat(TTHeaderCodec.decode(buf, into)).isSameAs(into);
            assertThat(into.strInfo()).containsExactly(entry("isn", "Svc"));
            assertThat(into.intInfo()).containsExactly(entry(27, "2"), entry(9, "Echo"));
            assertThat(into.flags()).isEqualTo(2);
        } finally {
            buf.release();
        }
    }

    @Test
    void setterRangeChecks() {
        assertThatThrownBy(() -> new TTHeader().setFlags(0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TTHeader().setProtocolId(0x100)).isInstanceOf(IllegalArgumentException.class);
        assertThat(encode(new TTHeader(0xFFFF, -1, 0xFF), new byte[0]))
                .startsWith(hex("00 00 00 0e 10 00 ff ff ff ff ff ff 00 01 ff 00"));
    }

    // ---- decoding: tolerant cases ----------------------------------------------------------

    @Test
    void decodesBlocksInAnyOrderWithPaddingBetweenThemAndSkipsTransforms() {
        // int block first, padding, ACL, padding, string block, 2 transform ids (0x01, 0x03)
        byte[] info = hex("00 02 01 03"
                + " 10 00 01 00 09 00 01 6d"
                + " 00 00"
                + " 11 00 02 74 6b"
                + " 00"
                + " 01 00 01 00 01 6b 00 01 76"
                + " 00 00 00");
        assertThat(info.length % 4).isZero();
        byte[] frame = Frames.concat(hex("00 00 00 00 10 00 00 00 00 00 00 03"),
                new byte[] {0, (byte) (info.length / 4)}, info, hex("aa"));
        frame = withLength(frame);
        Frames.Decoded d = decode(frame);
        assertThat(d.header().intInfo()).containsExactly(entry(9, "m"));
        assertThat(d.header().strInfo()).containsExactly(entry(TTHeaderKeys.ACL_TOKEN_KEY, "tk"), entry("k", "v"));
        assertThat(d.payload()).isEqualTo(hex("aa"));
        assertThat(d.header().seqId()).isEqualTo(3);
    }

    @Test
    void laterDuplicateKeysWin() {
        byte[] frame = withLength(hex("00 00 00 00 10 00 00 00 00 00 00 01 00 04 00 00"
                + " 10 00 02 00 09 00 01 61 00 09 00 01 62 00"));
        assertThat(decode(frame).header().intInfo()).containsExactly(entry(9, "b"));
    }

    @Test
    void acceptsEveryProtocolIdKitexAcceptsPlusCompactAndRejectsTheRest() {
        byte[] base = KitexVectors.sec8("v3");
        for (int id = 0; id < 256; id++) {
            byte[] f = base.clone();
            f[14] = (byte) id;
            // 0x02 (compact) is our addition: Kitex4j writes it for compact Thrift over TTHeader.
            if (id == 0x00 || id == 0x02 || id == 0x03 || id == 0x04 || id == 0x10 || id == 0x11) {
                assertThat(decode(f).header().protocolId()).isEqualTo(id);
            } else {
                assertThat(decodeFails(f)).hasMessageContaining("unsupported protocol id 0x"
                        + String.format("%02x", id));
            }
        }
    }

    // ---- decoding: malformed input ---------------------------------------------------------

    @Test
    void rejectsEveryTruncationOfARealFrame() {
        for (int n = 0; n < METAINFO_REQ.length; n++) {
            byte[] prefix = Frames.range(METAINFO_REQ, 0, n);
            ProtocolException e = decodeFails(prefix);
            assertThat(e).as("prefix %d", n).hasMessageContaining("truncated");
        }
    }

    @Test
    void rejectsOrAcceptsEveryShortenedFrameWhoseLengthWasPatchedToMatch() {
        // 14 fixed + 144 header info: anything shorter cuts the header, anything longer only the payload
        int headerEnd = 14 + 0x24 * 4;
        for (int n = 4; n <= METAINFO_REQ.length; n++) {
            byte[] f = withLength(Frames.range(METAINFO_REQ, 0, n));
            if (n < headerEnd) {
                assertThat(decodeFails(f)).as("length %d", n).isNotNull();
            } else {
                Frames.Decoded d = decode(f);
                assertThat(d.header().strInfo()).hasSize(3);
                assertThat(d.payload()).hasSize(n - headerEnd);
            }
        }
    }

    @Test
    void rejectsLengthShorterThanTheFixedHeader() {
        assertThat(decodeFails(hex("00 00 00 09 10 00 00 00 00 00 00 01 00"))).hasMessageContaining("shorter");
    }

    @Test
    void rejectsBadMagic() {
        byte[] f = KitexVectors.sec8("v3").clone();
        f[4] = 0x11;
        assertThat(decodeFails(f)).hasMessageContaining("magic 0x1100");
        assertThat(decodeFails(hex("00 00 00 0a 80 01 00 01 00 00 00 04 6d 6f"))).hasMessageContaining("magic 0x8001");
    }

    @Test
    void rejectsHeaderSizeZeroOrPastTheFrame() {
        byte[] v3 = KitexVectors.sec8("v3");
        assertThat(decodeFails(withU16(v3, 12, 0))).hasMessageContaining("HEADER SIZE 0");
        // 68-byte frame: 54 bytes after the fixed header, so HEADER SIZE 14 (56 bytes) is too big
        assertThat(decodeFails(withU16(v3, 12, 14))).hasMessageContaining("HEADER SIZE 14")
                .hasMessageContaining("runs past the frame end");
        assertThat(decodeFails(withU16(v3, 12, 0xFFFF))).hasMessageContaining("HEADER SIZE 65535");
    }

    @Test
    void rejectsTransformCountPastTheHeaderInfo() {
        byte[] f = KitexVectors.sec8("v3").clone();
        f[15] = 3; // header info is 4 bytes: id, count, then only 2 bytes
        assertThat(decodeFails(f)).hasMessageContaining("3 transform ids");
        f[15] = 2;
        assertThat(decode(f).header().strInfoOrNull()).isNull();
    }

    @Test
    void rejectsStringLengthPastTheHeaderInfo() {
        // V11: "isn" key length at offset 19; header info ends at 14 + 32 = 46
        byte[] v11 = KitexVectors.sec8("v11");
        assertThat(decodeFails(withU16(v11, 19, 0x40)))
                .hasMessageContaining("string info key #0").hasMessageContaining("length 64");
        assertThat(decodeFails(withU16(v11, 24, 0x20)))
                .hasMessageContaining("string info value #0 of key 'isn'").hasMessageContaining("length 32");
        // int value length of key 27 at offset 34
        assertThat(decodeFails(withU16(v11, 34, 0x100))).hasMessageContaining("int info value #0 of key '27'");
        // ACL token length past the end (V5, offset 17)
        assertThat(decodeFails(withU16(KitexVectors.sec8("v5"), 17, 0x30))).hasMessageContaining("ACL token");
        // the count claims more entries than the header holds
        assertThat(decodeFails(withU16(v11, 30, 5))).hasMessageContaining("int info");
        assertThat(decodeFails(withU16(v11, 17, 2))).hasMessageContaining("string info");
    }

    @Test
    void rejectsBlockHeadersCutByTheHeaderEnd() {
        // info id 0x01 as the last header byte: its u16 count is missing
        byte[] f = withLength(hex("00 00 00 00 10 00 00 00 00 00 00 01 00 01 00 00 00 01"));
        assertThat(decodeFails(f)).hasMessageContaining("string info count");
        f = withLength(hex("00 00 00 00 10 00 00 00 00 00 00 01 00 01 00 00 10 00"));
        assertThat(decodeFails(f)).hasMessageContaining("int info count");
        f = withLength(hex("00 00 00 00 10 00 00 00 00 00 00 01 00 02 00 00 10 00 01 00 09 00"));
        assertThat(decodeFails(f)).hasMessageContaining("int info value length");
    }

    @Test
    void rejectsUnknownInfoIdNamingIt() {
        byte[] f = KitexVectors.sec8("v3").clone();
        f[16] = 0x02;
        assertThat(decodeFails(f)).hasMessageContaining("unknown info id 0x02").hasMessageContaining("offset 16");
        f[16] = (byte) 0xff;
        assertThat(decodeFails(f)).hasMessageContaining("unknown info id 0xff");
    }

    @Test
    void randomBytesOnlyEverDecodeOrThrowProtocolException() {
        Random rnd = new Random(0x5EED_7711L);
        List<byte[]> seeds = new ArrayList<>();
        for (String name : List.of("ttheader-meta-metainfo", "ttheader-acl-token", "ttstream-bidi", "ttheader-bizerror")) {
            seeds.addAll(Frames.split(KitexVectors.request(name)));
            seeds.addAll(Frames.split(KitexVectors.response(name)));
        }
        for (String id : List.of("v3", "v4", "v5", "v6", "v11", "v12", "v13")) {
            seeds.add(KitexVectors.sec8(id));
        }
        int decoded = 0;
        int rejected = 0;
        TTHeader reused = new TTHeader();
        for (int iter = 0; iter < 20_000; iter++) {
            byte[] input;
            switch (iter % 4) {
                case 0: { // pure noise, sometimes with the magic in place
                    input = new byte[rnd.nextInt(64)];
                    rnd.nextBytes(input);
                    if (input.length >= 8 && rnd.nextBoolean()) {
                        input[4] = 0x10;
                        input[5] = 0;
                    }
                    if (rnd.nextBoolean()) {
                        input = withLength(input.length >= 4 ? input : new byte[4]);
                    }
                    break;
                }
                case 1: { // a real frame with a few bytes changed
                    input = seeds.get(rnd.nextInt(seeds.size())).clone();
                    int flips = 1 + rnd.nextInt(4);
                    for (int i = 0; i < flips; i++) {
                        input[rnd.nextInt(input.length)] = (byte) rnd.nextInt(256);
                    }
                    break;
                }
                case 2: { // a real frame with the header info region changed, LENGTH kept consistent
                    input = seeds.get(rnd.nextInt(seeds.size())).clone();
                    int flips = 1 + rnd.nextInt(3);
                    for (int i = 0; i < flips && input.length > 16; i++) {
                        input[16 + rnd.nextInt(input.length - 16)] = (byte) rnd.nextInt(256);
                    }
                    break;
                }
                default: { // a real frame cut or extended, LENGTH patched or not
                    byte[] s = seeds.get(rnd.nextInt(seeds.size()));
                    int n = rnd.nextInt(s.length + 8);
                    input = java.util.Arrays.copyOf(s, n);
                    if (n >= 4 && rnd.nextBoolean()) {
                        input = withLength(input);
                    }
                    break;
                }
            }
            ByteBuf buf = rnd.nextBoolean() ? direct(input) : Unpooled.wrappedBuffer(input);
            try {
                TTHeader h;
                try {
                    h = TTHeaderCodec.decode(buf, reused);
                } catch (ProtocolException e) {
                    rejected++;
                    assertThat(buf.readerIndex()).isZero();
                    continue;
                }
                decoded++;
                int frameLen = TTHeaderCodec.frameLength(buf, 0);
                assertThat(buf.readerIndex()).isBetween(16, frameLen);
                // whatever decoded re-encodes to a frame that decodes to the same header
                byte[] payload = new byte[frameLen - buf.readerIndex()];
                buf.getBytes(buf.readerIndex(), payload);
                Frames.Decoded again = decode(encode(h, payload));
                assertThat(again.header()).isEqualTo(h);
                assertThat(again.payload()).isEqualTo(payload);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("iteration " + iter + " input " + KitexVectors.toHex(input), e);
            } finally {
                buf.release();
            }
        }
        assertThat(decoded).isGreaterThan(1000);
        assertThat(rejected).isGreaterThan(1000);
    }
}
