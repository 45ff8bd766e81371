package io.kitex4j.examples.echo;

import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftStructCodec;
import io.kitex4j.thrift.ThriftWriter;
import java.util.Objects;

/** Thrift struct {@code EchoRequest} (echo.thrift). Generated code style: mutable, fluent setters. */
public final class EchoRequest {
    /** Encodes and decodes {@code EchoRequest}. */
    public static final ThriftStructCodec<EchoRequest> CODEC = new ThriftStructCodec<>() {
        @Override
        public void write(EchoRequest v, ThriftWriter out) {
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
        public EchoRequest read(ThriftReader in) {
            EchoRequest v = new EchoRequest();
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

    public EchoRequest() {}

    public EchoRequest(String message) {
        this.message = message;
    }

    public String getMessage() {
        return message;
    }

    public EchoRequest setMessage(String message) {
        this.message = message;
        return this;
    }

    public boolean isSetMessage() {
        return message != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EchoRequest && Objects.equals(message, ((EchoRequest) o).message);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(message);
    }

    @Override
    public String toString() {
        return "EchoRequest(message=" + message + ")";
    }
}
