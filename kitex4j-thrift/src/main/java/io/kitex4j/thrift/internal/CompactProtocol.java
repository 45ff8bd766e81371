package io.kitex4j.thrift.internal;

import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftProtocolException;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftWriter;
import io.netty.buffer.ByteBuf;
import io.netty.util.internal.PlatformDependent;
import java.util.Arrays;
import java.util.UUID;

/**
 * The Thrift compact protocol over a Netty {@link ByteBuf}, byte-compatible with libthrift 0.22's
 * {@code TCompactProtocol} (apart from UUIDs, see {@link #writeUuid(UUID)}).
 *
 * <p>Field ids are delta-encoded against the previous id of the same struct; the previous ids of
 * enclosing structs live on an {@code int[]} stack, so a field header allocates nothing. Bool
 * fields are folded into the field header's type nibble. Reads are bounds- and depth-checked
 * exactly like {@link BinaryProtocol}; varints longer than 5 (i32) or 10 (i64) bytes are rejected.
 *
 * <p>Not thread-safe. One instance may be reused for many messages with {@link #reset(ByteBuf)}.
 */
public final class CompactProtocol implements ThriftReader, ThriftWriter {

    /** Default limit on nested structs and containers (the message body struct counts as 1). */
    public static final int DEFAULT_MAX_DEPTH = BinaryProtocol.DEFAULT_MAX_DEPTH;

    static final int PROTOCOL_ID = 0x82;
    static final int VERSION = 1;
    static final int VERSION_MASK = 0x1F;

    // Compact type nibbles.
    static final int CT_STOP = 0;
    static final int CT_BOOLEAN_TRUE = 1;
    static final int CT_BOOLEAN_FALSE = 2;
    static final int CT_BYTE = 3;
    static final int CT_I16 = 4;
    static final int CT_I32 = 5;
    static final int CT_I64 = 6;
    static final int CT_DOUBLE = 7;
    static final int CT_BINARY = 8;
    static final int CT_LIST = 9;
    static final int CT_SET = 10;
    static final int CT_MAP = 11;
    static final int CT_STRUCT = 12;
    static final int CT_UUID = 13;

    /** TType to compact nibble, indexed by {@code type & 0xFF}; -1 where the type cannot be encoded. */
    private static final byte[] TO_COMPACT = new byte[256];
    /** Compact nibble to TType; -1 for the two unused nibbles. */
    private static final byte[] TO_TTYPE = {
        TType.STOP, TType.BOOL, TType.BOOL, TType.BYTE, TType.I16, TType.I32, TType.I64, TType.DOUBLE,
        TType.STRING, TType.LIST, TType.SET, TType.MAP, TType.STRUCT, TType.UUID, -1, -1
    };

    static {
        Arrays.fill(TO_COMPACT, (byte) -1);
        TO_COMPACT[TType.STOP] = CT_STOP;
        TO_COMPACT[TType.BOOL] = CT_BOOLEAN_TRUE;
        TO_COMPACT[TType.BYTE] = CT_BYTE;
        TO_COMPACT[TType.I16] = CT_I16;
        TO_COMPACT[TType.I32] = CT_I32;
        TO_COMPACT[TType.I64] = CT_I64;
        TO_COMPACT[TType.DOUBLE] = CT_DOUBLE;
        TO_COMPACT[TType.STRING] = CT_BINARY;
        TO_COMPACT[TType.LIST] = CT_LIST;
        TO_COMPACT[TType.SET] = CT_SET;
        TO_COMPACT[TType.MAP] = CT_MAP;
        TO_COMPACT[TType.STRUCT] = CT_STRUCT;
        TO_COMPACT[TType.UUID] = CT_UUID;
    }

    private final int maxDepth;
    private final Utf8 utf8 = new Utf8();
    private ByteBuf buf;
    private int depth;

    /** Last field id of each enclosing struct; {@code lastFieldId} is the current struct's. */
    private int[] fieldIdStack;
    private int stackSize;
    private int lastFieldId;

    /** Writing: a bool field header waits for its value. */
    private boolean boolFieldPending;
    private short boolFieldId;
    /** Reading: value of the last bool field header, or -1 once consumed. */
    private int boolFieldValue = -1;

    private String messageName;
    private int messageSeqId;
    private short fieldId;
    private byte keyType;
    private byte valueType;
    private byte elementType;

    /** A protocol over {@code buf} with the default depth limit of {@value #DEFAULT_MAX_DEPTH}. */
    public CompactProtocol(ByteBuf buf) {
        this(buf, DEFAULT_MAX_DEPTH);
    }

