package io.kitex4j.engine;

import static io.kitex4j.engine.StreamsFixture.CHAT;
import static io.kitex4j.engine.StreamsFixture.ECHO;
import static io.kitex4j.engine.StreamsFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.context.CallHeaders;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.loopback.LoopbackTransportProvider;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.internal.ttheader.TTHeaderKeys;
import io.kitex4j.remote.transport.InboundDispatcher;
import io.kitex4j.remote.transport.ReplySink;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.HandlerExecution;
import io.kitex4j.server.Server;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.service.PayloadKind;
import io.kitex4j.service.ServiceDefinition;
import io.kitex4j.service.ServiceDescriptor;
import io.kitex4j.streaming.Stream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server engine as a transport drives it: route, dispatch, dispatchStream and the reply it gets. */
class ServerDispatchTest {
    private static final MethodDescriptor<String, String> PLAIN_CALL =
            MethodDescriptor.of("Call", InteractionMode.PING_PONG, StreamsFixture.CODEC, StreamsFixture.CODEC);
    private static final ServiceDescriptor PLAIN = ServiceDescriptor.builder("Plain", PayloadKind.PROTOBUF)
            .method(PLAIN_CALL).build();
    private static final MethodDescriptor<String, String> DEEP_CALL =
            MethodDescriptor.of("Call", InteractionMode.PING_PONG, StreamsFixture.CODEC, StreamsFixture.CODEC);
    private static final ServiceDescriptor DEEP = ServiceDescriptor.builder("Deep", PayloadKind.PROTOBUF)
            .packageName("a.b.c").method(DEEP_CALL).build();

    private StreamsFixture fx;

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    private InboundDispatcher dispatcher() throws Exception {
        if (fx == null) {
            fx = new StreamsFixture(b -> b
                    .service(ServiceDefinition.builder(PLAIN).unary(PLAIN_CALL, r -> "plain:" + r).build())
                    .service(ServiceDefinition.builder(DEEP).unary(DEEP_CALL, r -> "deep:" + r).build()));
        }
        return fx.transport().dispatcher();
    }

    private static RemoteMessage grpcRequest(String service, String method) {
        return new RemoteMessage(MessageType.CALL, method, 1).serviceName(service).transport(TransportProtocol.GRPC)
                .payloadProtocol(PayloadProtocol.PROTOBUF).callHeaders(new CallHeaders());
    }

    private static int typeOfRouteFailure(InboundDispatcher d, RemoteMessage m) {
        try {
            d.route(m);
        } catch (ApplicationException e) {
            return e.typeId();
        }
        throw new AssertionError("routed: " + m);
    }

    // ---- route

    @Test
    void routesAPackageQualifiedServiceName() throws Exception {
        InboundDispatcher d = dispatcher();
        RemoteMessage m = grpcRequest("test.v1.Streams", "Chat");
        d.route(m);
        assertThat(m.serviceName()).isEqualTo("Streams");
        assertThat(m.method()).isSameAs(CHAT);

        RemoteMessage deep = grpcRequest("a.b.c.Deep", "Call");
        d.route(deep);
        assertThat(deep.serviceName()).isEqualTo("Deep");
        assertThat(deep.method()).isSameAs(DEEP_CALL);
    }

    @Test
    void routesABareServiceNameWhateverItsPackage() throws Exception {
        InboundDispatcher d = dispatcher();
        RemoteMessage m = grpcRequest("Streams", "Echo");
        d.route(m);
        assertThat(m.method()).isSameAs(ECHO);
        RemoteMessage plain = grpcRequest("Plain", "Call");
        d.route(plain);
        assertThat(plain.method()).isSameAs(PLAIN_CALL);
    }

