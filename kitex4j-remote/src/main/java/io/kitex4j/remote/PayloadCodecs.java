package io.kitex4j.remote;

import io.kitex4j.rpcinfo.PayloadProtocol;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The registry of {@link PayloadCodec}s found on the class path, by protocol. Thread-safe. */
public final class PayloadCodecs {
    private static final Map<PayloadProtocol, PayloadCodec> CODECS = load();

    private PayloadCodecs() {}

    private static Map<PayloadProtocol, PayloadCodec> load() {
        Map<PayloadProtocol, PayloadCodec> codecs = new EnumMap<>(PayloadProtocol.class);
        Map<PayloadProtocol, Integer> priorities = new EnumMap<>(PayloadProtocol.class);
        for (PayloadCodecProvider p : ServiceLoader.load(PayloadCodecProvider.class, PayloadCodecs.class.getClassLoader())) {
            PayloadCodec c = p.codec();
            Integer old = priorities.get(c.protocol());
            if (old == null || p.priority() > old) {
                codecs.put(c.protocol(), c);
                priorities.put(c.protocol(), p.priority());
            }
        }
        return codecs;
    }

    /** The codec for {@code protocol}, or {@code null} if none is on the class path. */
    public static PayloadCodec get(PayloadProtocol protocol) {
        return CODECS.get(protocol);
    }

    /** The codec for {@code protocol}; fails with a clear message if absent. */
    public static PayloadCodec require(PayloadProtocol protocol) {
        PayloadCodec c = CODECS.get(protocol);
        if (c == null) {
            throw new IllegalStateException("no payload codec for " + protocol
                    + " on the class path (add the kitex4j module that provides it)");
        }
        return c;
    }
}