    /**
     * A protocol over {@code buf} that rejects input nested deeper than {@code maxDepth}.
     *
     * @throws IllegalArgumentException unless {@code 1 <= maxDepth <= 1024}
     */
    public CompactProtocol(ByteBuf buf, int maxDepth) {
        this.maxDepth = Limits.checkMaxDepth(maxDepth);
        this.fieldIdStack = new int[maxDepth];
        this.buf = buf;
    }

    /** The buffer read from and written to. */
    public ByteBuf buffer() {
        return buf;
    }

    /** Switches to {@code buf} and clears all state, so the instance can handle another message. */
    public CompactProtocol reset(ByteBuf buf) {
        this.buf = buf;
        depth = 0;
        stackSize = 0;
        lastFieldId = 0;
        boolFieldPending = false;
        boolFieldId = 0;
        boolFieldValue = -1;
        messageName = null;
        messageSeqId = 0;
        fieldId = 0;
        keyType = valueType = elementType = 0;
        return this;
    }

    // ---------------------------------------------------------------- writing

    @Override
    public void writeMessageBegin(String name, byte type, int seqId) {
        buf.writeByte(PROTOCOL_ID);
        buf.writeByte(VERSION | ((type << 5) & 0xE0));
        writeVarint32(seqId);
        writeString(name);
    }

    @Override
    public void writeMessageEnd() {}

    @Override
    public void writeStructBegin() {
        if (stackSize == fieldIdStack.length) {
            // Writers have no depth limit; only deep writes pay for growing the stack.
            fieldIdStack = Arrays.copyOf(fieldIdStack, stackSize * 2);
        }
        fieldIdStack[stackSize++] = lastFieldId;
        lastFieldId = 0;
    }

    @Override
    public void writeStructEnd() {
        lastFieldId = fieldIdStack[--stackSize];
    }

    @Override
    public void writeFieldBegin(byte type, short id) {
        if (type == TType.BOOL) {
            boolFieldPending = true;
            boolFieldId = id;
        } else {
            writeFieldHeader(compactType(type), id);
        }
    }

    private void writeFieldHeader(int compactType, short id) {
        int delta = id - lastFieldId;
        if (delta > 0 && delta <= 15) {
            buf.writeByte(delta << 4 | compactType);
        } else {
            buf.writeByte(compactType);
            writeVarint32(zigzag(id));
        }
        lastFieldId = id;
    }

    @Override
    public void writeFieldEnd() {}

    @Override
    public void writeFieldStop() {
        buf.writeByte(CT_STOP);
    }

    @Override
    public void writeMapBegin(byte keyType, byte valueType, int size) {
        Limits.checkWriteSize(size);
        if (size == 0) {
            buf.writeByte(0);
        } else {
            writeVarint32(size);
            buf.writeByte(compactType(keyType) << 4 | compactType(valueType));
        }
    }

    @Override
    public void writeMapEnd() {}

    @Override
    public void writeListBegin(byte elementType, int size) {
        Limits.checkWriteSize(size);
        if (size <= 14) {
            buf.writeByte(size << 4 | compactType(elementType));
        } else {
            buf.writeByte(0xF0 | compactType(elementType));
            writeVarint32(size);
        }
    }

    @Override
    public void writeListEnd() {}

    @Override
    public void writeSetBegin(byte elementType, int size) {
        writeListBegin(elementType, size);
    }

    @Override
    public void writeSetEnd() {}

    @Override
    public void writeBool(boolean value) {
        int ct = value ? CT_BOOLEAN_TRUE : CT_BOOLEAN_FALSE;
        if (boolFieldPending) {
            boolFieldPending = false;
            writeFieldHeader(ct, boolFieldId);
        } else {
            buf.writeByte(ct);
        }
    }

    @Override
    public void writeByte(byte value) {
        buf.writeByte(value);
    }

    @Override
    public void writeI16(short value) {
        writeVarint32(zigzag(value));
    }

    @Override
    public void writeI32(int value) {
        writeVarint32(zigzag(value));
    }

    @Override
    public void writeI64(long value) {
        writeVarint64((value << 1) ^ (value >> 63));
    }

    @Override
    public void writeDouble(double value) {
        buf.writeLongLE(Double.doubleToLongBits(value));
    }

    @Override
    public void writeString(String value) {
        utf8.writeWithVarintLength(buf, value);
    }

    @Override
    public void writeBinary(byte[] value) {
        writeBinary(value, 0, value.length);
    }

    @Override
    public void writeBinary(byte[] value, int offset, int length) {
        buf.ensureWritable(5 + length);
        writeVarint32(length);
        buf.writeBytes(value, offset, length);
    }

