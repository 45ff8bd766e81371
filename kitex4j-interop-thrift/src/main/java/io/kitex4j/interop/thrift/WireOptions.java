package io.kitex4j.interop.thrift;

import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import java.util.Locale;

/** The {@code --protocol} and {@code --transport} values of Apache Thrift's cross test, mapped to Kitex4j. */
public final class WireOptions {
    private WireOptions() {}

    /** {@code --protocol}: Thrift binary (strict) or compact. */
    public enum Protocol {
        BINARY(PayloadProtocol.THRIFT_BINARY),
        COMPACT(PayloadProtocol.THRIFT_COMPACT);

        private final PayloadProtocol payload;

        Protocol(PayloadProtocol payload) {
            this.payload = payload;
        }

        public PayloadProtocol payload() {
            return payload;
        }

        /** The flag value ({@code binary}, {@code compact}). */
        public String flag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * {@code --transport}: Apache's {@code buffered} (the bare message on the socket) and
     * {@code framed} (4-byte length first), and our {@code header}: TTHeader inside a frame, the
     * transport Kitex clients use with {@code transport.TTHeaderFramed}.
     */
    public enum Transport {
        BUFFERED(TransportProtocol.BUFFERED),
        FRAMED(TransportProtocol.FRAMED),
        HEADER(TransportProtocol.TTHEADER_FRAMED);

        private final TransportProtocol kitex;

        Transport(TransportProtocol kitex) {
            this.kitex = kitex;
        }

        public TransportProtocol kitex() {
            return kitex;
        }

        /** The flag value ({@code buffered}, {@code framed}, {@code header}). */
        public String flag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