    @Test
    void anUnknownQualifiedServiceIsUnknownService() throws Exception {
        InboundDispatcher d = dispatcher();
        assertThat(typeOfRouteFailure(d, grpcRequest("other.v1.Streams", "Chat"))).isEqualTo(ApplicationException.UNKNOWN_SERVICE);
        assertThat(typeOfRouteFailure(d, grpcRequest("test.v1.Nope", "Chat"))).isEqualTo(ApplicationException.UNKNOWN_SERVICE);
        assertThat(typeOfRouteFailure(d, grpcRequest("Nope", "Chat"))).isEqualTo(ApplicationException.UNKNOWN_SERVICE);
        assertThat(typeOfRouteFailure(d, grpcRequest("x.Plain", "Call"))).as("a package where the service has none")
                .isEqualTo(ApplicationException.UNKNOWN_SERVICE);
        assertThat(typeOfRouteFailure(d, grpcRequest("b.c.Deep", "Call"))).as("a partial package")
                .isEqualTo(ApplicationException.UNKNOWN_SERVICE);
        assertThatThrownBy(() -> d.route(grpcRequest("other.v1.Streams", "Chat")))
                .hasMessageContaining("other.v1.Streams").hasMessageContaining("Chat");
    }

    @Test
    void anUnknownMethodOfAKnownServiceIsUnknownMethod() throws Exception {
        InboundDispatcher d = dispatcher();
        assertThat(typeOfRouteFailure(d, grpcRequest("test.v1.Streams", "Nope"))).isEqualTo(ApplicationException.UNKNOWN_METHOD);
        assertThat(typeOfRouteFailure(d, grpcRequest("Streams", "Nope"))).isEqualTo(ApplicationException.UNKNOWN_METHOD);
        assertThatThrownBy(() -> d.route(grpcRequest("test.v1.Streams", "Nope")))
                .hasMessageContaining("Nope").hasMessageContaining("test.v1.Streams");
    }

    @Test
    void withoutAServiceNameTheIsnKeyOrTheFirstServiceWithTheMethodIsUsed() throws Exception {
        InboundDispatcher d = dispatcher();
        RemoteMessage byIsn = new RemoteMessage(MessageType.CALL, "Call", 1).transport(TransportProtocol.TTHEADER)
                .headers(new java.util.HashMap<>(), new java.util.HashMap<>(Map.of(TTHeaderKeys.IDL_SERVICE_NAME, "Deep")));
        d.route(byIsn);
        assertThat(byIsn.method()).isSameAs(DEEP_CALL);
        RemoteMessage fallback = new RemoteMessage(MessageType.CALL, "Call", 1).transport(TransportProtocol.FRAMED);
        d.route(fallback);
        assertThat(fallback.serviceName()).isEqualTo("Plain");
    }

    // ---- dispatch → reply

    private static CompletableFuture<RemoteMessage> dispatch(InboundDispatcher d, RemoteMessage req) {
        CompletableFuture<RemoteMessage> reply = new CompletableFuture<>();
        d.route(req);
        d.dispatch(req, sink(reply));
        return reply;
    }

    private static ReplySink sink(CompletableFuture<RemoteMessage> reply) {
        return new ReplySink() {
            @Override
            public void reply(RemoteMessage r) {
                if (!reply.complete(r)) {
                    throw new AssertionError("a second reply");
                }
            }

            @Override
            public void done() {
                reply.complete(null);
            }
        };
    }

