package io.kitex4j.thrift.internal;

import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftProtocolException;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftWriter;
import io.netty.buffer.ByteBuf;
import java.util.UUID;

/**
 * The strict Thrift binary protocol over a Netty {@link ByteBuf}, byte-compatible with Kitex and
 * with libthrift's {@code TBinaryProtocol} (strict read and write).
 *
 * <p>Reads consume the buffer from its reader index; writes append at its writer index. Every read
 * is bounds-checked: running out of bytes, a negative or impossible length, an unknown type or
 * nesting deeper than {@code maxDepth} raises {@link ThriftProtocolException}, never an
 * {@code IndexOutOfBoundsException}. Only decoded values are allocated. Fixed-size reads let the
 * buffer check its bounds (once, instead of a check of ours and then the buffer's) and turn its
 * {@code IndexOutOfBoundsException}, which leaves the reader index alone, into ours.
 *
 * <p>UUIDs are 16 bytes in RFC 4122 (big-endian) order, as the Thrift specification, Go and C++
 * write them. libthrift 0.22's Java implementation orders them differently; see
 * {@link #writeUuid(UUID)}.
 *
 * <p>Not thread-safe. One instance may be reused for many messages with {@link #reset(ByteBuf)}.
 */
public final class BinaryProtocol implements ThriftReader, ThriftWriter {

    /** Default limit on nested structs and containers (the message body struct counts as 1). */
    public static final int DEFAULT_MAX_DEPTH = 64;

    private static final int VERSION_1 = 0x80010000;
    private static final int VERSION_MASK = 0xFFFF0000;

    /** The fewest bytes one value of each type can occupy, indexed by {@code type & 0xFF}. */
    private static final byte[] MIN_SIZE = new byte[256];

    static {
        java.util.Arrays.fill(MIN_SIZE, (byte) 1);
        MIN_SIZE[TType.DOUBLE] = 8;
        MIN_SIZE[TType.I16] = 2;
        MIN_SIZE[TType.I32] = 4;
        MIN_SIZE[TType.I64] = 8;
        MIN_SIZE[TType.STRING] = 4;
        MIN_SIZE[TType.MAP] = 6;
        MIN_SIZE[TType.SET] = 5;
        MIN_SIZE[TType.LIST] = 5;
        MIN_SIZE[TType.UUID] = 16;
    }

    private final int maxDepth;
    private final Utf8 utf8 = new Utf8();
    private ByteBuf buf;
    private int depth;

    private String messageName;
    private int messageSeqId;
    private short fieldId;
    private byte keyType;
    private byte valueType;
    private byte elementType;

    /** A protocol over {@code buf} with the default depth limit of {@value #DEFAULT_MAX_DEPTH}. */
    public BinaryProtocol(ByteBuf buf) {
        this(buf, DEFAULT_MAX_DEPTH);
    }

    /**
     * A protocol over {@code buf} that rejects input nested deeper than {@code maxDepth}.
     *
     * @throws IllegalArgumentException unless {@code 1 <= maxDepth <= 1024}
     */
    public BinaryProtocol(ByteBuf buf, int maxDepth) {
        this.maxDepth = Limits.checkMaxDepth(maxDepth);
        this.buf = buf;
    }

    /** The buffer read from and written to. */
    public ByteBuf buffer() {
        return buf;
    }

    /** Switches to {@code buf} and clears all read state, so the instance can decode another message. */
    public BinaryProtocol reset(ByteBuf buf) {
        this.buf = buf;
        depth = 0;
        messageName = null;
        messageSeqId = 0;
        fieldId = 0;
        keyType = valueType = elementType = 0;
        return this;
    }

    // ---------------------------------------------------------------- writing

    @Override
    public void writeMessageBegin(String name, byte type, int seqId) {
        buf.writeInt(VERSION_1 | (type & 0xFF));
        writeString(name);
        buf.writeInt(seqId);
    }

    @Override
    public void writeMessageEnd() {}

    @Override
    public void writeStructBegin() {}

    @Override
    public void writeStructEnd() {}

    @Override
    public void writeFieldBegin(byte type, short id) {
        buf.writeMedium((type & 0xFF) << 16 | (id & 0xFFFF));
    }

    @Override
    public void writeFieldEnd() {}

    @Override
    public void writeFieldStop() {
        buf.writeByte(TType.STOP);
    }

    @Override
    public void writeMapBegin(byte keyType, byte valueType, int size) {
        Limits.checkWriteSize(size);
        buf.writeShort((keyType & 0xFF) << 8 | (valueType & 0xFF));
        buf.writeInt(size);
    }

    @Override
    public void writeMapEnd() {}

    @Override
    public void writeListBegin(byte elementType, int size) {
        Limits.checkWriteSize(size);
        buf.writeByte(elementType);
        buf.writeInt(size);
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
        buf.writeByte(value ? 1 : 0);
    }

    @Override
    public void writeByte(byte value) {
        buf.writeByte(value);
    }

    @Override
    public void writeI16(short value) {
        buf.writeShort(value);
    }

    @Override
    public void writeI32(int value) {
        buf.writeInt(value);
    }

    @Override
    public void writeI64(long value) {
        buf.writeLong(value);
    }

