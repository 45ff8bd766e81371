package io.kitex4j.thrift.internal;

import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftProtocolException;
import io.kitex4j.thrift.ThriftProtocolId;
import io.netty.buffer.ByteBuf;

/**
 * Finds where a complete Thrift message ends in a stream of unframed ("Buffered") Thrift, without
 * decoding it: the scanner walks the message's structure with absolute reads, never moves the
 * buffer's indexes and allocates nothing.
 *
 * <p>It accepts exactly what {@link BinaryProtocol} and {@link CompactProtocol} accept when they
 * read a message header and skip the body struct with the same depth limit: a length it returns is
 * the number of bytes those readers consume, and bytes it rejects make them throw. "Not enough
 * bytes yet" is reported as {@code -1}, never as an exception. Fixed-width container elements are
 * skipped arithmetically, so a header announcing billions of elements costs nothing.
 */
public final class ThriftMessageScanner {

    private static final int NEED_MORE = -1;

    private ThriftMessageScanner() {}

    /**
     * Returns the protocol of the message starting at {@code offset}: {@link ThriftProtocolId#BINARY}
     * for a strict binary header ({@code 0x8001}), {@link ThriftProtocolId#COMPACT} for {@code 0x82}
     * followed by version 1, otherwise (or with fewer than 2 bytes after {@code offset}) null.
     */
    public static ThriftProtocolId detect(ByteBuf buf, int offset) {
        if (offset < 0 || buf.writerIndex() - offset < 2) {
            return null;
        }
        int b0 = buf.getUnsignedByte(offset);
        int b1 = buf.getUnsignedByte(offset + 1);
        if (b0 == 0x80 && b1 == 0x01) {
            return ThriftProtocolId.BINARY;
        }
        if (b0 == CompactProtocol.PROTOCOL_ID && (b1 & CompactProtocol.VERSION_MASK) == CompactProtocol.VERSION) {
            return ThriftProtocolId.COMPACT;
        }
        return null;
    }

    /**
     * Returns the length of the complete message (header and body struct) that starts at
     * {@code offset} and ends at or before the buffer's writer index, or {@code -1} if the bytes up
     * to the writer index are a well-formed but incomplete prefix.
     *
     * @throws ThriftProtocolException if the bytes cannot start a valid message (bad version,
     *     negative size, unknown type, nesting deeper than {@code maxDepth}, a size that cannot fit
     *     in a buffer)
     * @throws IllegalArgumentException if {@code offset} is outside the buffer or {@code maxDepth}
     *     is out of range
     */
    public static int messageLength(ByteBuf buf, int offset, ThriftProtocolId protocol, int maxDepth) {
        Limits.checkMaxDepth(maxDepth);
        int limit = buf.writerIndex();
        if (offset < 0 || offset > limit) {
            throw new IllegalArgumentException("offset " + offset + " outside [0, " + limit + "]");
        }
        int end = switch (protocol) {
            case BINARY -> binaryMessage(buf, offset, limit, maxDepth);
            case COMPACT -> compactMessage(buf, offset, limit, maxDepth);
        };
        return end < 0 ? NEED_MORE : end - offset;
    }

    // ---------------------------------------------------------------- shared

    /** Position after {@code n} more bytes from {@code p}, or -1 if they are not all there yet. */
    private static int advance(int p, long n, int limit) {
        long end = p + n;
        if (end <= limit) {
            return (int) end;
        }
        if (end > Integer.MAX_VALUE) {
            throw new ThriftProtocolException(ThriftProtocolException.SIZE_LIMIT,
                    "message would exceed " + Integer.MAX_VALUE + " bytes");
        }
        return NEED_MORE;
    }

    private static void checkDepth(int depth, int maxDepth) {
        if (depth > maxDepth) {
            throw Limits.depthExceeded(maxDepth);
        }
    }

    // ---------------------------------------------------------------- binary

