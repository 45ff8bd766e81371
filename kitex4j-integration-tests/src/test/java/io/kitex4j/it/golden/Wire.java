package io.kitex4j.it.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.remote.internal.ttheader.TTHeader;
import io.kitex4j.remote.internal.ttheader.TTHeaderCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Byte-level helpers for whole frames as they travel on a connection (Buffered, Framed, TTHeader
 * and TTHeader|Framed, strict-binary Thrift inside): framing detection, reading one frame from a
 * socket, locating and rewriting the sequence ids, and the semantic TTHeader comparison.
 */
final class Wire {
    private Wire() {}

    static boolean isTTHeader(byte[] frame) {
        return frame.length >= 8 && frame[4] == 0x10 && frame[5] == 0x00;
    }

    static boolean isStrictBinary(byte[] b, int offset) {
        return b.length >= offset + 2 && (b[offset] & 0xFF) == 0x80 && b[offset + 1] == 0x01;
    }

    /** Buffered: the message starts at 0 and carries no length; its end is found by parsing it. */
    static boolean isBuffered(byte[] frame) {
        return !isTTHeader(frame) && isStrictBinary(frame, 0);
    }

    static int u16(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
    }

    static int i32(byte[] b, int offset) {
        return ByteBuffer.wrap(b, offset, 4).getInt();
    }

    static void putI32(byte[] b, int offset, int v) {
        ByteBuffer.wrap(b, offset, 4).putInt(v);
    }

    /** Offset of the TTHeader payload (right after the header info and padding). */
    static int ttheaderPayloadOffset(byte[] frame) {
        return 14 + 4 * u16(frame, 12);
    }

    /** Offset of the strict-binary Thrift message (its VERSION|TYPE word) in a whole frame. */
    static int messageOffset(byte[] frame) {
        if (isTTHeader(frame)) {
            int p = ttheaderPayloadOffset(frame);
            return isStrictBinary(frame, p) ? p : p + 4;
        }
        return isStrictBinary(frame, 0) ? 0 : 4;
    }

    /** Offset of the Thrift message's SEQ ID field. */
    static int thriftSeqOffset(byte[] frame) {
        int m = messageOffset(frame);
        return m + 8 + i32(frame, m + 4);
    }

    static int thriftSeqId(byte[] frame) {
        return i32(frame, thriftSeqOffset(frame));
    }

    static String methodName(byte[] frame) {
        int m = messageOffset(frame);
        return new String(frame, m + 8, i32(frame, m + 4), java.nio.charset.StandardCharsets.UTF_8);
    }

    static int messageType(byte[] frame) {
        return frame[messageOffset(frame) + 3];
    }

    /**
     * A copy of {@code frame} with every sequence id set to {@code seq}: the TTHeader SEQ ID (offset 8)
     * if there is a TTHeader, and the Thrift message's SEQ ID.
     */
    static byte[] withSeqId(byte[] frame, int seq) {
        byte[] b = frame.clone();
        if (isTTHeader(b)) {
            putI32(b, 8, seq);
        }
        putI32(b, thriftSeqOffset(b), seq);
        return b;
    }

