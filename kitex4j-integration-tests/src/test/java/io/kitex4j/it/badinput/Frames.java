package io.kitex4j.it.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * Hand-built request bytes (independent of Kitex4j's own encoders) and the Kitex vectors from
 * {@code testdata/kitex-vectors}, plus a small reader for the exception replies the server sends.
 */
final class Frames {
    private Frames() {}

    static final int CALL = 1;
    static final int REPLY = 2;
    static final int EXCEPTION = 3;
    static final int ONEWAY = 4;

    // ------------------------------------------------------------------ Kitex vectors

    /** The bytes of {@code testdata/kitex-vectors/NAME}. */
    static byte[] vector(String name) {
        Path dir = testdata().resolve("kitex-vectors");
        try {
            String hex = Files.readString(dir.resolve(name)).replaceAll("\\s+", "");
            byte[] out = new byte[hex.length() / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kitex vector " + dir.resolve(name), e);
        }
    }

    private static Path testdata() {
        String p = System.getProperty("kitex4j.testdata");
        if (p != null && Files.isDirectory(Paths.get(p))) {
            return Paths.get(p);
        }
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("testdata/kitex-vectors"))) {
                return d.resolve("testdata");
            }
        }
        throw new IllegalStateException("testdata/kitex-vectors not found (set -Dkitex4j.testdata)");
    }

    // ------------------------------------------------------------------ Thrift binary

    /** A strict binary message header: version|type, name, seqid. */
    static byte[] binaryHeader(int type, String name, int seq) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(12 + n.length).putInt(0x8001_0000 | type).putInt(n.length).put(n).putInt(seq).array();
    }

    /** {@code echo} args: field 1 STRUCT EchoRequest {1: string message}. */
    static byte[] binaryEchoArgs(String message) {
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(3 + 3 + 4 + m.length + 2)
                .put((byte) 0x0C).putShort((short) 1)
                .put((byte) 0x0B).putShort((short) 1).putInt(m.length).put(m)
                .put((byte) 0).put((byte) 0).array();
    }

    static byte[] binaryEchoCall(String message, int seq) {
        return concat(binaryHeader(CALL, "echo", seq), binaryEchoArgs(message));
    }

    /** Args whose field 1 is {@code depth} nested LISTs (each of one element), innermost empty. */
    static byte[] binaryNestedListArgs(int depth) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(depth * 5 + 16);
        b.write(0x0F); // field 1: LIST
        b.write(0);
        b.write(1);
        for (int i = 0; i < depth - 1; i++) {
            b.write(0x0F); // element type LIST
            writeInt(b, 1);
        }
        b.write(0x08); // innermost: list<i32> of size 0
        writeInt(b, 0);
        b.write(0); // STOP of args
        return b.toByteArray();
    }

    /** Args whose EchoRequest holds {@code depth} nested structs in an unknown field 2. */
    static byte[] binaryNestedStructArgs(int depth) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(depth * 4 + 16);
        b.write(0x0C); // args field 1: EchoRequest
        b.write(0);
        b.write(1);
        for (int i = 0; i < depth; i++) {
            b.write(0x0C); // field 2: STRUCT
            b.write(0);
            b.write(2);
        }
        for (int i = 0; i < depth + 2; i++) {
            b.write(0); // STOPs
        }
        return b.toByteArray();
    }

    /** Args whose EchoRequest.message announces {@code length} bytes but carries {@code present}. */
    static byte[] binaryHugeStringArgs(int length, int present) {
        ByteBuffer bb = ByteBuffer.allocate(3 + 3 + 4 + present + 2)
                .put((byte) 0x0C).putShort((short) 1)
                .put((byte) 0x0B).putShort((short) 1).putInt(length);
        for (int i = 0; i < present; i++) {
            bb.put((byte) 'x');
        }
        return bb.put((byte) 0).put((byte) 0).array();
    }

    // ------------------------------------------------------------------ Thrift compact

    static byte[] compactHeader(int type, String name, int seq) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x82);
        b.write((type << 5) | 1);
        writeVarint(b, seq);
        writeVarint(b, n.length);
        b.writeBytes(n);
        return b.toByteArray();
    }

    static byte[] compactEchoArgs(String message) {
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x1C); // field 1 (delta 1) STRUCT
        b.write(0x18); // field 1 (delta 1) BINARY
        writeVarint(b, m.length);
        b.writeBytes(m);
        b.write(0);
        b.write(0);
        return b.toByteArray();
    }

    static byte[] compactEchoCall(String message, int seq) {
        return concat(compactHeader(CALL, "echo", seq), compactEchoArgs(message));
    }

    /** Compact args whose field 1 is {@code depth} nested one-element LISTs. */
    static byte[] compactNestedListArgs(int depth) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(depth + 16);
        b.write(0x19); // field 1 LIST
        for (int i = 0; i < depth - 1; i++) {
            b.write(0x19); // size 1, element type LIST
        }
        b.write(0x05); // innermost: list<i32> of size 0
        b.write(0);
        return b.toByteArray();
    }

    /** Compact args whose EchoRequest.message announces {@code length} bytes. */
    static byte[] compactHugeStringArgs(int length) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x1C);
        b.write(0x18);
        writeVarint(b, length);
        b.writeBytes("abc".getBytes(StandardCharsets.US_ASCII));
        b.write(0);
        b.write(0);
        return b.toByteArray();
    }

    // ------------------------------------------------------------------ framing

    static byte[] framed(byte[] message) {
        return ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message).array();
    }

    /** A pure TTHeader frame (HEADER SIZE 1: protocol id, no transforms, 2 bytes padding). */
    static byte[] ttheader(int protocolId, int flags, int seq, byte[] payload) {
        return ByteBuffer.allocate(18 + payload.length)
                .putInt(14 + payload.length).putShort((short) 0x1000).putShort((short) flags).putInt(seq)
                .putShort((short) 1).put((byte) protocolId).put((byte) 0).putShort((short) 0)
                .put(payload).array();
    }

    static byte[] ttheaderFramed(byte[] message) {
        return ttheader(0, 0, 1, framed(message));
    }

    // ------------------------------------------------------------------ helpers

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

    static byte[] prefix(byte[] b, int n) {
        return Arrays.copyOf(b, n);
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static String hex(byte[] b, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, max); i++) {
            sb.append(String.format("%02x", b[i] & 0xFF));
        }
        return b.length > max ? sb + "...(" + b.length + " bytes)" : sb.toString();
    }

    private static void writeInt(ByteArrayOutputStream b, int v) {
        b.write(v >>> 24);
        b.write(v >>> 16);
        b.write(v >>> 8);
        b.write(v);
    }

    private static void writeVarint(ByteArrayOutputStream b, int v) {
        while ((v & ~0x7F) != 0) {
            b.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b.write(v);
    }

    // ------------------------------------------------------------------ replies

    /** A decoded strict-binary message header plus, for EXCEPTION, the TApplicationException. */
    record Message(int type, String name, int seq, String exceptionMessage, int exceptionType, int wireBytes) {}

    /**
     * Decodes one reply the server wrote: Framed, or TTHeader (|Framed), or Buffered binary, as
     * told by the first bytes. Null if {@code b} does not hold one whole message.
     */
    static Message readReply(byte[] b) {
        try {
            return readReply0(b);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            return null; // not all there yet
        }
    }

    private static Message readReply0(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b);
        if (b.length < 8) {
            return null;
        }
        int w0 = in.getInt(0);
        int w1 = in.getInt(4);
        if ((w1 & 0xFFFF_0000) == 0x1000_0000) {
            int end = 4 + w0;
            if (w0 < 0 || end > b.length) {
                return null;
            }
            int headerSize = in.getShort(12) & 0xFFFF;
            int payload = 14 + headerSize * 4;
            in.position(payload);
            if ((in.getInt(payload) & 0xFFFF_0000) != 0x8001_0000) {
                in.getInt(); // TTHeader|Framed: inner length
            }
            in.limit(end);
            return readBinary(in, end);
        }
        if ((w0 & 0xFFFF_0000) == 0x8001_0000) {
            return readBinary(in, b.length);
        }
        if ((w1 & 0xFFFF_0000) == 0x8001_0000) {
            if (4L + w0 > b.length) {
                return null;
            }
            in.position(4);
            in.limit(4 + w0);
            return readBinary(in, 4 + w0);
        }
        throw new AssertionError("reply is neither TTHeader, Framed nor Buffered binary: " + hex(b, 64));
    }

    private static Message readBinary(ByteBuffer in, int end) {
        int version = in.getInt();
        int type = version & 0xFF;
        byte[] name = new byte[in.getInt()];
        in.get(name);
        int seq = in.getInt();
        String text = null;
        int exType = -1;
        if (type == EXCEPTION) {
            while (true) {
                byte t = in.get();
                if (t == 0) {
                    break;
                }
                short id = in.getShort();
                if (id == 1 && t == 0x0B) {
                    byte[] m = new byte[in.getInt()];
                    in.get(m);
                    text = new String(m, StandardCharsets.UTF_8);
                } else if (id == 2 && t == 0x08) {
                    exType = in.getInt();
                } else {
                    throw new AssertionError("unexpected field " + id + " of type " + t + " in a TApplicationException");
                }
            }
        }
        // For a Buffered exception the message ends where its struct does; otherwise at the frame end.
        int wire = end < 0 || type == EXCEPTION && end == in.capacity() && in.limit() == in.capacity() ? in.position() : end;
        return new Message(type, new String(name, StandardCharsets.UTF_8), seq, text, exType, wire);
    }
}
