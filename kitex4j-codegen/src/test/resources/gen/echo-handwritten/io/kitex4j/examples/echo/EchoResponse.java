package io.kitex4j.examples.echo;

import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftStructCodec;
import io.kitex4j.thrift.ThriftWriter;
import java.util.Objects;

/** Thrift struct {@code EchoResponse} (echo.thrift). Generated code style: mutable, fluent setters. */
public final class EchoResponse {
    /** Encodes and decodes {@code EchoResponse}. */
    public static final ThriftStructCodec<EchoResponse> CODEC = new ThriftStructCodec<>() {
        @Override
        public void write(EchoResponse v, ThriftWriter out) {
            out.writeStructBegin();
            if (v.message != null) {
                out.writeFieldBegin(TType.STRING, (short) 1);
                out.writeString(v.message);
                out.writeFieldEnd();
            }
            out.writeFieldStop();
            out.writeStructEnd();
        }

        @Override
        public EchoResponse read(ThriftReader in) {
            EchoResponse v = new EchoResponse();
            in.readStructBegin();
            while (true) {
                byte type = in.readFieldBegin();
                if (type == TType.STOP) {
                    break;
                }
                if (in.fieldId() == 1 && type == TType.STRING) {
                    v.message = in.readString();
                } else {
                    in.skip(type);
                }
                in.readFieldEnd();
            }
            in.readStructEnd();
            return v;
        }
    };

    private String message;

    public EchoResponse() {}

    public EchoResponse(String message) {
        this.message = message;
    }

    public String getMessage() {
        return message;
    }

    public EchoResponse setMessage(String message) {
        this.message = message;
        return this;
    }

    public boolean isSetMessage() {
        return message != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EchoResponse && Objects.equals(message, ((EchoResponse) o).message);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(message);
    }

    @Override
    public String toString() {
        return "EchoResponse(message=" + message + ")";
    }
}
