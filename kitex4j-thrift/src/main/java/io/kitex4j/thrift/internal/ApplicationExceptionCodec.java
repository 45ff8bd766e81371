package io.kitex4j.thrift.internal;

import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftWriter;

/**
 * Encodes and decodes the body of a Thrift EXCEPTION message, the {@code TApplicationException}
 * struct {@code {1: string message, 2: i32 type}}. Like Kitex, the writer always writes both
 * fields, even for an empty message.
 */
public final class ApplicationExceptionCodec {

    /** A decoded {@code TApplicationException}: its message ("" when absent) and type id (0 when absent). */
    public record AppError(String message, int type) {}

    private ApplicationExceptionCodec() {}

    /** Writes the struct (both fields, then STOP); a null {@code message} is written as "". */
    public static void write(ThriftWriter out, String message, int type) {
        out.writeStructBegin();
        out.writeFieldBegin(TType.STRING, (short) 1);
        out.writeString(message == null ? "" : message);
        out.writeFieldEnd();
        out.writeFieldBegin(TType.I32, (short) 2);
        out.writeI32(type);
        out.writeFieldEnd();
        out.writeFieldStop();
        out.writeStructEnd();
    }

    /** Reads the struct, skipping unknown fields and fields of an unexpected type. */
    public static AppError read(ThriftReader in) {
        String message = "";
        int type = 0;
        in.readStructBegin();
        byte fieldType;
        while ((fieldType = in.readFieldBegin()) != TType.STOP) {
            short id = in.fieldId();
            if (id == 1 && fieldType == TType.STRING) {
                message = in.readString();
            } else if (id == 2 && fieldType == TType.I32) {
                type = in.readI32();
            } else {
                in.skip(fieldType);
            }
            in.readFieldEnd();
        }
        in.readStructEnd();
        return new AppError(message, type);
    }
}