    @Override
    public void writeDouble(double value) {
        buf.writeLong(Double.doubleToLongBits(value));
    }

    @Override
    public void writeString(String value) {
        utf8.writeWithIntLength(buf, value);
    }

    @Override
    public void writeBinary(byte[] value) {
        writeBinary(value, 0, value.length);
    }

    @Override
    public void writeBinary(byte[] value, int offset, int length) {
        buf.ensureWritable(4 + length);
        buf.writeInt(length);
        buf.writeBytes(value, offset, length);
    }

    /**
     * Writes the UUID's 16 bytes most significant first (RFC 4122 order, as required by the Thrift
     * specification and written by Go and C++). libthrift 0.22's {@code TBinaryProtocol} instead
     * writes the least significant half first.
     */
    @Override
    public void writeUuid(UUID value) {
        buf.ensureWritable(16);
        buf.writeLong(value.getMostSignificantBits());
        buf.writeLong(value.getLeastSignificantBits());
    }

    // ---------------------------------------------------------------- reading

    @Override
    public byte readMessageBegin() {
        require(4, "message header");
        int header = buf.readInt();
        if (header >= 0) {
            throw new ThriftProtocolException(ThriftProtocolException.BAD_VERSION,
                    "missing version in message header (non-strict binary is not supported): 0x"
                            + Integer.toHexString(header));
        }
        if ((header & VERSION_MASK) != VERSION_1) {
            throw new ThriftProtocolException(ThriftProtocolException.BAD_VERSION,
                    "bad binary protocol version: 0x" + Integer.toHexString(header & VERSION_MASK));
        }
        messageName = readString();
        require(4, "message sequence id");
        messageSeqId = buf.readInt();
        return (byte) header;
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
    }

    @Override
    public void readStructEnd() {
        depth--;
    }

    @Override
    public byte readFieldBegin() {
        byte type;
        try {
            type = buf.readByte();
        } catch (IndexOutOfBoundsException e) {
            throw truncated("field header", 1);
        }
        if (type == TType.STOP) {
            fieldId = 0;
            return type;
        }
        try {
            fieldId = buf.readShort();
        } catch (IndexOutOfBoundsException e) {
            throw truncated("field id", 2);
        }
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
        require(6, "map header");
        keyType = buf.readByte();
        valueType = buf.readByte();
        int size = buf.readInt();
        checkContainerSize(size, MIN_SIZE[keyType & 0xFF] + MIN_SIZE[valueType & 0xFF], "map");
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
        if (buf.readableBytes() < 5) {
            throw Limits.truncated(what + " header", 5, buf.readableBytes());
        }
        elementType = buf.readByte();
        int size = buf.readInt();
        checkContainerSize(size, MIN_SIZE[elementType & 0xFF], what);
        return size;
    }

    @Override
    public boolean readBool() {
        try {
            return buf.readByte() == 1;
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
        try {
            return buf.readShort();
        } catch (IndexOutOfBoundsException e) {
            throw truncated("i16", 2);
        }
    }

    @Override
    public int readI32() {
        try {
            return buf.readInt();
        } catch (IndexOutOfBoundsException e) {
            throw truncated("i32", 4);
        }
    }

    @Override
    public long readI64() {
        try {
            return buf.readLong();
        } catch (IndexOutOfBoundsException e) {
            throw truncated("i64", 8);
        }
    }

    @Override
    public double readDouble() {
        try {
            return Double.longBitsToDouble(buf.readLong());
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
            case TType.BOOL, TType.BYTE -> skipBytes(1, "byte");
            case TType.I16 -> skipBytes(2, "i16");
            case TType.I32 -> skipBytes(4, "i32");
            case TType.I64, TType.DOUBLE -> skipBytes(8, "i64");
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
                int fixed = fixedSize(k) > 0 && fixedSize(v) > 0 ? fixedSize(k) + fixedSize(v) : 0;
                if (fixed > 0) {
                    skipBytes((long) size * fixed, "map");
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

    /** Size of a fixed-width value of {@code type}, or 0 for variable-width and unknown types. */
    static int fixedSize(byte type) {
        return switch (type) {
            case TType.BOOL, TType.BYTE -> 1;
            case TType.I16 -> 2;
            case TType.I32 -> 4;
            case TType.I64, TType.DOUBLE -> 8;
            case TType.UUID -> 16;
            default -> 0;
        };
    }

    // ---------------------------------------------------------------- helpers

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

    /** Reads an i32 length and checks that it is non-negative and that that many bytes follow. */
    private int readLength(String what) {
        int len;
        try {
            len = buf.readInt();
        } catch (IndexOutOfBoundsException e) {
            throw truncated(what + " length", 4);
        }
        if (len < 0) {
            throw Limits.negativeSize(what, len);
        }
        if (len > buf.readableBytes()) {
            throw Limits.lengthExceedsInput(what, len, buf.readableBytes());
        }
        return len;
    }

    private void checkContainerSize(int size, int minElementBytes, String what) {
        if (size < 0) {
            throw Limits.negativeSize(what, size);
        }
        if ((long) size * minElementBytes > buf.readableBytes()) {
            throw Limits.containerTooLarge(what, size, buf.readableBytes());
        }
    }
}
