package io.kitex4j.it.golden;

import io.kitex4j.context.Metainfo;
import io.kitex4j.context.RpcContext;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.RpcInfo;
import io.kitex4j.rpcinfo.TransportProtocol;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Kitex4j counterpart of the handlers the Kitex captures were made with, recording what it
 * saw in the same terms as the "Observed" lines of the {@code .txt} files.
 */
final class GoldenEchoHandler implements EchoService.Iface {

    enum Behaviour {
        /** "Handler: echoes the message back". */
        ECHO,
        /** Echo, and {@code metainfo.SendBackwardValue(ctx, "Backward_Key", "bv")}. */
        ECHO_SEND_BACKWARD,
        /** {@code kerrors.NewBizStatusErrorWithExtra(404, "not found", {"k": "v"})}. */
        BIZ_ERROR,
        /** {@code errors.New("something failed")}. */
        PLAIN_ERROR,
        /** Echo after 400 ms (to have a request in flight). */
        SLOW_ECHO
    }

    /**
     * What the handler saw. {@code transientValues} holds what Kitex's {@code GetAllValues}
     * returns on a server: the caller's transient values, which a server keeps as "upstream"
     * values after {@code TransferForward}, plus any transient ones.
     */
    record Seen(String method, String message, Map<String, String> transientValues, Map<String, String> persistentValues,
                String fromService, String fromMethod, String toService, String toMethod, TransportProtocol transport,
                PayloadProtocol payload, Duration rpcTimeout, int seqId, boolean backwardSent) {}

    final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    private final Behaviour behaviour;

    GoldenEchoHandler(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    private Seen record(String method, EchoRequest req, boolean backwardSent) {
        RpcContext ctx = RpcContext.current();
        RpcInfo info = ctx.rpcInfo();
        Metainfo m = ctx.metainfo();
        Map<String, String> transients = new HashMap<>(m.upstreamValues());
        transients.putAll(m.transientValues());
        Seen s = new Seen(method, req == null ? null : req.getMessage(), transients, new HashMap<>(m.persistentValues()),
                info.from().serviceName(), info.from().method(), info.to().serviceName(), info.to().method(),
                info.config().transportProtocol(), info.config().payloadProtocol(), info.config().rpcTimeout(),
                info.invocation().seqId(), backwardSent);
        seen.add(s);
        return s;
    }

    @Override
    public EchoResponse echo(EchoRequest req) {
        boolean sent = false;
        if (behaviour == Behaviour.ECHO_SEND_BACKWARD) {
            sent = RpcContext.current().sendBackwardValue("Backward_Key", "bv");
        }
        record("echo", req, sent);
        if (behaviour == Behaviour.SLOW_ECHO) {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        switch (behaviour) {
            case BIZ_ERROR:
                throw new BizStatusException(404, "not found", Map.of("k", "v"));
            case PLAIN_ERROR:
                throw new RuntimeException("something failed");
            default:
                return new EchoResponse(req.getMessage());
        }
    }

    @Override
    public void fire(EchoRequest req) {
        record("fire", req, false);
    }
}
