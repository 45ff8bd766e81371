package io.kitex4j.remote.internal.ttheader;

import static io.kitex4j.remote.internal.ttheader.TTHeaderKeys.ACL_TOKEN_KEY;
import static io.kitex4j.remote.internal.ttheader.TTHeaderKeys.FIXED_HEADER_SIZE;
import static io.kitex4j.remote.internal.ttheader.TTHeaderKeys.FLAG_STREAMING;
import static io.kitex4j.remote.internal.ttheader.TTHeaderKeys.INFO_ACL_TOKEN;
import static io.kitex4j.remote.internal.ttheader.TTHeaderKeys.INFO_INT_KEY_VALUE;
import static io.kitex4j.remote.internal.ttheader.TTHeaderKeys.INFO_KEY_VALUE;
import static io.kitex4j.remote.internal.ttheader.TTHeaderKeys.INFO_PADDING;
import static io.kitex4j.remote.internal.ttheader.TTHeaderKeys.MAGIC;
import static io.kitex4j.remote.internal.ttheader.TTHeaderKeys.MAX_HEADER_SIZE;
import static io.kitex4j.remote.internal.ttheader.TTHeaderKeys.MAX_STRING_SIZE;

import io.kitex4j.remote.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Encoder and decoder of the TTHeader frame header, byte-compatible with gopkg
 * {@code protocol/ttheader} as used by Kitex.
 *
 * <pre>
 * u32 LENGTH | u16 MAGIC 0x1000 | u16 FLAGS | u32 SEQ ID | u16 HEADER SIZE (/4)
 * u8 PROTOCOL ID | u8 NUM TRANSFORMS | transform ids | INFO blocks | 0x00 padding | payload
 * </pre>
 *
 * All offsets passed to these methods are absolute buffer indices (as for {@code ByteBuf.getInt}),
 * typically {@code buf.readerIndex()}. Malformed input raises {@link ProtocolException}.
 */
public final class TTHeaderCodec {
    private TTHeaderCodec() {}

    private static final int LENGTH_FIELD = 4;

    // ---------------------------------------------------------------------------------------
    // Detection
    // ---------------------------------------------------------------------------------------

    /**
     * Whether the 8 bytes at {@code offset} start a TTHeader frame: the u32 at {@code offset+4},
     * masked with 0xFFFF0000, is 0x10000000. False when fewer than 8 bytes are present.
     */
    public static boolean isTTHeader(ByteBuf buf, int offset) {
        return offset >= 0 && buf.writerIndex() - offset >= 8
                && buf.getUnsignedShort(offset + 4) == MAGIC;
    }

    /**
     * Whether the 8 bytes at {@code offset} start a TTHeader Streaming frame: TTHeader magic and
     * the {@link TTHeaderKeys#FLAG_STREAMING} flag (Kitex server connection detection, step 2).
     */
    public static boolean isStreaming(ByteBuf buf, int offset) {
        return isTTHeader(buf, offset) && (buf.getUnsignedShort(offset + 6) & FLAG_STREAMING) != 0;
    }

    /**
     * Whole frame size (LENGTH + 4) of the frame at {@code offset}, or -1 if fewer than 4 bytes
     * are present. A LENGTH with the top bit set (or too large to add 4) is a
     * {@link ProtocolException}.
     */
    public static int frameLength(ByteBuf buf, int offset) {
        if (offset < 0 || buf.writerIndex() - offset < LENGTH_FIELD) {
            return -1;
        }
        int length = buf.getInt(offset);
        if (length < 0 || length > Integer.MAX_VALUE - LENGTH_FIELD) {
            throw new ProtocolException("TTHeader LENGTH " + Integer.toUnsignedString(length) + " is too large");
        }
        return length + LENGTH_FIELD;
    }

    // ---------------------------------------------------------------------------------------
    // Encoding
    // ---------------------------------------------------------------------------------------

