package io.kitex4j.examples.echo;

import io.kitex4j.thrift.TType;
import io.kitex4j.thrift.ThriftReader;
import io.kitex4j.thrift.ThriftStructCodec;
import io.kitex4j.thrift.ThriftWriter;
import java.util.Objects;

/** Thrift exception {@code EchoError} (echo.thrift): a declared business exception. */
public final class EchoError extends Exception {
    private static final long serialVersionUID = 1L;

    /** Encodes and decodes {@code EchoError}. */
    public static final ThriftStructCodec<EchoError> CODEC = new ThriftStructCodec<>() {
        @Override
        public void write(EchoError v, ThriftWriter out) {
            out.writeStructBegin();
            out.writeFieldBegin(TType.I32, (short) 1);
            out.writeI32(v.code);
            out.writeFieldEnd();
            if (v.reason != null) {
                out.writeFieldBegin(TType.STRING, (short) 2);
                out.writeString(v.reason);
                out.writeFieldEnd();
            }
            out.writeFieldStop();
            out.writeStructEnd();
        }

        @Override
        public EchoError read(ThriftReader in) {
            EchoError v = new EchoError();
            in.readStructBegin();
            while (true) {
                byte type = in.readFieldBegin();
                if (type == TType.STOP) {
                    break;
                }
                switch (in.fieldId()) {
                    case 1:
                        if (type == TType.I32) {
                            v.code = in.readI32();
                        } else {
                            in.skip(type);
                        }
                        break;
                    case 2:
                        if (type == TType.STRING) {
                            v.reason = in.readString();
                        } else {
                            in.skip(type);
                        }
                        break;
                    default:
                        in.skip(type);
                }
                in.readFieldEnd();
            }
            in.readStructEnd();
            return v;
        }
    };

    private int code;
    private String reason;

    public EchoError() {}

    public EchoError(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int getCode() {
        return code;
    }

    public EchoError setCode(int code) {
        this.code = code;
        return this;
    }

    public String getReason() {
        return reason;
    }

    public EchoError setReason(String reason) {
        this.reason = reason;
        return this;
    }

    @Override
    public String getMessage() {
        return "EchoError(code=" + code + ", reason=" + reason + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EchoError && code == ((EchoError) o).code && Objects.equals(reason, ((EchoError) o).reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, reason);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