    private static int binaryMessage(ByteBuf b, int p, int limit, int maxDepth) {
        int available = limit - p;
        if (available < 4) {
            // Reject a wrong version as soon as its bytes arrive.
            if ((available > 0 && b.getUnsignedByte(p) != 0x80) || (available > 1 && b.getByte(p + 1) != 0x01)) {
                throw badBinaryVersion();
            }
            return NEED_MORE;
        }
        if ((b.getInt(p) & 0xFFFF0000) != 0x80010000) {
            throw badBinaryVersion();
        }
        p += 4;
        if (limit - p < 4) {
            return NEED_MORE;
        }
        int nameLength = b.getInt(p);
        if (nameLength < 0) {
            throw Limits.negativeSize("string", nameLength);
        }
        p = advance(p + 4, nameLength + 4L, limit); // name and seqid
        return p < 0 ? NEED_MORE : binaryStruct(b, p, limit, 1, maxDepth);
    }

    private static ThriftProtocolException badBinaryVersion() {
        return new ThriftProtocolException(ThriftProtocolException.BAD_VERSION,
                "not a strict binary message header (expected 0x8001)");
    }

    private static int binaryStruct(ByteBuf b, int p, int limit, int depth, int maxDepth) {
        checkDepth(depth, maxDepth);
        while (true) {
            if (p >= limit) {
                return NEED_MORE;
            }
            byte type = b.getByte(p);
            if (type == TType.STOP) {
                return p + 1;
            }
            checkBinaryType(type);
            if (limit - p < 3) {
                return NEED_MORE;
            }
            p = binaryValue(b, p + 3, limit, type, depth, maxDepth);
            if (p < 0) {
                return NEED_MORE;
            }
        }
    }

    private static void checkBinaryType(byte type) {
        switch (type) {
            case TType.BOOL, TType.BYTE, TType.I16, TType.I32, TType.I64, TType.DOUBLE, TType.STRING,
                    TType.STRUCT, TType.MAP, TType.SET, TType.LIST, TType.UUID -> { }
            default -> throw Limits.unknownType(type);
        }
    }

    /** Skips one value of {@code type} (nested at {@code depth}) starting at {@code p}. */
    private static int binaryValue(ByteBuf b, int p, int limit, byte type, int depth, int maxDepth) {
        switch (type) {
            case TType.BOOL, TType.BYTE:
                return advance(p, 1, limit);
            case TType.I16:
                return advance(p, 2, limit);
            case TType.I32:
                return advance(p, 4, limit);
            case TType.I64, TType.DOUBLE:
                return advance(p, 8, limit);
            case TType.UUID:
                return advance(p, 16, limit);
            case TType.STRING: {
                if (limit - p < 4) {
                    return NEED_MORE;
                }
                int n = b.getInt(p);
                if (n < 0) {
                    throw Limits.negativeSize("binary", n);
                }
                return advance(p + 4, n, limit);
            }
            case TType.STRUCT:
                return binaryStruct(b, p, limit, depth + 1, maxDepth);
            case TType.MAP: {
                checkDepth(depth + 1, maxDepth);
                if (limit - p < 6) {
                    return NEED_MORE;
                }
                byte k = b.getByte(p);
                byte v = b.getByte(p + 1);
                int n = b.getInt(p + 2);
                if (n < 0) {
                    throw Limits.negativeSize("map", n);
                }
                p += 6;
                if (n == 0) {
                    return p;
                }
                checkBinaryType(k);
                checkBinaryType(v);
                int ks = BinaryProtocol.fixedSize(k);
                int vs = BinaryProtocol.fixedSize(v);
                if (ks > 0 && vs > 0) {
                    return advance(p, (long) n * (ks + vs), limit);
                }
                for (int i = 0; i < n && p >= 0; i++) {
                    p = binaryValue(b, p, limit, k, depth + 1, maxDepth);
                    if (p >= 0) {
                        p = binaryValue(b, p, limit, v, depth + 1, maxDepth);
                    }
                }
                return p;
            }
            case TType.SET, TType.LIST: {
                checkDepth(depth + 1, maxDepth);
                if (limit - p < 5) {
                    return NEED_MORE;
                }
                byte e = b.getByte(p);
                int n = b.getInt(p + 1);
                if (n < 0) {
                    throw Limits.negativeSize("list", n);
                }
                p += 5;
                if (n == 0) {
                    return p;
                }
                checkBinaryType(e);
                int es = BinaryProtocol.fixedSize(e);
                if (es > 0) {
                    return advance(p, (long) n * es, limit);
                }
                for (int i = 0; i < n && p >= 0; i++) {
                    p = binaryValue(b, p, limit, e, depth + 1, maxDepth);
                }
                return p;
            }
            default:
                throw Limits.unknownType(type);
        }
    }