    @Test
    void handlerFailuresBecomeExceptionRepliesWithTheRawErrorBeside() throws Exception {
        InboundDispatcher d = dispatcher();
        IllegalStateException boom = new IllegalStateException("boom");
        fx.echo = r -> {
            throw boom;
        };
        RemoteMessage r = await(dispatch(d, grpcRequest("test.v1.Streams", "Echo").body("x")));
        assertThat(r.messageType()).isEqualTo(MessageType.EXCEPTION);
        assertThat(r.error()).isSameAs(boom);
        assertThat(((ApplicationException) r.body()).typeId()).isEqualTo(ApplicationException.INTERNAL_ERROR);
        assertThat(((ApplicationException) r.body()).getMessage()).isEqualTo("biz error: boom");
        assertThat(r.transport()).isEqualTo(TransportProtocol.GRPC);
        assertThat(r.methodName()).isEqualTo("Echo");

        StatusException notFound = new StatusException(StatusCode.NOT_FOUND, "no such item");
        fx.echo = req -> {
            throw notFound;
        };
        RemoteMessage s = await(dispatch(d, grpcRequest("test.v1.Streams", "Echo").body("x")));
        assertThat(s.messageType()).isEqualTo(MessageType.EXCEPTION);
        assertThat(s.error()).isSameAs(notFound);
        assertThat(((ApplicationException) s.body()).getMessage()).isEqualTo("biz error: no such item");

        ApplicationException app = new ApplicationException(ApplicationException.PROTOCOL_ERROR, "custom");
        fx.echo = req -> {
            throw app;
        };
        RemoteMessage a = await(dispatch(d, grpcRequest("test.v1.Streams", "Echo").body("x")));
        assertThat(a.error()).isSameAs(app);
        assertThat(((ApplicationException) a.body()).typeId()).isEqualTo(ApplicationException.PROTOCOL_ERROR);
        assertThat(((ApplicationException) a.body()).getMessage()).isEqualTo("custom [biz error]");

        AssertionError panic = new AssertionError("oops");
        fx.echo = req -> {
            throw panic;
        };
        RemoteMessage p = await(dispatch(d, grpcRequest("test.v1.Streams", "Echo").body("x")));
        assertThat(p.error()).isSameAs(panic);
        assertThat(((ApplicationException) p.body()).getMessage()).startsWith("panic: ");
    }

    @Test
    void aBizStatusIsAReplyWithTheErrorAndItsTrailerKeys() throws Exception {
        InboundDispatcher d = dispatcher();
        BizStatusException biz = new BizStatusException(1001, "insufficient", Map.of("k", "v"));
        fx.echo = r -> {
            throw biz;
        };
        RemoteMessage r = await(dispatch(d, grpcRequest("test.v1.Streams", "Echo").body("x")));
        assertThat(r.messageType()).isEqualTo(MessageType.REPLY);
        assertThat(r.body()).isNull();
        assertThat(r.error()).isSameAs(biz);
        assertThat(r.strInfo()).containsEntry("biz-status", "1001").containsEntry("biz-extra", "{\"k\":\"v\"}");
        assertThat(r.intInfo()).as("no TTHeader keys over gRPC").isEmpty();
    }

    @Test
    void aSuccessIsAReplyWithTheResultAndTheRequestsCallHeaders() throws Exception {
        InboundDispatcher d = dispatcher();
        RemoteMessage req = grpcRequest("test.v1.Streams", "Echo").body("hi");
        RemoteMessage r = await(dispatch(d, req));
        assertThat(r.messageType()).isEqualTo(MessageType.REPLY);
        assertThat(r.body()).isEqualTo("hi");
        assertThat(r.error()).isNull();
        assertThat(r.callHeaders()).isSameAs(req.callHeaders());
        assertThat(r.seqId()).isEqualTo(req.seqId());
    }

    /** A stream the test drives: records sends, answers receives from a list then ends. */
    static final class ScriptedStream implements Stream {
        final List<Object> sent = Collections.synchronizedList(new ArrayList<>());
        final List<Object> inbox;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        ScriptedStream(Object... inbox) {
            this.inbox = new ArrayList<>(List.of(inbox));
        }