    /**
     * Writes the UUID's 16 bytes most significant first (RFC 4122 order), as the Thrift
     * specification requires and Go and C++ do. libthrift 0.22's {@code TCompactProtocol} instead
     * writes all 16 bytes reversed.
     */
    @Override
    public void writeUuid(UUID value) {
        buf.ensureWritable(16);
        buf.writeLong(value.getMostSignificantBits());
        buf.writeLong(value.getLeastSignificantBits());
    }

    private void writeVarint32(int n) {
        if ((n & ~0x7F) == 0) {
            buf.writeByte(n);
        } else if ((n & ~0x3FFF) == 0) {
            buf.writeShort((n & 0x7F | 0x80) << 8 | n >>> 7);
        } else {
            writeVarintSlow(n & 0xFFFFFFFFL);
        }
    }

    private void writeVarint64(long n) {
        if ((n & ~0x7FL) == 0) {
            buf.writeByte((int) n);
            return;
        }
        writeVarintSlow(n);
    }

    /**
     * Writes a varint of 2 to 10 bytes after one capacity check, straight into the buffer's native
     * memory or array when it has one.
     */
    private void writeVarintSlow(long n) {
        ByteBuf b = buf;
        b.ensureWritable(10);
        int w = b.writerIndex();
        if (b.hasMemoryAddress() && !b.isReadOnly()) {
            long a = b.memoryAddress() + w;
            while ((n & ~0x7FL) != 0) {
                PlatformDependent.putByte(a++, (byte) ((int) n & 0x7F | 0x80));
                n >>>= 7;
                w++;
            }
            PlatformDependent.putByte(a, (byte) n);
            b.writerIndex(w + 1);
        } else if (b.hasArray()) {
            byte[] array = b.array();
            int i = b.arrayOffset() + w;
            int start = i;
            while ((n & ~0x7FL) != 0) {
                array[i++] = (byte) ((int) n & 0x7F | 0x80);
                n >>>= 7;
            }
            array[i++] = (byte) n;
            b.writerIndex(w + i - start);
        } else {
            while ((n & ~0x7FL) != 0) {
                b.writeByte((int) n & 0x7F | 0x80);
                n >>>= 7;
            }
            b.writeByte((int) n);
        }
    }

    private static int zigzag(int n) {
        return (n << 1) ^ (n >> 31);
    }

    private static int compactType(byte type) {
        int ct = TO_COMPACT[type & 0xFF];
        if (ct < 0) {
            throw new ThriftProtocolException(ThriftProtocolException.INVALID_DATA,
                    "type " + type + " cannot be written in the compact protocol");
        }
        return ct;
    }

    // ---------------------------------------------------------------- reading

    @Override
    public byte readMessageBegin() {
        require(2, "message header");
        int protocolId = buf.readUnsignedByte();
        if (protocolId != PROTOCOL_ID) {
            throw new ThriftProtocolException(ThriftProtocolException.BAD_VERSION,
                    "expected compact protocol id 0x82 but got 0x" + Integer.toHexString(protocolId));
        }
        int versionAndType = buf.readUnsignedByte();
        if ((versionAndType & VERSION_MASK) != VERSION) {
            throw new ThriftProtocolException(ThriftProtocolException.BAD_VERSION,
                    "bad compact protocol version: " + (versionAndType & VERSION_MASK));
        }
        messageSeqId = readVarint32();
        messageName = readString();
        return (byte) (versionAndType >>> 5);
    }

    @Override
    public String messageName() {
        return messageName;
    }

    @Override
    public int messageSeqId() {
        return messageSeqId;
    }

    @Override
    public void readMessageEnd() {}

    @Override
    public void readStructBegin() {
        enter();
        // depth bounds the number of open structs, so the stack (sized maxDepth) cannot overflow.
        fieldIdStack[stackSize++] = lastFieldId;
        lastFieldId = 0;
    }

    @Override
    public void readStructEnd() {
        lastFieldId = fieldIdStack[--stackSize];
        depth--;
    }

    @Override
    public byte readFieldBegin() {
        int header;
        try {
            header = buf.readUnsignedByte();
        } catch (IndexOutOfBoundsException e) {
            throw truncated("field header", 1);
        }
        int ct = header & 0x0F;
        if (ct == CT_STOP) {
            fieldId = 0;
            return TType.STOP;
        }
        byte type = ttype(ct);
        int delta = header >>> 4;
        short id = delta == 0 ? readI16() : (short) (lastFieldId + delta);
        if (type == TType.BOOL) {
            boolFieldValue = ct == CT_BOOLEAN_TRUE ? 1 : 0;
        }
        lastFieldId = id;
        fieldId = id;
        return type;
    }