    // ---------------------------------------------------------------- compact

    private static int compactMessage(ByteBuf b, int p, int limit, int maxDepth) {
        if (p >= limit) {
            return NEED_MORE;
        }
        if (b.getUnsignedByte(p) != CompactProtocol.PROTOCOL_ID) {
            throw new ThriftProtocolException(ThriftProtocolException.BAD_VERSION,
                    "not a compact message header (expected 0x82)");
        }
        if (p + 1 >= limit) {
            return NEED_MORE;
        }
        if ((b.getByte(p + 1) & CompactProtocol.VERSION_MASK) != CompactProtocol.VERSION) {
            throw new ThriftProtocolException(ThriftProtocolException.BAD_VERSION, "bad compact protocol version");
        }
        p = varintEnd(b, p + 2, limit, 5); // seqid
        if (p < 0) {
            return NEED_MORE;
        }
        p = compactBinary(b, p, limit); // name
        return p < 0 ? NEED_MORE : compactStruct(b, p, limit, 1, maxDepth);
    }

    /** Position after the varint at {@code p}, or -1 if it is incomplete. */
    private static int varintEnd(ByteBuf b, int p, int limit, int maxBytes) {
        int end = p + maxBytes;
        for (; p < end; p++) {
            if (p >= limit) {
                return NEED_MORE;
            }
            if (b.getByte(p) >= 0) {
                return p + 1;
            }
        }
        throw new ThriftProtocolException(ThriftProtocolException.INVALID_DATA,
                "varint longer than " + maxBytes + " bytes");
    }

