package io.kitex4j.it.kitexpb;

import io.kitex4j.client.Calls;
import io.kitex4j.client.Client;
import io.kitex4j.context.Metainfo;
import io.kitex4j.context.RpcContext;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.it.kitexpb.pbecho.EchoRequest;
import io.kitex4j.it.kitexpb.pbecho.EchoResponse;
import io.kitex4j.protobuf.ProtobufCodec;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.RpcInfo;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.service.PayloadKind;
import io.kitex4j.service.ServiceDefinition;
import io.kitex4j.service.ServiceDescriptor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The proto3 {@code echo.EchoService} of Kitex's Kitex Protobuf captures, described by hand as
 * protobuf stubs will generate it ({@code Echo}), plus a oneway {@code Fire} for the round-trip
 * tests (the captures' IDL has no oneway rpc; protobuf has no oneway, but Kitex Protobuf carries
 * message type 4 all the same). The handler's behaviour is chosen by the request message.
 */
final class PbEcho {
    private PbEcho() {}

    static final ProtobufCodec<EchoRequest> REQUEST = ProtobufCodec.of(EchoRequest.getDefaultInstance());
    static final ProtobufCodec<EchoResponse> RESPONSE = ProtobufCodec.of(EchoResponse.getDefaultInstance());

    static final MethodDescriptor<EchoRequest, EchoResponse> ECHO =
            MethodDescriptor.of("Echo", InteractionMode.PING_PONG, REQUEST, RESPONSE);
    static final MethodDescriptor<EchoRequest, EchoResponse> FIRE =
            MethodDescriptor.of("Fire", InteractionMode.ONEWAY, REQUEST, RESPONSE);
    /** A method the server does not have (the clients of the unknown-method tests). */
    static final MethodDescriptor<EchoRequest, EchoResponse> NOSUCH =
            MethodDescriptor.of("Nosuch", InteractionMode.PING_PONG, REQUEST, RESPONSE);

    static final ServiceDescriptor DESCRIPTOR = descriptor("EchoService", false);

    /** {@code EchoService} as a client with one more method than the server knows. */
    static final ServiceDescriptor WITH_NOSUCH = descriptor("EchoService", true);

    static ServiceDescriptor descriptor(String serviceName, boolean withNosuch) {
        ServiceDescriptor.Builder b = ServiceDescriptor.builder(serviceName, PayloadKind.PROTOBUF)
                .packageName("echo")
                .method(ECHO)
                .method(FIRE);
        if (withNosuch) {
            b.method(NOSUCH);
        }
        return b.build();
    }

    /** Messages that make the handler do something else than echo. */
    static final String PLAIN_ERROR = "plain-error";
    static final String APP_ERROR = "app-error";
    static final String BIZ_ERROR = "biz-error";
    static final String BACKWARD = "send-backward";
    static final String EMPTY_REPLY = "empty-reply";

    /** What the handler saw, in the terms of the captures' "Observed" lines. */
    record Seen(String method, String message, Map<String, String> transientValues, Map<String, String> persistentValues,
                String fromService, String fromMethod, String toService, String toMethod, TransportProtocol transport,
                PayloadProtocol payload, Duration rpcTimeout, int seqId) {}

    /** The server side: records every call and answers by the request message. */
    static final class Handler {
        final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();

        ServiceDefinition definition() {
            return definition(DESCRIPTOR);
        }

        /** Binds this handler to {@code descriptor}, one made by {@link PbEcho#descriptor} (Echo and Fire). */
        ServiceDefinition definition(ServiceDescriptor descriptor) {
            return ServiceDefinition.builder(descriptor)
                    .unary(ECHO, this::echo)
                    .unary(FIRE, req -> {
                        record("Fire", req);
                        return null;
                    })
                    .build();
        }

        private EchoResponse echo(EchoRequest req) {
            record("Echo", req);
            String m = req.getMessage();
            switch (m) {
                case PLAIN_ERROR:
                    throw new IllegalStateException("something failed");
                case APP_ERROR:
                    throw new ApplicationException(ApplicationException.UNKNOWN_METHOD, "picked by the handler");
                case BIZ_ERROR:
                    throw new BizStatusException(404, "not found", Map.of("k", "v"));
                case EMPTY_REPLY:
                    return null;
                case BACKWARD:
                    RpcContext.current().sendBackwardValue("Backward_Key", "bv");
                    break;
                default:
                    break;
            }
            return EchoResponse.newBuilder().setMessage(m).build();
        }

        private void record(String method, EchoRequest req) {
            RpcContext ctx = RpcContext.current();
            RpcInfo info = ctx.rpcInfo();
            Metainfo mi = ctx.metainfo();
            Map<String, String> transients = new HashMap<>(mi.upstreamValues());
            transients.putAll(mi.transientValues());
            seen.add(new Seen(method, req.getMessage(), transients, new HashMap<>(mi.persistentValues()),
                    info.from().serviceName(), info.from().method(), info.to().serviceName(), info.to().method(),
                    info.config().transportProtocol(), info.config().payloadProtocol(), info.config().rpcTimeout(),
                    info.invocation().seqId()));
        }
    }

    static EchoRequest request(String message) {
        return EchoRequest.newBuilder().setMessage(message).build();
    }

    /** A blocking call of {@code Echo} (what a generated stub will do). */
    static EchoResponse echo(Client client, String message) {
        return Calls.await(client.invoke(ECHO, request(message)));
    }
}