    @Override
    public short fieldId() {
        return fieldId;
    }

    @Override
    public void readFieldEnd() {}

    @Override
    public int readMapBegin() {
        enter();
        int size = readVarint32();
        if (size < 0) {
            throw Limits.negativeSize("map", size);
        }
        if (size == 0) {
            keyType = valueType = TType.STOP;
            return 0;
        }
        require(1, "map types");
        int kv = buf.readUnsignedByte();
        keyType = ttype(kv >>> 4);
        valueType = ttype(kv & 0x0F);
        checkContainerSize(size, minSize(keyType) + minSize(valueType), "map");
        return size;
    }

    @Override
    public byte keyType() {
        return keyType;
    }

    @Override
    public byte valueType() {
        return valueType;
    }

    @Override
    public void readMapEnd() {
        depth--;
    }

    @Override
    public int readListBegin() {
        return readCollectionBegin("list");
    }

    @Override
    public byte elementType() {
        return elementType;
    }

    @Override
    public void readListEnd() {
        depth--;
    }

    @Override
    public int readSetBegin() {
        return readCollectionBegin("set");
    }

    @Override
    public void readSetEnd() {
        depth--;
    }

    private int readCollectionBegin(String what) {
        enter();
        if (!buf.isReadable()) {
            throw Limits.truncated(what + " header", 1, 0);
        }
        int header = buf.readUnsignedByte();
        int size = header >>> 4;
        if (size == 15) {
            size = readVarint32();
            if (size < 0) {
                throw Limits.negativeSize(what, size);
            }
        }
        elementType = ttype(header & 0x0F);
        checkContainerSize(size, minSize(elementType), what);
        return size;
    }

    @Override
    public boolean readBool() {
        int pending = boolFieldValue;
        if (pending >= 0) {
            boolFieldValue = -1;
            return pending == 1;
        }
        try {
            return buf.readByte() == CT_BOOLEAN_TRUE;
        } catch (IndexOutOfBoundsException e) {
            throw truncated("bool", 1);
        }
    }

    @Override
    public byte readByte() {
        try {
            return buf.readByte();
        } catch (IndexOutOfBoundsException e) {
            throw truncated("byte", 1);
        }
    }

    @Override
    public short readI16() {
        return (short) unzigzag(readVarint32());
    }

    @Override
    public int readI32() {
        return unzigzag(readVarint32());
    }

    @Override
    public long readI64() {
        long n = readVarint64();
        return (n >>> 1) ^ -(n & 1);
    }

    @Override
    public double readDouble() {
        try {
            return Double.longBitsToDouble(buf.readLongLE());
        } catch (IndexOutOfBoundsException e) {
            throw truncated("double", 8);
        }
    }

    @Override
    public String readString() {
        int len = readLength("string");
        int index = buf.readerIndex();
        String s = utf8.read(buf, index, len);
        buf.readerIndex(index + len);
        return s;
    }

    @Override
    public byte[] readBinary() {
        byte[] bytes = new byte[readLength("binary")];
        buf.readBytes(bytes);
        return bytes;
    }

    /** Reads 16 bytes, most significant first; see {@link #writeUuid(UUID)}. */
    @Override
    public UUID readUuid() {
        require(16, "uuid");
        return new UUID(buf.readLong(), buf.readLong());
    }

    @Override
    public void skip(byte type) {
        switch (type) {
            case TType.BOOL -> readBool();
            case TType.BYTE -> skipBytes(1, "byte");
            case TType.I16, TType.I32 -> readVarint32();
            case TType.I64 -> readVarint64();
            case TType.DOUBLE -> skipBytes(8, "double");
            case TType.UUID -> skipBytes(16, "uuid");
            case TType.STRING -> buf.skipBytes(readLength("binary"));
            case TType.STRUCT -> {
                readStructBegin();
                byte t;
                while ((t = readFieldBegin()) != TType.STOP) {
                    skip(t);
                }
                readStructEnd();
            }
            case TType.MAP -> {
                int size = readMapBegin();
                byte k = keyType;
                byte v = valueType;
                if (fixedSize(k) > 0 && fixedSize(v) > 0) {
                    skipBytes((long) size * (fixedSize(k) + fixedSize(v)), "map");
                } else {
                    for (int i = 0; i < size; i++) {
                        skip(k);
                        skip(v);
                    }
                }
                readMapEnd();
            }
            case TType.SET, TType.LIST -> {
                int size = readCollectionBegin(type == TType.SET ? "set" : "list");
                byte e = elementType;
                int fixed = fixedSize(e);
                if (fixed > 0) {
                    skipBytes((long) size * fixed, "list");
                } else {
                    for (int i = 0; i < size; i++) {
                        skip(e);
                    }
                }
                depth--;
            }
            default -> throw Limits.unknownType(type);
        }
    }

