package io.kitex4j.engine;

import static io.kitex4j.engine.StreamsFixture.ASYNC_CHAT;
import static io.kitex4j.engine.StreamsFixture.ASYNC_COLLECT;
import static io.kitex4j.engine.StreamsFixture.ASYNC_SPLIT;
import static io.kitex4j.engine.StreamsFixture.CHAT;
import static io.kitex4j.engine.StreamsFixture.COLLECT;
import static io.kitex4j.engine.StreamsFixture.ECHO;
import static io.kitex4j.engine.StreamsFixture.SPLIT;
import static io.kitex4j.engine.StreamsFixture.await;
import static io.kitex4j.engine.StreamsFixture.eventually;
import static io.kitex4j.engine.StreamsFixture.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kitex4j.client.CallOptions;
import io.kitex4j.client.Client;
import io.kitex4j.context.CallHeaders;
import io.kitex4j.context.RpcContext;
import io.kitex4j.endpoint.Middleware;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.loopback.LoopbackCall;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.RpcInfo;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.stats.Tracer;
import io.kitex4j.streaming.ClientStream;
import io.kitex4j.streaming.ForwardingStream;
import io.kitex4j.streaming.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GrpcStreamingEngineTest {
    private StreamsFixture fx;

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    // ---- the three streaming kinds, sync and async handlers

    @Test
    void bidiStreamingWithABlockingHandler() throws Exception {
        fx = new StreamsFixture();
        AtomicReference<RpcInfo> seen = new AtomicReference<>();
        AtomicReference<CallHeaders> headers = new AtomicReference<>();
        fx.chat = s -> {
            seen.set(RpcContext.current().rpcInfo());
            headers.set(CallHeaders.current());
            for (String m = s.recv(); m != null; m = s.recv()) {
                s.send(m.toUpperCase());
            }
        };
        ClientStream<String, String> cs = fx.client().openStream(CHAT);
        cs.send("a");
        assertThat(cs.recv()).isEqualTo("A");
        cs.send("b");
        cs.send("c");
        cs.closeSend();
        assertThat(cs.recv()).isEqualTo("B");
        assertThat(cs.recv()).isEqualTo("C");
        assertThat(cs.recv()).isNull();
        await(cs.done());

        RpcInfo info = seen.get();
        assertThat(info.side()).isEqualTo(RpcInfo.Side.SERVER);
        assertThat(info.to().serviceName()).isEqualTo("Streams");
        assertThat(info.to().method()).isEqualTo("Chat");
        assertThat(info.invocation().packageName()).isEqualTo("test.v1");
        assertThat(info.from().serviceName()).isEqualTo("streams-client");
        assertThat(info.config().interactionMode()).isEqualTo(InteractionMode.BIDI_STREAMING);
        assertThat(info.config().transportProtocol()).isEqualTo(TransportProtocol.GRPC);
        assertThat(headers.get()).as("CallHeaders.current() inside a stream handler").isNotNull();
        assertThat(fx.call(0).replies()).isEqualTo(1);
        assertThat(fx.call(0).status()).isNull();
    }

    @Test
    void moreOpenBlockingStreamsThanHandlerPoolThreadsAreAllServed() throws Exception {
        // Each blocking handler holds a thread while its stream is open: queued behind the
        // others in a 2-thread pool, the third stream would not be answered until one ended.
        fx = new StreamsFixture(b -> b.handlerPool(2, 10));
        Client client = fx.client();
        List<ClientStream<String, String>> open = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ClientStream<String, String> cs = client.openStream(CHAT);
            cs.send("s" + i);
            open.add(cs);
        }
        for (int i = 0; i < open.size(); i++) {
            assertThat(await(open.get(i).recvAsync())).isEqualTo("S" + i);
        }
        for (ClientStream<String, String> cs : open) {
            cs.closeSend();
            assertThat(await(cs.recvAsync())).isNull();
            await(cs.done());
        }
    }

    @Test
    void bidiStreamingWithAnAsyncHandler() throws Exception {
        fx = new StreamsFixture();
        ClientStream<String, String> cs = fx.client().openStream(ASYNC_CHAT);
        cs.sendAsync("x");
        cs.sendAsync("y");
        cs.closeSendAsync();
        assertThat(await(cs.recvAsync())).isEqualTo("async:x");
        assertThat(await(cs.recvAsync())).isEqualTo("async:y");
        assertThat(await(cs.recvAsync())).isNull();
        await(cs.done());
    }

    @Test
    void clientStreamingWithBlockingAndAsyncHandlers() throws Exception {
        fx = new StreamsFixture();
        Client client = fx.client();
        ClientStream<String, String> cs = client.openStream(COLLECT);
        for (String m : List.of("a", "b", "c")) {
            cs.send(m);
        }
        assertThat(cs.closeAndRecv()).isEqualTo("a+b+c");
        await(cs.done());

        ClientStream<String, String> async = client.openStream(ASYNC_COLLECT);
        for (int i = 0; i < 10; i++) {
            async.sendAsync(Integer.toString(i)); // more than the loopback window, queued before the open
        }
        assertThat(await(async.closeAndRecvAsync())).isEqualTo("0|1|2|3|4|5|6|7|8|9");
        await(async.done());
    }

    @Test
    void serverStreamingBeyondTheTransportWindowWithBlockingAndAsyncHandlers() throws Exception {
        fx = new StreamsFixture();
        Client client = fx.client();
        ClientStream<String, String> cs = client.openStream(SPLIT);
        cs.send("20"); // five times the loopback window: the handler waits for the reader
        cs.closeSend();
        for (int i = 0; i < 20; i++) {
            assertThat(cs.recv()).isEqualTo("part" + i);
        }
        assertThat(cs.recv()).isNull();
        await(cs.done());

        ClientStream<String, String> async = client.openStream(ASYNC_SPLIT);
        async.sendAsync("12");
        async.closeSendAsync();
        for (int i = 0; i < 12; i++) {
            assertThat(await(async.recvAsync())).isEqualTo("async-part" + i);
        }
        assertThat(await(async.recvAsync())).isNull();
        await(async.done());
    }

    // ---- one middleware chain for unary and streaming calls

    /** Records what a middleware sees and counts stream messages both ways, per side. */
    static final class ObservingMiddleware implements Middleware {
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicInteger clientSent = new AtomicInteger();
        final AtomicInteger clientReceived = new AtomicInteger();
        final AtomicInteger serverSent = new AtomicInteger();
        final AtomicInteger serverReceived = new AtomicInteger();

        @Override
        public io.kitex4j.endpoint.Endpoint wrap(io.kitex4j.endpoint.Endpoint next) {
            return (ctx, req) -> {
                RpcInfo.Side side = ctx.rpcInfo().side();
                String method = ctx.rpcInfo().to().method();
                events.add(side + " " + method + " request=" + describe(req));
                Object request = req;
                if (side == RpcInfo.Side.SERVER && req instanceof Stream) {
                    request = counting((Stream) req, serverSent, serverReceived);
                }
                return next.invoke(ctx, request).thenApply(result -> {
                    events.add(side + " " + method + " result=" + describe(result));
                    if (side == RpcInfo.Side.CLIENT && result instanceof Stream) {
                        return counting((Stream) result, clientSent, clientReceived);
                    }
                    return result;
                });
            };
        }

        private static String describe(Object o) {
            return o == null ? "null" : o instanceof Stream ? "Stream" : String.valueOf(o);
        }

        private static Stream counting(Stream s, AtomicInteger sent, AtomicInteger received) {
            return new ForwardingStream(s) {
                @Override
                public CompletableFuture<Void> send(Object message) {
                    sent.incrementAndGet();
                    return super.send(message);
                }

                @Override
                public CompletableFuture<Object> receive() {
                    return super.receive().thenApply(m -> {
                        if (m != null) {
                            received.incrementAndGet();
                        }
                        return m;
                    });
                }
            };
        }
    }

    @Test
    void theSameMiddlewareSeesUnaryAndStreamingCallsOnBothSidesAndCanWrapTheStream() throws Exception {
        ObservingMiddleware mw = new ObservingMiddleware();
        fx = new StreamsFixture(b -> b.middleware(mw));
        Client client = fx.client(b -> b.middleware(mw));

        assertThat(await(client.invoke(ECHO, "hello"))).isEqualTo("hello");
        assertThat(mw.events).containsExactly(
                "CLIENT Echo request=hello", "SERVER Echo request=hello", "SERVER Echo result=hello",
                "CLIENT Echo result=hello");
        mw.events.clear();

        ClientStream<String, String> cs = client.openStream(CHAT);
        cs.send("a");
        cs.send("b");
        cs.send("c");
        cs.closeSend();
        List<String> got = new ArrayList<>();
        for (String m = cs.recv(); m != null; m = cs.recv()) {
            got.add(m);
        }
        assertThat(got).containsExactly("A", "B", "C");
        eventually(() -> mw.events.size() == 4, "both sides' results recorded");
        assertThat(mw.events).contains("CLIENT Chat request=null", "CLIENT Chat result=Stream",
                "SERVER Chat request=Stream", "SERVER Chat result=null");
        assertThat(mw.events.get(0)).isEqualTo("CLIENT Chat request=null");
        assertThat(mw.clientSent).hasValue(3);
        assertThat(mw.clientReceived).hasValue(3);
        assertThat(mw.serverReceived).hasValue(3);
        assertThat(mw.serverSent).hasValue(3);
    }

    // ---- tracers

    /** Counts starts and finishes per side; notes whether the server handler had returned at finish. */
    static final class CountingTracer implements Tracer {
        final AtomicInteger clientStarts = new AtomicInteger();
        final AtomicInteger clientFinishes = new AtomicInteger();
        final AtomicInteger serverStarts = new AtomicInteger();
        final AtomicInteger serverFinishes = new AtomicInteger();
        final AtomicBoolean handlerReturned;
        final List<String> problems = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();

        CountingTracer(AtomicBoolean handlerReturned) {
            this.handlerReturned = handlerReturned;
        }

        @Override
        public RpcContext start(RpcContext ctx) {
            (ctx.rpcInfo().side() == RpcInfo.Side.CLIENT ? clientStarts : serverStarts).incrementAndGet();
            return ctx;
        }

        @Override
        public void finish(RpcContext ctx) {
            if (!handlerReturned.get()) {
                problems.add(ctx.rpcInfo().side() + " finished before the handler returned");
            }
            if (ctx.rpcInfo().stats().error() != null) {
                errors.add(ctx.rpcInfo().stats().error());
            }
            (ctx.rpcInfo().side() == RpcInfo.Side.CLIENT ? clientFinishes : serverFinishes).incrementAndGet();
        }
    }

    @Test
    void tracersStartAndFinishOncePerStreamCallAfterTheStreamEnded() throws Exception {
        AtomicBoolean handlerReturned = new AtomicBoolean();
        CountingTracer tracer = new CountingTracer(handlerReturned);
        fx = new StreamsFixture(b -> b.tracer(tracer));
        CountDownLatch release = new CountDownLatch(1);
        fx.chat = s -> {
            try {
                for (String m = s.recv(); m != null; m = s.recv()) {
                    s.send(m);
                }
                release.await();
            } finally {
                handlerReturned.set(true);
            }
        };
        ClientStream<String, String> cs = fx.client(b -> b.tracer(tracer)).openStream(CHAT);
        cs.send("1");
        cs.send("2");
        cs.closeSend();
        assertThat(cs.recv()).isEqualTo("1");
        assertThat(cs.recv()).isEqualTo("2");
        // every message went through, but the handler has not returned: the call is still on
        assertThat(tracer.clientStarts).hasValue(1);
        assertThat(tracer.serverStarts).hasValue(1);
        assertThat(tracer.clientFinishes).hasValue(0);
        assertThat(tracer.serverFinishes).hasValue(0);

        release.countDown();
        assertThat(cs.recv()).isNull();
        await(cs.done());
        eventually(() -> tracer.clientFinishes.get() == 1 && tracer.serverFinishes.get() == 1, "both tracers finished");
        assertThat(tracer.problems).isEmpty();
        assertThat(tracer.errors).isEmpty();
        assertThat(tracer.clientStarts).hasValue(1);
        assertThat(tracer.serverStarts).hasValue(1);
    }

    @Test
    void aFailedStreamFinishesTheTracersOnceWithTheError() throws Exception {
        AtomicBoolean handlerReturned = new AtomicBoolean();
        CountingTracer tracer = new CountingTracer(handlerReturned);
        fx = new StreamsFixture(b -> b.tracer(tracer));
        fx.chat = s -> {
            handlerReturned.set(true);
            throw new IllegalStateException("boom");
        };
        ClientStream<String, String> cs = fx.client(b -> b.tracer(tracer)).openStream(CHAT);
        assertThat(failureOf(cs.recvAsync())).isInstanceOf(StatusException.class);
        eventually(() -> tracer.clientFinishes.get() == 1 && tracer.serverFinishes.get() == 1, "both tracers finished");
        assertThat(tracer.errors).hasSize(2);
        assertThat(tracer.clientStarts).hasValue(1);
        assertThat(tracer.serverStarts).hasValue(1);
    }

    // ---- errors

    @Test
    void aHandlerExceptionEndsTheStreamWithInternalAfterTheMessagesAlreadySent() throws Exception {
        fx = new StreamsFixture();
        fx.chat = s -> {
            s.send("before " + s.recv());
            throw new IllegalStateException("boom");
        };
        ClientStream<String, String> cs = fx.client().openStream(CHAT);
        cs.send("x");
        assertThat(cs.recv()).isEqualTo("before x");
        Throwable t = catchThrowable(cs::recv);
        assertThat(t).isInstanceOf(StatusException.class);
        assertThat(((StatusException) t).code()).isEqualTo(StatusCode.INTERNAL);
        assertThat(((StatusException) t).statusMessage()).contains("boom");
        assertThat(failureOf(cs.done())).isInstanceOf(StatusException.class);
        // the raw failure travelled beside its Thrift form
        Throwable raw = fx.call(0).status();
        assertThat(raw).isInstanceOf(StatusException.class);
        assertThat(fx.call(0).replies()).isEqualTo(1);
    }

    @Test
    void anAsyncHandlerFailureEndsTheStreamWithItsStatus() throws Exception {
        fx = new StreamsFixture();
        fx.asyncChat = s -> CompletableFuture.failedFuture(new StatusException(StatusCode.PERMISSION_DENIED, "no"));
        ClientStream<String, String> cs = fx.client().openStream(ASYNC_CHAT);
        Throwable t = failureOf(cs.recvAsync());
        assertThat(t).isInstanceOf(StatusException.class);
        assertThat(((StatusException) t).code()).isEqualTo(StatusCode.PERMISSION_DENIED);
    }

    @Test
    void aStatusExceptionFromTheHandlerKeepsItsCode() throws Exception {
        fx = new StreamsFixture();
        fx.chat = s -> {
            throw new StatusException(StatusCode.NOT_FOUND, "no such item");
        };
        ClientStream<String, String> cs = fx.client().openStream(CHAT);
        Throwable t = catchThrowable(cs::recv);
        assertThat(t).isInstanceOf(StatusException.class);
        assertThat(((StatusException) t).code()).isEqualTo(StatusCode.NOT_FOUND);
        assertThat(((StatusException) t).statusMessage()).isEqualTo("no such item");
    }

    @Test
    void aBizStatusExceptionTravelsAsBizStatusTrailersAndComesBackAsOne() throws Exception {
        fx = new StreamsFixture();
        fx.chat = s -> {
            s.recv();
            throw new BizStatusException(1001, "insufficient balance", Map.of("account", "42"));
        };
        CallHeaders headers = new CallHeaders();
        ClientStream<String, String> cs = fx.client().openStream(CHAT, CallOptions.DEFAULT.withHeaders(headers));
        cs.send("pay");
        Throwable t = catchThrowable(cs::recv);
        assertThat(t).isInstanceOf(BizStatusException.class);
        BizStatusException biz = (BizStatusException) t;
        assertThat(biz.statusCode()).isEqualTo(1001);
        assertThat(biz.statusMessage()).isEqualTo("insufficient balance");
        assertThat(biz.extra()).containsExactly(Map.entry("account", "42"));
        assertThat(headers.responseTrailer("biz-status")).isEqualTo("1001");
        assertThat(failureOf(cs.done())).isInstanceOf(BizStatusException.class);
    }

    @Test
    void unaryBizStatusOverGrpcComesBackAsABizStatusException() throws Exception {
        fx = new StreamsFixture();
        fx.echo = r -> {
            throw new BizStatusException(7, "not today");
        };
        Throwable t = failureOf(fx.client().invoke(ECHO, "x"));
        assertThat(t).isInstanceOf(BizStatusException.class);
        assertThat(((BizStatusException) t).statusCode()).isEqualTo(7);
        assertThat(((BizStatusException) t).statusMessage()).isEqualTo("not today");
    }

    @Test
    void unaryHandlerStatusOverGrpcKeepsItsCode() throws Exception {
        fx = new StreamsFixture();
        fx.echo = r -> {
            throw new StatusException(StatusCode.ALREADY_EXISTS, "dup");
        };
        Throwable t = failureOf(fx.client().invoke(ECHO, "x"));
        assertThat(t).isInstanceOf(StatusException.class);
        assertThat(((StatusException) t).code()).isEqualTo(StatusCode.ALREADY_EXISTS);
    }

    // ---- deadline

    @Test
    void theRpcTimeoutIsTheStreamDeadline() throws Exception {
        fx = new StreamsFixture();
        CompletableFuture<Throwable> handlerSaw = new CompletableFuture<>();
        AtomicReference<Duration> serverTimeout = new AtomicReference<>();
        fx.chat = s -> {
            serverTimeout.set(RpcContext.current().rpcInfo().config().rpcTimeout());
            try {
                s.recv(); // the client never sends
                handlerSaw.complete(null);
            } catch (RuntimeException e) {
                handlerSaw.complete(e);
                throw e;
            }
        };
        ClientStream<String, String> cs = fx.client(b -> b.rpcTimeout(Duration.ofMillis(100))).openStream(CHAT);
        Throwable t = catchThrowable(cs::recv);
        assertThat(t).isInstanceOf(StatusException.class);
        assertThat(((StatusException) t).code()).isEqualTo(StatusCode.DEADLINE_EXCEEDED);
        assertThat(failureOf(cs.done())).isInstanceOf(StatusException.class);
        StatusException late = (StatusException) failureOf(cs.sendAsync("late"));
        assertThat(late.code()).isEqualTo(StatusCode.DEADLINE_EXCEEDED);

        LoopbackCall call = fx.call(0);
        assertThat(call.clientCancels()).as("the transport stream was cancelled").isEqualTo(1);
        assertThat(StatusCode.of(call.clientCancelCause())).isEqualTo(StatusCode.DEADLINE_EXCEEDED);
        Throwable onServer = await(handlerSaw);
        assertThat(onServer).as("the handler's recv ended").isInstanceOf(StatusException.class);
        assertThat(((StatusException) onServer).code()).isEqualTo(StatusCode.CANCELLED);
        assertThat(serverTimeout.get()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aPerCallTimeoutIsTheStreamDeadlineToo() throws Exception {
        fx = new StreamsFixture();
        fx.chat = s -> s.recv();
        ClientStream<String, String> cs = fx.client()
                .openStream(CHAT, CallOptions.DEFAULT.withRpcTimeout(Duration.ofMillis(50)));
        Throwable t = failureOf(cs.recvAsync());
        assertThat(t).isInstanceOf(StatusException.class);
        assertThat(((StatusException) t).code()).isEqualTo(StatusCode.DEADLINE_EXCEEDED);
    }

    @Test
    void aStreamThatEndsInTimeIsNotCancelledByItsDeadlineTimer() throws Exception {
        fx = new StreamsFixture();
        ClientStream<String, String> cs = fx.client(b -> b.rpcTimeout(Duration.ofSeconds(30))).openStream(CHAT);
        cs.send("q");
        cs.closeSend();
        assertThat(cs.recv()).isEqualTo("Q");
        assertThat(cs.recv()).isNull();
        await(cs.done());
        assertThat(fx.call(0).clientCancels()).isZero();
    }

    // ---- cancel

    @Test
    void aClientCancelReachesTheHandler() throws Exception {
        fx = new StreamsFixture();
        CompletableFuture<Throwable> handlerSaw = new CompletableFuture<>();
        CountDownLatch started = new CountDownLatch(1);
        fx.chat = s -> {
            started.countDown();
            handlerSaw.complete(catchThrowable(s::recv));
        };
        ClientStream<String, String> cs = fx.client().openStream(CHAT);
        assertThat(started.await(StreamsFixture.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        cs.cancel();
        Throwable t = await(handlerSaw);
        assertThat(StatusCode.of(t)).isEqualTo(StatusCode.CANCELLED);
        assertThat(StatusCode.of(failureOf(cs.recvAsync()))).isEqualTo(StatusCode.CANCELLED);
    }

    @Test
    void aCancelBeforeTheStreamOpenedStillCancelsTheStreamThatOpensLater() throws Exception {
        // openStream returns at once; the user cancels while the chain is still opening. The
        // transport stream that opens afterwards must not stay open (handler, tracer and
        // transport resources would be held until the server ends it on its own).
        CompletableFuture<Void> releaseOpen = new CompletableFuture<>();
        Middleware holdOpen = next -> (ctx, req) -> next.invoke(ctx, req).thenCombine(releaseOpen, (r, v) -> r);
        fx = new StreamsFixture();
        CompletableFuture<Throwable> handlerSaw = new CompletableFuture<>();
        CountDownLatch started = new CountDownLatch(1);
        fx.chat = s -> {
            started.countDown();
            handlerSaw.complete(catchThrowable(s::recv));
        };
        ClientStream<String, String> cs = fx.client(b -> b.middleware(holdOpen)).openStream(CHAT);
        assertThat(started.await(StreamsFixture.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        cs.cancel();
        releaseOpen.complete(null);
        assertThat(StatusCode.of(failureOf(cs.recvAsync()))).isEqualTo(StatusCode.CANCELLED);
        Throwable t;
        try {
            t = await(handlerSaw);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the transport stream that opened after ClientStream.cancel() was never cancelled:"
                    + " the server handler still waits in recv()", e);
        }
        assertThat(StatusCode.of(t)).isEqualTo(StatusCode.CANCELLED);
    }

    // ---- misuse and protocol mismatch

    @Test
    void invokeOnAStreamingMethodFailsWithAClearInternalException() throws Exception {
        fx = new StreamsFixture();
        Throwable t = failureOf(fx.client().invoke(CHAT, "x"));
        assertThat(t).isInstanceOf(io.kitex4j.errors.InternalException.class)
                .hasMessageContaining("Chat").hasMessageContaining("BIDI_STREAMING").hasMessageContaining("openStream");
    }

    @Test
    void openStreamOnAUnaryMethodFailsWithAClearInternalException() throws Exception {
        fx = new StreamsFixture();
        ClientStream<String, String> cs = fx.client().openStream(ECHO);
        Throwable t = failureOf(cs.stream());
        assertThat(t).isInstanceOf(io.kitex4j.errors.InternalException.class)
                .hasMessageContaining("Echo").hasMessageContaining("PING_PONG").hasMessageContaining("invoke");
        assertThat(failureOf(cs.recvAsync())).isSameAs(t);
        assertThat(fx.transport().calls()).isEmpty();
    }

    @Test
    void openStreamOverANonGrpcTransportProtocolFailsWithAClearInternalException() throws Exception {
        fx = new StreamsFixture();
        Client framed = fx.client(b -> b.transportProtocol(TransportProtocol.TTHEADER_FRAMED));
        ClientStream<String, String> cs = framed.openStream(CHAT);
        Throwable t = failureOf(cs.stream());
        assertThat(t).isInstanceOf(io.kitex4j.errors.InternalException.class)
                .hasMessageContaining("GRPC").hasMessageContaining("TTHEADER_FRAMED");
        assertThat(fx.transport().calls()).isEmpty();
    }

    @Test
    void openStreamOfAnotherServicesMethodFails() throws Exception {
        fx = new StreamsFixture();
        io.kitex4j.service.MethodDescriptor<String, String> foreign = io.kitex4j.service.MethodDescriptor.of(
                "Chat", InteractionMode.BIDI_STREAMING, StreamsFixture.CODEC, StreamsFixture.CODEC);
        Throwable t = failureOf(fx.client().openStream(foreign).stream());
        assertThat(t).isInstanceOf(io.kitex4j.errors.InternalException.class).hasMessageContaining("not a method of");
    }

    @Test
    void anUnknownStreamingMethodFailsTheOpenWithTheServersAnswer() throws Exception {
        fx = new StreamsFixture();
        io.kitex4j.service.MethodDescriptor<String, String> missing = io.kitex4j.service.MethodDescriptor.of(
                "Missing", InteractionMode.BIDI_STREAMING, StreamsFixture.CODEC, StreamsFixture.CODEC);
        io.kitex4j.service.ServiceDescriptor newer = io.kitex4j.service.ServiceDescriptor
                .builder("Streams", io.kitex4j.service.PayloadKind.PROTOBUF).packageName("test.v1")
                .method(CHAT).method(missing).build();
        AtomicBoolean none = new AtomicBoolean(true);
        CountingTracer tracer = new CountingTracer(none);
        ClientStream<String, String> cs = fx.client(newer, b -> b.tracer(tracer)).openStream(missing);
        Throwable t = failureOf(cs.recvAsync());
        assertThat(t).isInstanceOf(StatusException.class).hasMessageContaining("Missing");
        assertThat(((StatusException) t).code()).isEqualTo(StatusCode.UNIMPLEMENTED);
        eventually(() -> tracer.clientFinishes.get() == 1, "client tracer finished");
        assertThat(tracer.errors).hasSize(1);
    }

    @Test
    void aMiddlewareThatDoesNotReturnAStreamFailsTheOpenClearly() throws Exception {
        fx = new StreamsFixture();
        AtomicBoolean none = new AtomicBoolean(true);
        CountingTracer tracer = new CountingTracer(none);
        Middleware replaces = next -> (ctx, req) -> next.invoke(ctx, req).thenApply(r -> "not a stream");
        ClientStream<String, String> cs = fx.client(b -> b.middleware(replaces).tracer(tracer)).openStream(CHAT);
        Throwable t = failureOf(cs.stream());
        assertThat(t).isInstanceOf(io.kitex4j.errors.InternalException.class).hasMessageContaining("did not return a stream");
        eventually(() -> tracer.clientFinishes.get() == 1, "client tracer finished");

        Middleware throwing = next -> (ctx, req) -> {
            throw new IllegalStateException("middleware blew up");
        };
        ClientStream<String, String> cs2 = fx.client(b -> b.middleware(throwing)).openStream(CHAT);
        assertThat(failureOf(cs2.recvAsync())).isInstanceOf(IllegalStateException.class)
                .hasMessage("middleware blew up");
    }

    @Test
    void aClosedClientOpensNoStream() throws Exception {
        fx = new StreamsFixture();
        Client client = fx.client();
        client.close();
        Throwable t = failureOf(client.openStream(CHAT).stream());
        assertThat(t).isInstanceOf(io.kitex4j.errors.InternalException.class).hasMessageContaining("closed");
        assertThat(fx.transport().calls()).isEmpty();
    }

    // ---- threads

    @Test
    void aBlockingStreamHandlerNeverRunsOnTheIoThreadEvenWithIoThreadExecution() throws Exception {
        fx = new StreamsFixture(b -> b.handlerExecution(io.kitex4j.server.HandlerExecution.IO_THREAD));
        AtomicReference<Thread> unaryThread = new AtomicReference<>();
        AtomicReference<Thread> streamThread = new AtomicReference<>();
        fx.echo = r -> {
            unaryThread.set(Thread.currentThread());
            return r;
        };
        fx.chat = s -> {
            streamThread.set(Thread.currentThread());
            for (String m = s.recv(); m != null; m = s.recv()) {
                s.send(m);
            }
        };
        Client client = fx.client();
        assertThat(await(client.invoke(ECHO, "u"))).isEqualTo("u");
        // the fixture's I/O thread runs unary handlers inline with IO_THREAD...
        assertThat(unaryThread.get()).isSameAs(fx.transport().ioThread());

        ClientStream<String, String> cs = client.openStream(CHAT);
        cs.send("s");
        assertThat(cs.recv()).isEqualTo("s");
        cs.closeSend();
        assertThat(cs.recv()).isNull();
        // ...but a stream handler, which waits for messages the I/O thread reads, never
        assertThat(streamThread.get()).isNotNull().isNotSameAs(fx.transport().ioThread())
                .isNotSameAs(Thread.currentThread());
    }

    @Test
    void streamHandlersRunOffTheIoThreadByDefault() throws Exception {
        fx = new StreamsFixture();
        AtomicReference<Thread> streamThread = new AtomicReference<>();
        fx.collect = s -> {
            streamThread.set(Thread.currentThread());
            s.recv();
            s.send("ok");
        };
        ClientStream<String, String> cs = fx.client().openStream(COLLECT);
        assertThat(cs.closeAndRecv()).isEqualTo("ok");
        assertThat(streamThread.get()).isNotSameAs(fx.transport().ioThread());
    }

    // ---- headers, metainfo and options over gRPC

    @Test
    void callHeadersMetainfoAndCallerTravelWithAStreamAndTrailersComeBack() throws Exception {
        fx = new StreamsFixture();
        AtomicReference<String> user = new AtomicReference<>();
        AtomicReference<String> transientValue = new AtomicReference<>();
        AtomicReference<String> persistentValue = new AtomicReference<>();
        AtomicReference<String> caller = new AtomicReference<>();
        fx.chat = s -> {
            CallHeaders h = CallHeaders.current();
            user.set(h.get("x-user"));
            RpcContext ctx = RpcContext.current();
            transientValue.set(ctx.metainfo().value("TRACE_ID"));
            persistentValue.set(ctx.metainfo().persistentValue("TENANT"));
            caller.set(ctx.rpcInfo().from().serviceName());
            h.setHeader("x-served-by", "loopback");
            h.setTrailer("x-handled", "yes");
            s.recv();
        };
        CallHeaders headers = new CallHeaders().add("X-User", "alice");
        Client client = fx.client();
        ClientStream<String, String> cs = RpcContext.root().withValue("TRACE_ID", "t-1").withPersistentValue("TENANT", "acme")
                .call(() -> client.openStream(CHAT, CallOptions.DEFAULT.withHeaders(headers).withCompressor("gzip")));
        cs.closeSend();
        assertThat(cs.recv()).isNull();
        await(cs.done());
        assertThat(user.get()).isEqualTo("alice");
        assertThat(transientValue.get()).isEqualTo("t-1");
        assertThat(persistentValue.get()).isEqualTo("acme");
        assertThat(caller.get()).isEqualTo("streams-client");
        assertThat(headers.responseHeader("x-served-by")).isEqualTo("loopback");
        assertThat(headers.responseTrailer("x-handled")).isEqualTo("yes");
        LoopbackCall call = fx.call(0);
        assertThat(call.clientRequest().compressor()).isEqualTo("gzip");
        assertThat(call.clientRequest().strInfo()).containsEntry("x-user", "alice")
                .containsEntry("rpc-transit-trace-id", "t-1").containsEntry("rpc-persist-tenant", "acme")
                .containsEntry("destination-service", "Streams").containsEntry("destination-method", "Chat");
        assertThat(call.serverRequest().serviceName()).isEqualTo("Streams");
        assertThat(call.clientRequest().payloadProtocol()).isEqualTo(PayloadProtocol.PROTOBUF);
    }

    @Test
    void withoutCallOptionsHeadersTheEngineStillAttachesFreshOnes() throws Exception {
        fx = new StreamsFixture();
        ClientStream<String, String> cs = fx.client().openStream(CHAT);
        cs.closeSend();
        assertThat(cs.recv()).isNull();
        assertThat(fx.call(0).clientRequest().callHeaders()).isNotNull();
        assertThat(fx.call(0).clientRequest().compressor()).isNull();
    }

    @Test
    void callOptionsCompressorAndHeaders() {
        assertThat(CallOptions.DEFAULT.withCompressor("gzip").compressor()).isEqualTo("gzip");
        assertThat(CallOptions.DEFAULT.withCompressor("identity").compressor()).isNull();
        assertThat(CallOptions.DEFAULT.withCompressor(null).compressor()).isNull();
        assertThat(catchThrowable(() -> CallOptions.DEFAULT.withCompressor("br")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("br");
        CallHeaders h = new CallHeaders();
        CallOptions o = CallOptions.DEFAULT.withRpcTimeout(Duration.ofSeconds(1)).withHeaders(h).withCompressor("gzip")
                .withConnectTimeout(Duration.ofMillis(10));
        assertThat(o.headers()).isSameAs(h);
        assertThat(o.compressor()).isEqualTo("gzip");
        assertThat(o.rpcTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.withRpcTimeout(Duration.ZERO).headers()).isSameAs(h);
        assertThat(CallOptions.DEFAULT.headers()).isNull();
        assertThat(catchThrowable(() -> CallOptions.DEFAULT.withHeaders(null))).isInstanceOf(NullPointerException.class);
    }
}
