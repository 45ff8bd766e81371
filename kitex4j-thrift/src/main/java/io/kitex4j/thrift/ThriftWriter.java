package io.kitex4j.thrift;

import java.util.UUID;

/**
 * Writes Thrift values to a buffer in one protocol (binary or compact). Generated code calls
 * these methods directly. Instances are not thread-safe; one writer encodes one message.
 */
public interface ThriftWriter {

    /** Writes a strict message header ({@code type} is a {@link TMessageType}). */
    void writeMessageBegin(String name, byte type, int seqId);

    void writeMessageEnd();

    void writeStructBegin();

    void writeStructEnd();

    void writeFieldBegin(byte type, short id);

    void writeFieldEnd();

    void writeFieldStop();

    void writeMapBegin(byte keyType, byte valueType, int size);

    void writeMapEnd();

    void writeListBegin(byte elementType, int size);

    void writeListEnd();

    void writeSetBegin(byte elementType, int size);

    void writeSetEnd();

    void writeBool(boolean value);

    void writeByte(byte value);

    void writeI16(short value);

    void writeI32(int value);

    void writeI64(long value);

    void writeDouble(double value);

    /** Writes a string as UTF-8, without an intermediate byte array. */
    void writeString(String value);

    void writeBinary(byte[] value);

    void writeBinary(byte[] value, int offset, int length);

    void writeUuid(UUID value);
}