    /**
     * Reads one frame from {@code in}: LENGTH-prefixed for Framed and TTHeader; for Buffered
     * (whose end only a parser finds) exactly {@code bufferedLength} bytes.
     */
    static byte[] readFrame(InputStream in, boolean buffered, int bufferedLength) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (buffered) {
            byte[] b = new byte[bufferedLength];
            d.readFully(b);
            return b;
        }
        int len = d.readInt();
        if (len < 0 || len > 16 << 20) {
            throw new IOException("implausible frame length " + Integer.toUnsignedString(len));
        }
        byte[] b = new byte[4 + len];
        putI32(b, 0, len);
        d.readFully(b, 4, len);
        return b;
    }

    /** What the peer does next, observed for {@code millis}. */
    enum Next { SILENT, CLOSED, MORE_BYTES }

    /** Waits up to {@code millis} for one more byte or EOF; the bytes seen are appended to {@code extra}. */
    static Next next(Socket s, int millis, ByteArrayOutputStream extra) throws IOException {
        int saved = s.getSoTimeout();
        s.setSoTimeout(millis);
        try {
            int b = s.getInputStream().read();
            if (b < 0) {
                return Next.CLOSED;
            }
            extra.write(b);
            return Next.MORE_BYTES;
        } catch (SocketTimeoutException e) {
            return Next.SILENT;
        } catch (java.net.SocketException e) {
            return Next.CLOSED; // reset after the peer's close
        } finally {
            if (!s.isClosed()) {
                s.setSoTimeout(saved);
            }
        }
    }

    /** A decoded TTHeader frame: the header, the payload bytes and the raw header info. */
    record Decoded(TTHeader header, byte[] payload, byte[] headerInfo) {}

    static Decoded decode(byte[] frame) {
        ByteBuf buf = Unpooled.wrappedBuffer(frame);
        try {
            TTHeader h = TTHeaderCodec.decode(buf, new TTHeader());
            byte[] payload = new byte[buf.readableBytes()];
            buf.readBytes(payload);
            return new Decoded(h, payload, Arrays.copyOfRange(frame, 14, ttheaderPayloadOffset(frame)));
        } finally {
            buf.release();
        }
    }

    /** Re-encodes a TTHeader frame after {@code edit} changed its header (the payload is kept). */
    static byte[] reencode(byte[] frame, Consumer<TTHeader> edit) {
        Decoded d = decode(frame);
        edit.accept(d.header());
        ByteBuf out = Unpooled.buffer();
        try {
            int start = TTHeaderCodec.writeHeader(out, d.header());
            out.writeBytes(d.payload());
            TTHeaderCodec.finishFrame(out, start);
            byte[] b = new byte[out.readableBytes()];
            out.readBytes(b);
            return b;
        } finally {
            out.release();
        }
    }

    static Map<Integer, String> ints(TTHeader h) {
        return h.intInfoOrNull() == null ? new HashMap<>() : new HashMap<>(h.intInfoOrNull());
    }

    static Map<String, String> strs(TTHeader h) {
        return h.strInfoOrNull() == null ? new HashMap<>() : new HashMap<>(h.strInfoOrNull());
    }

    /**
     * Asserts that two TTHeader frames carry the same FLAGS, SEQ ID, PROTOCOL ID, int and string
     * keys (entry order ignored) and byte-identical payloads. {@code adjustExpected} edits the
     * expected key maps first, to apply the differences a test documents.
     */
    static void assertSameTTHeader(byte[] actual, byte[] expected, Consumer<Keys> adjustExpected) {
        assertThat(isTTHeader(actual)).as("actual is a TTHeader frame: %s", hex(actual)).isTrue();
        assertThat(isTTHeader(expected)).as("expected is a TTHeader frame").isTrue();
        Decoded a = decode(actual);
        Decoded e = decode(expected);
        Keys want = new Keys(ints(e.header()), strs(e.header()));
        adjustExpected.accept(want);
        assertThat(a.header().flags()).as("FLAGS").isEqualTo(e.header().flags());
        assertThat(a.header().seqId()).as("TTHeader SEQ ID").isEqualTo(e.header().seqId());
        assertThat(a.header().protocolId()).as("PROTOCOL ID").isEqualTo(e.header().protocolId());
        assertThat(ints(a.header())).as("int keys").isEqualTo(want.ints);
        assertThat(strs(a.header())).as("string keys").isEqualTo(want.strs);
        assertThat(hex(a.payload())).as("payload").isEqualTo(hex(e.payload()));
        assertThat(i32(actual, 0)).as("LENGTH agrees with the bytes").isEqualTo(actual.length - 4);
    }

    static void assertSameTTHeader(byte[] actual, byte[] expected) {
        assertSameTTHeader(actual, expected, k -> { });
        // same keys → same encoded size, whatever the entry order
        assertThat(actual.length).as("frame size").isEqualTo(expected.length);
    }

    /** The key maps of an expected header, editable by a test. */
    static final class Keys {
        final Map<Integer, String> ints;
        final Map<String, String> strs;

        Keys(Map<Integer, String> ints, Map<String, String> strs) {
            this.ints = ints;
            this.strs = strs;
        }
    }

    static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").formatHex(b);
    }
}