    /** Size of a fixed-width container element of {@code type}, or 0 for variable-width and unknown types. */
    private static int fixedSize(byte type) {
        return switch (type) {
            case TType.BOOL, TType.BYTE -> 1;
            case TType.DOUBLE -> 8;
            case TType.UUID -> 16;
            default -> 0;
        };
    }

    /** The fewest bytes one container element of {@code type} can occupy. */
    private static int minSize(byte type) {
        return type == TType.DOUBLE ? 8 : type == TType.UUID ? 16 : 1;
    }

    // ---------------------------------------------------------------- helpers

    private static byte ttype(int compactType) {
        byte t = TO_TTYPE[compactType];
        if (t < 0) {
            throw new ThriftProtocolException(ThriftProtocolException.INVALID_DATA,
                    "unknown compact type " + compactType);
        }
        return t;
    }

    private static int unzigzag(int n) {
        return (n >>> 1) ^ -(n & 1);
    }

    /**
     * Reads a varint of at most 5 bytes. The bytes are read without the buffer's per-byte checks,
     * from its native memory or its array when it has one, but only between its reader and writer
     * index (which lie within its capacity).
     */
    private int readVarint32() {
        ByteBuf b = buf;
        int r = b.readerIndex();
        int end = Math.min(b.writerIndex(), r + 5);
        if (r < end) {
            // The common one-byte varint.
            byte x = byteAt(b, r);
            if (x >= 0) {
                b.readerIndex(r + 1);
                return x;
            }
        }
        int result = 0;
        for (int shift = 0; r < end; shift += 7) {
            byte x = byteAt(b, r++);
            result |= (x & 0x7F) << shift;
            if (x >= 0) {
                b.readerIndex(r);
                return result;
            }
        }
        throw varintError(r - b.readerIndex(), 5);
    }

    private long readVarint64() {
        ByteBuf b = buf;
        int r = b.readerIndex();
        int end = Math.min(b.writerIndex(), r + 10);
        long result = 0;
        for (int shift = 0; r < end; shift += 7) {
            byte x = byteAt(b, r++);
            result |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                b.readerIndex(r);
                return result;
            }
        }
        throw varintError(r - b.readerIndex(), 10);
    }

    /** The byte at {@code index}, which the caller has checked lies in {@code [0, writerIndex)}. */
    private static byte byteAt(ByteBuf b, int index) {
        if (b.hasMemoryAddress()) {
            return PlatformDependent.getByte(b.memoryAddress() + index);
        }
        if (b.hasArray()) {
            return b.array()[b.arrayOffset() + index];
        }
        return b.getByte(index);
    }

    private ThriftProtocolException varintError(int consumed, int maxBytes) {
        if (consumed < maxBytes) {
            return Limits.truncated("varint", consumed + 1, consumed);
        }
        return new ThriftProtocolException(ThriftProtocolException.INVALID_DATA,
                "varint longer than " + maxBytes + " bytes");
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw Limits.depthExceeded(maxDepth);
        }
    }

    /** The exception for a read of {@code n} bytes that the buffer refused (it moved nothing). */
    private ThriftProtocolException truncated(String what, int n) {
        return Limits.truncated(what, n, buf.readableBytes());
    }

    private void require(int n, String what) {
        if (buf.readableBytes() < n) {
            throw Limits.truncated(what, n, buf.readableBytes());
        }
    }

    private void skipBytes(long n, String what) {
        if (buf.readableBytes() < n) {
            throw Limits.truncated(what, n, buf.readableBytes());
        }
        buf.skipBytes((int) n);
    }

    /** Reads a varint length and checks that it is non-negative and that that many bytes follow. */
    private int readLength(String what) {
        int len = readVarint32();
        if (len < 0) {
            throw Limits.negativeSize(what, len);
        }
        if (len > buf.readableBytes()) {
            throw Limits.lengthExceedsInput(what, len, buf.readableBytes());
        }
        return len;
    }

    private void checkContainerSize(int size, int minElementBytes, String what) {
        if ((long) size * minElementBytes > buf.readableBytes()) {
            throw Limits.containerTooLarge(what, size, buf.readableBytes());
        }
    }
}
