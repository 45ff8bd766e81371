package io.kitex4j.thrift;

import java.util.UUID;

/**
 * Reads Thrift values from a buffer in one protocol (binary or compact). Generated code calls
 * these methods directly; there is no reflection and no per-field allocation.
 *
 * <p>Header-style reads return the interesting number and leave the rest in accessors, so that
 * reading a field header allocates nothing: {@link #readFieldBegin()} returns the field's type
 * and {@link #fieldId()} its id.
 *
 * <p>Instances are not thread-safe; one reader decodes one message on one thread.
 *
 * <p>Every method throws {@link ThriftProtocolException} on malformed input (negative or oversize
 * lengths, truncated data, nesting deeper than the reader's limit, unknown types).
 */
public interface ThriftReader {

    /** Reads a message header and returns its type ({@link TMessageType}); see {@link #messageName()}, {@link #messageSeqId()}. */
    byte readMessageBegin();

    /** The name of the message read by the last {@link #readMessageBegin()}. */
    String messageName();

    /** The sequence id of the message read by the last {@link #readMessageBegin()}. */
    int messageSeqId();

    void readMessageEnd();

    void readStructBegin();

    void readStructEnd();

    /** Reads a field header and returns its type; {@link TType#STOP} ends the struct. */
    byte readFieldBegin();

    /** The id of the field whose header was read last. */
    short fieldId();

    void readFieldEnd();

    /** Reads a map header and returns the number of entries; see {@link #keyType()} and {@link #valueType()}. */
    int readMapBegin();

    byte keyType();

    byte valueType();

    void readMapEnd();

    /** Reads a list header and returns the number of elements; see {@link #elementType()}. */
    int readListBegin();

    /** The element type of the last list or set header read. */
    byte elementType();

    void readListEnd();

    /** Reads a set header and returns the number of elements; see {@link #elementType()}. */
    int readSetBegin();

    void readSetEnd();

    boolean readBool();

    byte readByte();

    short readI16();

    int readI32();

    long readI64();

    double readDouble();

    /** Reads a UTF-8 string. */
    String readString();

    /** Reads a binary value into a new array. */
    byte[] readBinary();

    UUID readUuid();

    /** Skips one value of the given type, including nested values, within the depth limit. */
    void skip(byte type);
}