        @Override
        public CompletableFuture<Void> send(Object message) {
            sent.add(message);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public synchronized CompletableFuture<Object> receive() {
            return CompletableFuture.completedFuture(inbox.isEmpty() ? null : inbox.remove(0));
        }

        @Override
        public CompletableFuture<Void> closeSend() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void cancel(Throwable cause) {
            done.completeExceptionally(cause);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public CompletableFuture<Void> done() {
            return done;
        }
    }

    private static CompletableFuture<RemoteMessage> dispatchStream(InboundDispatcher d, RemoteMessage req, Stream s) {
        CompletableFuture<RemoteMessage> reply = new CompletableFuture<>();
        d.route(req);
        d.dispatchStream(req, s, sink(reply));
        return reply;
    }

    @Test
    void aStreamThatEndsNormallyGetsAnEmptyReply() throws Exception {
        InboundDispatcher d = dispatcher();
        ScriptedStream s = new ScriptedStream("a", "b");
        RemoteMessage r = await(dispatchStream(d, grpcRequest("test.v1.Streams", "Chat"), s));
        assertThat(r.messageType()).isEqualTo(MessageType.REPLY);
        assertThat(r.body()).isNull();
        assertThat(r.error()).isNull();
        assertThat(s.sent).containsExactly("A", "B");
    }

    @Test
    void aStreamHandlerFailureGetsAnExceptionReplyWithTheRawError() throws Exception {
        InboundDispatcher d = dispatcher();
        StatusException denied = new StatusException(StatusCode.PERMISSION_DENIED, "denied");
        fx.chat = s -> {
            s.send("first");
            throw denied;
        };
        ScriptedStream s = new ScriptedStream();
        RemoteMessage r = await(dispatchStream(d, grpcRequest("test.v1.Streams", "Chat"), s));
        assertThat(r.messageType()).isEqualTo(MessageType.EXCEPTION);
        assertThat(r.error()).isSameAs(denied);
        assertThat(((ApplicationException) r.body()).typeId()).isEqualTo(ApplicationException.INTERNAL_ERROR);
        assertThat(s.sent).containsExactly("first");

        BizStatusException biz = new BizStatusException(9, "nine");
        fx.chat = st -> {
            throw biz;
        };
        RemoteMessage b = await(dispatchStream(d, grpcRequest("test.v1.Streams", "Chat"), new ScriptedStream()));
        assertThat(b.messageType()).isEqualTo(MessageType.REPLY);
        assertThat(b.error()).isSameAs(biz);
        assertThat(b.strInfo()).containsEntry("biz-status", "9");
    }

    @Test
    void aStreamHandlerNeverRunsOnTheDispatchingThreadEvenWithIoThreadExecution() throws Exception {
        fx = new StreamsFixture(b -> b.handlerExecution(HandlerExecution.IO_THREAD));
        InboundDispatcher d = fx.transport().dispatcher();
        AtomicReference<Thread> handlerThread = new AtomicReference<>();
        fx.chat = s -> handlerThread.set(Thread.currentThread());
        fx.echo = r -> {
            handlerThread.set(Thread.currentThread());
            return r;
        };
        await(dispatchStream(d, grpcRequest("test.v1.Streams", "Chat"), new ScriptedStream()));
        assertThat(handlerThread.get()).isNotNull().isNotSameAs(Thread.currentThread());
        // a unary handler with IO_THREAD runs right there
        await(dispatch(d, grpcRequest("test.v1.Streams", "Echo").body("x")));
        assertThat(handlerThread.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void theRequestDeadlineBecomesTheServersRpcTimeout() throws Exception {
        InboundDispatcher d = dispatcher();
        AtomicReference<java.time.Duration> timeout = new AtomicReference<>();
        fx.echo = r -> {
            timeout.set(io.kitex4j.context.RpcContext.current().rpcInfo().config().rpcTimeout());
            return r;
        };
        RemoteMessage req = grpcRequest("test.v1.Streams", "Echo").body("x")
                .deadlineNanos(System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos());
        await(dispatch(d, req));
        assertThat(timeout.get()).isPositive().isLessThanOrEqualTo(java.time.Duration.ofSeconds(30));

        RemoteMessage none = grpcRequest("test.v1.Streams", "Echo").body("x");
        await(dispatch(d, none));
        assertThat(timeout.get()).isZero();
    }

    @Test
    void theLoopbackTransportIsChosenOnlyByName() {
        LoopbackTransportProvider p = new LoopbackTransportProvider();
        assertThat(p.name()).isEqualTo("loopback");
        assertThat(p.priority()).isEqualTo(Integer.MIN_VALUE);
        assertThat(io.kitex4j.internal.common.Transports.find("loopback")).isInstanceOf(LoopbackTransportProvider.class);
        assertThat(Server.builder().address(new InetSocketAddress(0)).buildOptions().transportName()).isNull();
    }
}
