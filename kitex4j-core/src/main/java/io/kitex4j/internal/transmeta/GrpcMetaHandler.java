package io.kitex4j.internal.transmeta;

import io.kitex4j.context.CallHeaders;
import io.kitex4j.context.Metainfo;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.internal.rpcinfo.DefaultRpcInfo;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.rpcinfo.TransportProtocol;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Kitex's HTTP/2 meta handlers and gRPC metainfo mapping (§4 of the wire fact sheet), both sides.
 * Requests carry metainfo as {@code rpc-transit-<key>} / {@code rpc-persist-<key>} (key
 * lower-cased, {@code _} → {@code -}; the server reverses it, so key case is lost, as in Kitex),
 * the caller and callee names as {@code source-service}, {@code source-method},
 * {@code destination-service}, {@code destination-method} (Kitex sends them with
 * {@code ClientHTTP2Handler}; we always do), and the caller's {@link CallHeaders}. Replies carry
 * a business status as {@code biz-status} / {@code biz-extra} trailers (the message goes in
 * {@code grpc-message}). Backward metainfo is not carried over gRPC, as in Kitex.
 */
public final class GrpcMetaHandler {
    static final String TRANSIT = "rpc-transit-";
    static final String PERSIST = "rpc-persist-";
    static final String SOURCE_SERVICE = "source-service";
    static final String SOURCE_METHOD = "source-method";
    static final String DESTINATION_SERVICE = "destination-service";
    static final String DESTINATION_METHOD = "destination-method";
    static final String BIZ_STATUS = "biz-status";
    static final String BIZ_EXTRA = "biz-extra";

    private GrpcMetaHandler() {}

    /** Client: fills the request's metadata. */
    public static void writeRequest(RemoteMessage msg) {
        if (msg.transport() != TransportProtocol.GRPC) {
            return;
        }
        Map<String, String> md = msg.strInfo();
        DefaultRpcInfo info = msg.rpcInfo();
        if (info != null) {
            md.put(DESTINATION_SERVICE, info.to().serviceName());
            md.put(DESTINATION_METHOD, info.to().method());
            md.put(SOURCE_SERVICE, info.from().serviceName());
            md.put(SOURCE_METHOD, info.from().method());
        }
        Metainfo m = msg.metainfo();
        m.transientValues().forEach((k, v) -> md.put(TRANSIT + toHeaderKey(k), v));
        m.persistentValues().forEach((k, v) -> md.put(PERSIST + toHeaderKey(k), v));
        CallHeaders headers = msg.callHeaders();
        if (headers != null) {
            headers.request().forEach(md::put);
        }
    }

    /** Server: reads caller names, metainfo and the custom headers of a request. */
    public static void readRequest(RemoteMessage msg) {
        if (msg.transport() != TransportProtocol.GRPC || !msg.hasStrInfo()) {
            return;
        }
        DefaultRpcInfo info = msg.rpcInfo();
        CallHeaders headers = msg.callHeaders();
        Map<String, String> transients = null;
        Map<String, String> persistent = null;
        for (Map.Entry<String, String> e : msg.strInfo().entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            if (k.startsWith(TRANSIT)) {
                transients = put(transients, fromHeaderKey(k.substring(TRANSIT.length())), v);
            } else if (k.startsWith(PERSIST)) {
                persistent = put(persistent, fromHeaderKey(k.substring(PERSIST.length())), v);
            } else if (k.equals(SOURCE_SERVICE)) {
                if (info != null) {
                    info.from().setServiceName(v);
                }
            } else if (k.equals(SOURCE_METHOD)) {
                if (info != null) {
                    info.from().setMethod(v);
                }
            } else if (!k.equals(DESTINATION_SERVICE) && !k.equals(DESTINATION_METHOD) && headers != null) {
                // Metainfo and the caller/callee keys are the framework's; the rest is the user's.
                headers.putRawRequest(k, v);
            }
        }
        if (transients != null || persistent != null) {
            msg.metainfo(Metainfo.of(transients, null, persistent));
        }
    }

    /** Server: writes the business status of a reply into its trailer keys. */
    public static void writeReply(RemoteMessage reply) {
        if (reply.transport() != TransportProtocol.GRPC) {
            return;
        }
        if (reply.error() instanceof BizStatusException && reply.messageType() == MessageType.REPLY) {
            BizStatusException biz = (BizStatusException) reply.error();
            reply.strInfo().put(BIZ_STATUS, Integer.toString(biz.statusCode()));
            if (!biz.extra().isEmpty()) {
                reply.strInfo().put(BIZ_EXTRA, JsonStrings.write(biz.extra(), true));
            }
        }
    }

    /**
     * Client: the business status the trailers of a call describe, or {@code null}.
     * {@code grpcMessage} is the status message (Kitex puts the biz message there).
     */
    public static BizStatusException bizStatus(Map<String, String> trailers, String grpcMessage) {
        String status = trailers.get(BIZ_STATUS);
        if (status == null) {
            return null;
        }
        return BizStatus.parse(status, grpcMessage, trailers.get(BIZ_EXTRA));
    }

    /** Client: turns a unary reply's {@code biz-status} trailer into the reply's error. */
    public static void readReply(RemoteMessage reply) {
        if (reply.transport() != TransportProtocol.GRPC || !reply.hasStrInfo()
                || reply.messageType() != MessageType.REPLY) {
            return;
        }
        BizStatusException biz = bizStatus(reply.strInfo(), reply.strInfo().get("grpc-message"));
        if (biz != null) {
            reply.error(biz);
        }
    }

    static String toHeaderKey(String key) {
        return key.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String fromHeaderKey(String key) {
        return key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static Map<String, String> put(Map<String, String> m, String k, String v) {
        if (m == null) {
            m = new HashMap<>(4);
        }
        m.put(k, v);
        return m;
    }
}