    /** Decodes the complete varint32 at {@code p} (already checked by {@link #varintEnd}). */
    private static int varint32(ByteBuf b, int p) {
        int result = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b.getByte(p++);
            result |= (x & 0x7F) << shift;
            if (x >= 0) {
                return result;
            }
        }
    }

    /** Skips a varint length and that many bytes. */
    private static int compactBinary(ByteBuf b, int p, int limit) {
        int q = varintEnd(b, p, limit, 5);
        if (q < 0) {
            return NEED_MORE;
        }
        int n = varint32(b, p);
        if (n < 0) {
            throw Limits.negativeSize("binary", n);
        }
        return advance(q, n, limit);
    }

    private static int checkCompactType(int ct) {
        if (ct > CompactProtocol.CT_UUID) {
            throw new ThriftProtocolException(ThriftProtocolException.INVALID_DATA, "unknown compact type " + ct);
        }
        return ct;
    }

    private static int compactStruct(ByteBuf b, int p, int limit, int depth, int maxDepth) {
        checkDepth(depth, maxDepth);
        while (true) {
            if (p >= limit) {
                return NEED_MORE;
            }
            int header = b.getUnsignedByte(p++);
            int ct = checkCompactType(header & 0x0F);
            if (ct == CompactProtocol.CT_STOP) {
                return p;
            }
            if (header >>> 4 == 0) {
                p = varintEnd(b, p, limit, 5); // explicit field id
                if (p < 0) {
                    return NEED_MORE;
                }
            }
            if (ct != CompactProtocol.CT_BOOLEAN_TRUE && ct != CompactProtocol.CT_BOOLEAN_FALSE) {
                p = compactValue(b, p, limit, ct, depth, maxDepth);
                if (p < 0) {
                    return NEED_MORE;
                }
            }
        }
    }

    /** Size of a fixed-width element of compact type {@code ct}, or 0. */
    private static int compactFixedSize(int ct) {
        return switch (ct) {
            case CompactProtocol.CT_BOOLEAN_TRUE, CompactProtocol.CT_BOOLEAN_FALSE, CompactProtocol.CT_BYTE -> 1;
            case CompactProtocol.CT_DOUBLE -> 8;
            case CompactProtocol.CT_UUID -> 16;
            default -> 0;
        };
    }

    /** Skips one value (or container element) of compact type {@code ct}. */
    private static int compactValue(ByteBuf b, int p, int limit, int ct, int depth, int maxDepth) {
        switch (ct) {
            case CompactProtocol.CT_BOOLEAN_TRUE, CompactProtocol.CT_BOOLEAN_FALSE, CompactProtocol.CT_BYTE:
                return advance(p, 1, limit);
            case CompactProtocol.CT_I16, CompactProtocol.CT_I32:
                return varintEnd(b, p, limit, 5);
            case CompactProtocol.CT_I64:
                return varintEnd(b, p, limit, 10);
            case CompactProtocol.CT_DOUBLE:
                return advance(p, 8, limit);
            case CompactProtocol.CT_UUID:
                return advance(p, 16, limit);
            case CompactProtocol.CT_BINARY:
                return compactBinary(b, p, limit);
            case CompactProtocol.CT_STRUCT:
                return compactStruct(b, p, limit, depth + 1, maxDepth);
            case CompactProtocol.CT_LIST, CompactProtocol.CT_SET: {
                checkDepth(depth + 1, maxDepth);
                if (p >= limit) {
                    return NEED_MORE;
                }
                int header = b.getUnsignedByte(p++);
                int n = header >>> 4;
                if (n == 15) {
                    int q = varintEnd(b, p, limit, 5);
                    if (q < 0) {
                        return NEED_MORE;
                    }
                    n = varint32(b, p);
                    if (n < 0) {
                        throw Limits.negativeSize("list", n);
                    }
                    p = q;
                }
                int e = checkCompactType(header & 0x0F);
                return compactElements(b, p, limit, n, e, depth + 1, maxDepth);
            }
            case CompactProtocol.CT_MAP: {
                checkDepth(depth + 1, maxDepth);
                int q = varintEnd(b, p, limit, 5);
                if (q < 0) {
                    return NEED_MORE;
                }
                int n = varint32(b, p);
                if (n < 0) {
                    throw Limits.negativeSize("map", n);
                }
                if (n == 0) {
                    return q;
                }
                if (q >= limit) {
                    return NEED_MORE;
                }
                int kv = b.getUnsignedByte(q);
                int k = checkCompactType(kv >>> 4);
                int v = checkCompactType(kv & 0x0F);
                p = q + 1;
                checkElementType(k);
                checkElementType(v);
                int ks = compactFixedSize(k);
                int vs = compactFixedSize(v);
                if (ks > 0 && vs > 0) {
                    return advance(p, (long) n * (ks + vs), limit);
                }
                for (int i = 0; i < n && p >= 0; i++) {
                    p = compactValue(b, p, limit, k, depth + 1, maxDepth);
                    if (p >= 0) {
                        p = compactValue(b, p, limit, v, depth + 1, maxDepth);
                    }
                }
                return p;
            }
            default:
                throw Limits.unknownType(ct);
        }
    }

    private static int compactElements(ByteBuf b, int p, int limit, int n, int e, int depth, int maxDepth) {
        if (n == 0) {
            return p;
        }
        checkElementType(e);
        int es = compactFixedSize(e);
        if (es > 0) {
            return advance(p, (long) n * es, limit);
        }
        for (int i = 0; i < n && p >= 0; i++) {
            p = compactValue(b, p, limit, e, depth, maxDepth);
        }
        return p;
    }

    /** STOP cannot be the type of a container element (the readers would fail to skip it). */
    private static void checkElementType(int ct) {
        if (ct == CompactProtocol.CT_STOP) {
            throw new ThriftProtocolException(ThriftProtocolException.INVALID_DATA,
                    "container element type STOP");
        }
    }
}
