package io.kitex4j.internal.transmeta;

import static io.kitex4j.remote.internal.ttheader.TTHeaderKeys.*;

import io.kitex4j.context.BackwardValues;
import io.kitex4j.context.Metainfo;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.internal.rpcinfo.DefaultRpcInfo;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.MetaHandler;
import io.kitex4j.remote.RemoteMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The server's TTHeader meta handler: Kitex's {@code ServerTTHeaderHandler} plus its metainfo
 * handler. Reads caller info, timeouts and metainfo from requests; writes the message type,
 * business status, backward values and {@code crrst} into replies.
 */
public final class ServerTTHeaderHandler implements MetaHandler {

    @Override
    public void readMeta(RemoteMessage msg) {
        DefaultRpcInfo info = msg.rpcInfo();
        if (msg.hasIntInfo() && info != null) {
            Map<Integer, String> ints = msg.intInfo();
            String from = ints.get(FROM_SERVICE);
            if (from != null) {
                info.from().setServiceName(from);
            }
            String fromMethod = ints.get(FROM_METHOD);
            if (fromMethod != null) {
                info.from().setMethod(fromMethod);
            }
            String timeout = ints.get(RPC_TIMEOUT);
            if (timeout != null) {
                try {
                    long ms = Long.parseLong(timeout);
                    if (ms > 0) {
                        info.config().setRpcTimeout(Duration.ofMillis(ms), true);
                    }
                } catch (NumberFormatException ignored) {
                    // Kitex ignores an unparsable timeout as well.
                }
            }
        }
        if (!msg.hasStrInfo()) {
            return;
        }
        Map<String, String> transients = null;
        Map<String, String> upstream = null;
        Map<String, String> persistent = null;
        for (Map.Entry<String, String> e : msg.strInfo().entrySet()) {
            String k = e.getKey();
            if (!k.startsWith("RPC_")) {
                continue;
            }
            if (k.startsWith(PREFIX_TRANSIENT_UPSTREAM)) {
                upstream = put(upstream, k.substring(PREFIX_TRANSIENT_UPSTREAM.length()), e.getValue());
            } else if (k.startsWith(PREFIX_TRANSIENT)) {
                transients = put(transients, k.substring(PREFIX_TRANSIENT.length()), e.getValue());
            } else if (k.startsWith(PREFIX_PERSISTENT)) {
                persistent = put(persistent, k.substring(PREFIX_PERSISTENT.length()), e.getValue());
            }
        }
        if (transients != null || upstream != null || persistent != null) {
            msg.metainfo(Metainfo.of(transients, upstream, persistent));
        }
    }

    private static Map<String, String> put(Map<String, String> m, String k, String v) {
        if (m == null) {
            m = new HashMap<>(4);
        }
        m.put(k, v);
        return m;
    }

    /** Writes reply keys; {@code draining} adds {@code crrst=1}. */
    public void writeReplyMeta(RemoteMessage reply, boolean draining) {
        if (!reply.transport().isTTHeader()) {
            return;
        }
        reply.intInfo().put(MSG_TYPE, Integer.toString(reply.messageType()));
        BackwardValues backward = reply.backward();
        if (backward != null && !backward.isEmpty()) {
            reply.strInfo().putAll(backward.asMap());
        }
        if (reply.error() instanceof BizStatusException && reply.messageType() == MessageType.REPLY) {
            BizStatus.write((BizStatusException) reply.error(), reply.strInfo());
        }
        if (draining) {
            reply.strInfo().put(CONNECTION_READY_TO_RESET, "1");
        }
    }

    @Override
    public void writeMeta(RemoteMessage msg) {
        writeReplyMeta(msg, false);
    }
}