    /**
     * Writes the frame header of {@code h}: LENGTH placeholder, MAGIC, FLAGS, SEQ ID, HEADER SIZE,
     * PROTOCOL ID, 0 transforms, the INFO blocks in Kitex's order (0x11 ACL token if strInfo has
     * {@link TTHeaderKeys#ACL_TOKEN_KEY}, 0x01 for the remaining strings, 0x10 for the int keys;
     * empty maps write no block) and zero padding to a multiple of 4. Write the payload next, then
     * call {@link #finishFrame}.
     *
     * @return the writer index where the frame starts
     * @throws ProtocolException if a string is longer than 65535 UTF-8 bytes, an int key is not a
     *     u16, a key or value is null, or the header info exceeds {@link TTHeaderKeys#MAX_HEADER_SIZE};
     *     {@code out} is then left as it was
     */
    public static int writeHeader(ByteBuf out, TTHeader h) {
        return writeHeader(out, h.flags(), h.seqId(), h.protocolId(), h.intInfoOrNull(), h.strInfoOrNull());
    }

    /**
     * {@link #writeHeader(ByteBuf, TTHeader)} from the parts, without a {@link TTHeader} holder (the
     * encoder's hot path). {@code intInfo} and {@code strInfo} may be null.
     */
    public static int writeHeader(ByteBuf out, int flags, int seqId, int protocolId, Map<Integer, String> intInfo,
                                  Map<String, String> strInfo) {
        final int start = out.writerIndex();
        try {
            out.writeInt(0); // LENGTH, patched by finishFrame
            out.writeShort(MAGIC);
            out.writeShort(flags);
            out.writeInt(seqId);
            out.writeShort(0); // HEADER SIZE, patched below
            final int infoStart = out.writerIndex();
            out.writeByte(protocolId);
            out.writeByte(0); // NUM TRANSFORMS

            Map<String, String> str = strInfo;
            if (str != null && !str.isEmpty()) {
                int count = str.size();
                final boolean hasAcl = str.containsKey(ACL_TOKEN_KEY);
                if (hasAcl) {
                    count--;
                    out.writeByte(INFO_ACL_TOKEN);
                    writeString(out, str.get(ACL_TOKEN_KEY), "value", ACL_TOKEN_KEY);
                }
                if (count > 0) {
                    checkCount(count, "string");
                    out.writeByte(INFO_KEY_VALUE);
                    out.writeShort(count);
                    for (Map.Entry<String, String> e : str.entrySet()) {
                        String key = e.getKey();
                        if (hasAcl && ACL_TOKEN_KEY.equals(key)) {
                            continue;
                        }
                        if (key == null) {
                            throw new ProtocolException("TTHeader string info has a null key");
                        }
                        writeString(out, key, "key", key);
                        writeString(out, e.getValue(), "value", key);
                    }
                }
            }

            Map<Integer, String> ints = intInfo;
            if (ints != null && !ints.isEmpty()) {
                checkCount(ints.size(), "int");
                out.writeByte(INFO_INT_KEY_VALUE);
                out.writeShort(ints.size());
                for (Map.Entry<Integer, String> e : ints.entrySet()) {
                    Integer key = e.getKey();
                    if (key == null || (key & ~0xFFFF) != 0) {
                        throw new ProtocolException("TTHeader int info key " + key + " is not a u16");
                    }
                    out.writeShort(key);
                    writeString(out, e.getValue(), "value", key);
                }
            }

            int size = out.writerIndex() - infoStart;
            int padding = -size & 3;
            size += padding;
            if (size > MAX_HEADER_SIZE) {
                throw new ProtocolException("TTHeader header info of " + size
                        + " bytes exceeds the limit of " + MAX_HEADER_SIZE);
            }
            out.writeZero(padding);
            out.setShort(start + 12, size >>> 2);
            return start;
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    /** Patches LENGTH of the frame started at {@code frameStart} to the bytes written after it. */
    public static void finishFrame(ByteBuf out, int frameStart) {
        int length = out.writerIndex() - frameStart - LENGTH_FIELD;
        if (frameStart < 0 || length < FIXED_HEADER_SIZE - LENGTH_FIELD) {
            throw new IllegalArgumentException("no TTHeader frame header at index " + frameStart);
        }
        out.setInt(frameStart, length);
    }

    private static void checkCount(int count, String kind) {
        if (count > 0xFFFF) {
            throw new ProtocolException("TTHeader " + kind + " info has " + count
                    + " entries, more than 65535");
        }
    }

    private static void writeString(ByteBuf out, String s, String what, Object key) {
        if (s == null) {
            throw new ProtocolException("TTHeader info " + what + " of key '" + key + "' is null");
        }
        // UTF-8 never has fewer bytes than UTF-16 chars / 1, so a long string fails fast
        int len = s.length() > MAX_STRING_SIZE ? MAX_STRING_SIZE + 1 : ByteBufUtil.utf8Bytes(s);
        if (len > MAX_STRING_SIZE) {
            throw new ProtocolException("TTHeader info " + what + " of key '" + abbreviate(key)
                    + "' is longer than " + MAX_STRING_SIZE + " bytes");
        }
        out.writeShort(len);
        if (len != 0) {
            ByteBufUtil.reserveAndWriteUtf8(out, s, len);
        }
    }

    private static String abbreviate(Object key) {
        String k = String.valueOf(key);
        return k.length() <= 64 ? k : k.substring(0, 64) + "...(" + k.length() + " chars)";
    }

    // ---------------------------------------------------------------------------------------
    // Decoding
    // ---------------------------------------------------------------------------------------

    /**
     * Decodes the header of the frame that starts at {@code frame.readerIndex()} (its LENGTH
     * field) into {@code into}, which is cleared first. The whole frame (LENGTH + 4 bytes) must be
     * readable. On return the reader index is at the payload start; the payload ends at
     * {@code start + frameLength(frame, start)}. Entries are accepted in any order, padding bytes
     * anywhere among the blocks are skipped one by one and transform ids are skipped, as Kitex does.
     *
     * @return {@code into}
     * @throws ProtocolException on any malformed or truncated input; the reader index is then
     *     unchanged and the content of {@code into} is unspecified
     */
    public static TTHeader decode(ByteBuf frame, TTHeader into) {
        final int start = frame.readerIndex();
        final int readable = frame.writerIndex() - start;
        if (readable < LENGTH_FIELD) {
            throw new ProtocolException("TTHeader frame truncated: " + readable
                    + " bytes, LENGTH needs 4");
        }
        final long frameLen = frame.getUnsignedInt(start) + LENGTH_FIELD;
        if (frameLen > readable) {
            throw new ProtocolException("TTHeader frame truncated: LENGTH says " + frameLen
                    + " bytes in total, only " + readable + " readable");
        }
        if (frameLen < FIXED_HEADER_SIZE) {
            throw new ProtocolException("TTHeader LENGTH " + (frameLen - LENGTH_FIELD)
                    + " is shorter than the 10 fixed header bytes after it");
        }
        final int end = start + (int) frameLen;
        final int magic = frame.getUnsignedShort(start + 4);
        if (magic != MAGIC) {
            throw new ProtocolException("not a TTHeader frame: magic 0x" + Integer.toHexString(magic)
                    + ", expected 0x1000");
        }
        final int headerSize = frame.getUnsignedShort(start + 12);
        // headerSize * 4 <= 4 * 65535 == MAX_HEADER_SIZE, so the size limit always holds here.
        final int infoLen = headerSize << 2;
        if (infoLen < 2) {
            throw new ProtocolException("TTHeader HEADER SIZE 0: header info must hold at least"
                    + " the protocol id and the transform count");
        }
        final int infoStart = start + FIXED_HEADER_SIZE;
        final int infoEnd = infoStart + infoLen;
        if (infoEnd > end) {
            throw new ProtocolException("TTHeader HEADER SIZE " + headerSize + " (" + infoLen
                    + " bytes) runs past the frame end: only " + (end - infoStart)
                    + " bytes follow the fixed header");
        }
        final int protocolId = frame.getUnsignedByte(infoStart);
        checkProtocolId(protocolId);
        final int transforms = frame.getUnsignedByte(infoStart + 1);
        int idx = infoStart + 2;
        if (transforms > infoEnd - idx) {
            throw new ProtocolException("TTHeader has " + transforms
                    + " transform ids but only " + (infoEnd - idx) + " header info bytes are left");
        }
        idx += transforms;

        into.clear();
        into.setFlags(frame.getUnsignedShort(start + 6));
        into.setSeqId(frame.getInt(start + 8));
        into.setProtocolId(protocolId);

        while (idx < infoEnd) {
            final int infoId = frame.getUnsignedByte(idx++);
            switch (infoId) {
                case INFO_PADDING:
                    break;
                case INFO_KEY_VALUE: {
                    int count = readU16(frame, idx, infoEnd, start, "string info count");
                    idx += 2;
                    Map<String, String> str = into.strInfo();
                    for (int i = 0; i < count; i++) {
                        String key = readString(frame, idx, infoEnd, start, "string info key", i, null);
                        idx += 2 + frame.getUnsignedShort(idx);
                        String val = readString(frame, idx, infoEnd, start, "string info value", i, key);
                        idx += 2 + frame.getUnsignedShort(idx);
                        str.put(key, val);
                    }
                    break;
                }
                case INFO_INT_KEY_VALUE: {
                    int count = readU16(frame, idx, infoEnd, start, "int info count");
                    idx += 2;
                    Map<Integer, String> ints = into.intInfo();
                    for (int i = 0; i < count; i++) {
                        int key = readU16(frame, idx, infoEnd, start, "int info key");
                        idx += 2;
                        String val = readString(frame, idx, infoEnd, start, "int info value", i, key);
                        idx += 2 + frame.getUnsignedShort(idx);
                        ints.put(key, val);
                    }
                    break;
                }
                case INFO_ACL_TOKEN: {
                    String token = readString(frame, idx, infoEnd, start, "ACL token", -1, null);
                    idx += 2 + frame.getUnsignedShort(idx);
                    into.strInfo().put(ACL_TOKEN_KEY, token);
                    break;
                }
                default:
                    throw new ProtocolException("TTHeader unknown info id 0x" + hex2(infoId)
                            + " at frame offset " + (idx - 1 - start));
            }
        }
        frame.readerIndex(infoEnd);
        return into;
    }

    /**
     * Kitex accepts protocol ids 0x00, 0x03, 0x04, 0x10 and 0x11 ("unsupported ProtocolID"). We
     * also accept 0x02 (compact), which Kitex4j writes for compact Thrift over TTHeader; the
     * payload is sniffed from its own magic either way.
     */
    private static void checkProtocolId(int id) {
        switch (id) {
            case TTHeaderKeys.PROTOCOL_THRIFT_BINARY:
            case TTHeaderKeys.PROTOCOL_THRIFT_COMPACT:
            case TTHeaderKeys.PROTOCOL_THRIFT_COMPACT_V2:
            case TTHeaderKeys.PROTOCOL_KITEX_PROTOBUF:
            case TTHeaderKeys.PROTOCOL_THRIFT_STRUCT:
            case TTHeaderKeys.PROTOCOL_PROTOBUF_STRUCT:
                return;
            default:
                throw new ProtocolException("TTHeader unsupported protocol id 0x" + hex2(id));
        }
    }

    private static int readU16(ByteBuf b, int idx, int infoEnd, int start, String what) {
        if (infoEnd - idx < 2) {
            throw new ProtocolException("TTHeader " + what + " at frame offset " + (idx - start)
                    + " runs past the header info end (offset " + (infoEnd - start) + ")");
        }
        return b.getUnsignedShort(idx);
    }

    /** Reads a u16-length string at {@code idx}; the caller advances by 2 + its byte length. */
    private static String readString(ByteBuf b, int idx, int infoEnd, int start, String what,
            int entry, Object key) {
        // The error text is built only on failure: this runs for every header string of every call.
        if (infoEnd - idx < 2) {
            throw new ProtocolException("TTHeader " + what + " length at frame offset " + (idx - start)
                    + " runs past the header info end (offset " + (infoEnd - start) + ")");
        }
        int len = b.getUnsignedShort(idx);
        if (len > infoEnd - idx - 2) {
            throw new ProtocolException("TTHeader " + what
                    + (entry >= 0 ? " #" + entry : "") + (key != null ? " of key '" + key + "'" : "")
                    + " has length " + len + " at frame offset " + (idx - start)
                    + ", past the header info end (offset " + (infoEnd - start) + ")");
        }
        return len == 0 ? "" : b.toString(idx + 2, len, StandardCharsets.UTF_8);
    }

    private static String hex2(int v) {
        return v < 0x10 ? "0" + Integer.toHexString(v) : Integer.toHexString(v);
    }
}
