package io.kitex4j.interop.thrift;

import io.kitex4j.interop.thrift.WireOptions.Protocol;
import io.kitex4j.interop.thrift.WireOptions.Transport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** picocli converters and value lists for the cross-test flags (lower-case values, as Apache's). */
final class Flags {
    private Flags() {}

    static final List<String> SERVER_TYPES = List.of("simple", "thread-pool");

    static final class ProtocolConverter implements CommandLine.ITypeConverter<Protocol> {
        @Override
        public Protocol convert(String value) {
            for (Protocol p : Protocol.values()) {
                if (p.flag().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
            throw new CommandLine.TypeConversionException("Unknown protocol type! " + value + " (expected one of "
                    + new Protocols() + ")");
        }
    }

    static final class TransportConverter implements CommandLine.ITypeConverter<Transport> {
        @Override
        public Transport convert(String value) {
            for (Transport t : Transport.values()) {
                if (t.flag().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
            throw new CommandLine.TypeConversionException("Unknown transport type! " + value + " (expected one of "
                    + new Transports() + ")");
        }
    }

    static final class Protocols implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (Protocol p : Protocol.values()) {
                names.add(p.flag());
            }
            return names.iterator();
        }

        @Override
        public String toString() {
            return String.join(", ", this);
        }
    }

    static final class Transports implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (Transport t : Transport.values()) {
                names.add(t.flag());
            }
            return names.iterator();
        }

        @Override
        public String toString() {
            return String.join(", ", this);
        }
    }

    static final class ServerTypes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SERVER_TYPES.iterator();
        }
    }
}
