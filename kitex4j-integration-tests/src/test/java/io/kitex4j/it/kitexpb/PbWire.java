package io.kitex4j.it.kitexpb;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.kitex4j.remote.internal.ttheader.TTHeader;
import io.kitex4j.remote.internal.ttheader.TTHeaderCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Byte-level helpers for Kitex Protobuf frames as they travel on a connection (bare Framed and
 * TTHeader|Framed), independent of Kitex4j's payload codecs: the Kitex captures of
 * {@code testdata/kitex-vectors}, reading one frame from a socket, locating and rewriting sequence
 * ids, and decoding the message header and an {@code ErrorProto} body. (The golden package's
 * helpers do the same for Thrift; they are package-private there.)
 */
final class PbWire {
    private PbWire() {}

    static final int CALL = 1;
    static final int REPLY = 2;
    static final int EXCEPTION = 3;
    static final int ONEWAY = 4;

    // ------------------------------------------------------------------ Kitex captures

    /** The bytes of {@code testdata/kitex-vectors/FILE}. */
    static byte[] vector(String file) {
        Path p = testdata().resolve("kitex-vectors").resolve(file);
        try {
            return HexFormat.of().parseHex(Files.readString(p, StandardCharsets.US_ASCII).replaceAll("\\s+", ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kitex vector " + p, e);
        }
    }

    /** Every byte the Kitex client sent in capture {@code name}. */
    static byte[] request(String name) {
        return vector(name + ".req.hex");
    }

    /** Every byte the Kitex server sent in capture {@code name}. */
    static byte[] response(String name) {
        return vector(name + ".resp.hex");
    }

    private static Path testdata() {
        String prop = System.getProperty("kitex4j.testdata");
        if (prop != null && Files.isDirectory(Paths.get(prop, "kitex-vectors"))) {
            return Paths.get(prop);
        }
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("testdata/kitex-vectors"))) {
                return d.resolve("testdata");
            }
        }
        throw new IllegalStateException("testdata/kitex-vectors not found (set -Dkitex4j.testdata)");
    }

    // ------------------------------------------------------------------ frames

    static boolean isTTHeader(byte[] frame) {
        return frame.length >= 8 && frame[4] == 0x10 && frame[5] == 0x00;
    }

    static int i32(byte[] b, int offset) {
        return ByteBuffer.wrap(b, offset, 4).getInt();
    }

    static void putI32(byte[] b, int offset, int v) {
        ByteBuffer.wrap(b, offset, 4).putInt(v);
    }

    /** Offset of the TTHeader payload (after the header info and padding). */
    static int ttheaderPayloadOffset(byte[] frame) {
        return 14 + 4 * (((frame[12] & 0xFF) << 8) | (frame[13] & 0xFF));
    }

    /** Offset of the Kitex Protobuf message (its magic word): after the Framed length, inside TTHeader or not. */
    static int messageOffset(byte[] frame) {
        return isTTHeader(frame) ? ttheaderPayloadOffset(frame) + 4 : 4;
    }

    static int seqOffset(byte[] frame) {
        int m = messageOffset(frame);
        return m + 8 + i32(frame, m + 4);
    }

    static int seqId(byte[] frame) {
        return i32(frame, seqOffset(frame));
    }

    /** A copy of {@code frame} with the TTHeader SEQ ID (if any) and the message's seq id set to {@code seq}. */
    static byte[] withSeqId(byte[] frame, int seq) {
        byte[] b = frame.clone();
        if (isTTHeader(b)) {
            putI32(b, 8, seq);
        }
        putI32(b, seqOffset(b), seq);
        return b;
    }

    /** Reads one length-prefixed frame (Framed or TTHeader). */
    static byte[] readFrame(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int len = d.readInt();
        if (len < 0 || len > 16 << 20) {
            throw new IOException("implausible frame length " + Integer.toUnsignedString(len));
        }
        byte[] b = new byte[4 + len];
        putI32(b, 0, len);
        d.readFully(b, 4, len);
        return b;
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static byte[] framed(byte[] message) {
        return ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message).array();
    }

    /** A minimal TTHeader frame (no keys; HEADER SIZE 1) around {@code payload}. */
    static byte[] ttheader(int seq, byte[] payload) {
        return ByteBuffer.allocate(18 + payload.length)
                .putInt(14 + payload.length).putShort((short) 0x1000).putShort((short) 0).putInt(seq)
                .putShort((short) 1).put((byte) 0).put((byte) 0).putShort((short) 0)
                .put(payload).array();
    }

    /** A Kitex Protobuf message: {@code 0x9001|type}, name length, name, seq id, body. */
    static byte[] pbMessage(int type, String name, int seq, byte[] body) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(12 + n.length + body.length)
                .putInt(0x9001_0000 | type).putInt(n.length).put(n).putInt(seq).put(body).array();
    }

    /** {@code EchoRequest{message}} / {@code EchoResponse{message}}: field 1, a short string. */
    static byte[] echoBody(String message) {
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        if (m.length == 0) {
            return new byte[0];
        }
        if (m.length > 127) {
            throw new IllegalArgumentException("keep test messages short");
        }
        return ByteBuffer.allocate(2 + m.length).put((byte) 0x0a).put((byte) m.length).put(m).array();
    }

    // ------------------------------------------------------------------ decoding

    /** The message inside a whole frame. */
    record PbMessage(int magic, int type, String name, int seq, byte[] body) {}

    static PbMessage message(byte[] frame) {
        int m = messageOffset(frame);
        int word = i32(frame, m);
        int nameLen = i32(frame, m + 4);
        String name = new String(frame, m + 8, nameLen, StandardCharsets.UTF_8);
        int seq = i32(frame, m + 8 + nameLen);
        int framedLen = i32(frame, m - 4);
        byte[] body = Arrays.copyOfRange(frame, m + 12 + nameLen, m + framedLen);
        return new PbMessage(word >>> 16, word & 0xFFFF, name, seq, body);
    }

    record ErrorProto(int typeId, String message) {}

    /** Kitex's {@code ErrorProto{int32 TypeID = 1; string Message = 2;}}, read with protobuf-java's own reader. */
    static ErrorProto errorProto(byte[] body) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(body);
        int type = 0;
        String message = "";
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == (1 << 3 | WireFormat.WIRETYPE_VARINT)) {
                type = in.readInt32();
            } else if (tag == (2 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                message = in.readStringRequireUtf8();
            } else {
                in.skipField(tag);
            }
        }
        return new ErrorProto(type, message);
    }

    /** The TTHeader of a whole frame (header keys, seq id, protocol id). */
    static TTHeader header(byte[] frame) {
        ByteBuf buf = Unpooled.wrappedBuffer(frame);
        try {
            return TTHeaderCodec.decode(buf, new TTHeader());
        } finally {
            buf.release();
        }
    }

    static Map<Integer, String> ints(byte[] frame) {
        TTHeader h = header(frame);
        return h.intInfoOrNull() == null ? new HashMap<>() : new HashMap<>(h.intInfoOrNull());
    }

    static Map<String, String> strs(byte[] frame) {
        TTHeader h = header(frame);
        return h.strInfoOrNull() == null ? new HashMap<>() : new HashMap<>(h.strInfoOrNull());
    }

    /**
     * Asserts that two TTHeader|Framed frames carry the same FLAGS, SEQ ID, PROTOCOL ID, int and
     * string keys (entry order ignored), byte-identical payloads and the same size.
     */
    static void assertSameTTHeader(byte[] actual, byte[] expected) {
        assertThat(isTTHeader(actual)).as("actual is a TTHeader frame: %s", hex(actual)).isTrue();
        TTHeader a = header(actual);
        TTHeader e = header(expected);
        assertThat(a.flags()).as("FLAGS").isEqualTo(e.flags());
        assertThat(a.seqId()).as("TTHeader SEQ ID").isEqualTo(e.seqId());
        assertThat(a.protocolId()).as("PROTOCOL ID").isEqualTo(e.protocolId());
        assertThat(ints(actual)).as("int keys").isEqualTo(ints(expected));
        assertThat(strs(actual)).as("string keys").isEqualTo(strs(expected));
        assertThat(hex(Arrays.copyOfRange(actual, ttheaderPayloadOffset(actual), actual.length)))
                .as("payload (Framed length and Kitex Protobuf message)")
                .isEqualTo(hex(Arrays.copyOfRange(expected, ttheaderPayloadOffset(expected), expected.length)));
        assertThat(actual.length).as("frame size").isEqualTo(expected.length);
    }

    static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").formatHex(b);
    }
}
