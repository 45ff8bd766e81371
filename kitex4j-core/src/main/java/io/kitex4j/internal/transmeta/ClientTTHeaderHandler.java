package io.kitex4j.internal.transmeta;

import static io.kitex4j.remote.internal.ttheader.TTHeaderKeys.*;

import io.kitex4j.context.BackwardValues;
import io.kitex4j.context.Metainfo;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.internal.rpcinfo.DefaultRpcInfo;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.MetaHandler;
import io.kitex4j.remote.RemoteMessage;
import java.util.Map;

/**
 * The client's TTHeader meta handler: Kitex's {@code ClientTTHeaderHandler} (integer keys and
 * {@code isn}, optional) plus its metainfo handler (always). On replies it reads business
 * status and backward values.
 */
public final class ClientTTHeaderHandler implements MetaHandler {
    private final boolean intKeys;

    public ClientTTHeaderHandler(boolean intKeys) {
        this.intKeys = intKeys;
    }

    @Override
    public void writeMeta(RemoteMessage msg) {
        if (!msg.transport().isTTHeader()) {
            return;
        }
        DefaultRpcInfo info = msg.rpcInfo();
        if (intKeys && info != null) {
            Map<Integer, String> ints = msg.intInfo();
            ints.put(TRANSPORT_TYPE, msg.transport().isFramed() ? TRANSPORT_FRAMED : TRANSPORT_UNFRAMED);
            ints.put(FROM_SERVICE, info.from().serviceName());
            ints.put(FROM_METHOD, info.from().method());
            ints.put(TO_SERVICE, info.to().serviceName());
            ints.put(TO_METHOD, info.to().method());
            ints.put(MSG_TYPE, Integer.toString(msg.messageType()));
            if (info.config().rpcTimeoutExplicit() && !info.config().rpcTimeout().isZero()) {
                ints.put(RPC_TIMEOUT, Long.toString(info.config().rpcTimeout().toMillis()));
            }
            if (info.config().connectTimeoutExplicit()) {
                ints.put(CONNECT_TIMEOUT, Long.toString(info.config().connectTimeout().toMillis()));
            }
            if (!msg.serviceName().isEmpty()) {
                msg.strInfo().put(IDL_SERVICE_NAME, msg.serviceName());
            }
        }
        Metainfo m = msg.metainfo();
        if (!m.transientValues().isEmpty() || !m.persistentValues().isEmpty()) {
            Map<String, String> strs = msg.strInfo();
            m.transientValues().forEach((k, v) -> strs.put(PREFIX_TRANSIENT + k, v));
            m.persistentValues().forEach((k, v) -> strs.put(PREFIX_PERSISTENT + k, v));
        }
    }

    @Override
    public void readMeta(RemoteMessage msg) {
        if (!msg.hasStrInfo() || !msg.transport().isTTHeader()) {
            return;
        }
        Map<String, String> strs = msg.strInfo();
        String status = strs.get(BIZ_STATUS);
        if (status != null && msg.messageType() == MessageType.REPLY) {
            BizStatusException biz = BizStatus.parse(status, strs.get(BIZ_MESSAGE), strs.get(BIZ_EXTRA));
            if (biz != null) {
                msg.error(biz);
            }
        }
        // Kitex copies every string key of the reply into the received backward values.
        BackwardValues backward = new BackwardValues();
        backward.putAll(strs);
        msg.backward(backward);
    }
}
