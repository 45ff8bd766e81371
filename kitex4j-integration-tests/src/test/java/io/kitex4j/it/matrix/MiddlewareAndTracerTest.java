package io.kitex4j.it.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kitex4j.client.Client;
import io.kitex4j.context.RpcContext;
import io.kitex4j.endpoint.Middleware;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.examples.echo.EchoError;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.RpcInfo;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.HandlerExecution;
import io.kitex4j.server.Server;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.stats.StatsEvent;
import io.kitex4j.stats.StatsLevel;
import io.kitex4j.stats.Tracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One client middleware, one server middleware and a tracer on each side see every call, in
 * order, with the right {@link RpcInfo}, and observe failures.
 */
class MiddlewareAndTracerTest {
    static final String CLIENT_NAME = "mw-client";
    static final RpcContext.Key<String> SPAN = RpcContext.Key.of("span");

    /** One observation: who, which phase, a snapshot of the rpcinfo, the error seen. */
    record Event(long order, String who, String phase, RpcInfo info, int seqId, Throwable error, Object response,
                 String span) {
        @Override
        public String toString() {
            return who + "." + phase;
        }
    }

    static final AtomicLong ORDER = new AtomicLong();
    static final List<Event> EVENTS = new ArrayList<>();

    static void add(String who, String phase, RpcContext ctx, Throwable error, Object response) {
        RpcInfo info = ctx.rpcInfo();
        synchronized (EVENTS) {
            EVENTS.add(new Event(ORDER.incrementAndGet(), who, phase, info, info.invocation().seqId(), error, response,
                    ctx.attribute(SPAN)));
            EVENTS.notifyAll();
        }
    }

    static Middleware recordingMiddleware(String who) {
        return next -> (ctx, req) -> {
            add(who, "before", ctx, null, null);
            return next.invoke(ctx, req).whenComplete((resp, err) -> add(who, "after", ctx, err, resp));
        };
    }

    static Tracer recordingTracer(String who) {
        return new Tracer() {
            @Override
            public RpcContext start(RpcContext ctx) {
                add(who, "start", ctx, null, null);
                return ctx.withAttribute(SPAN, who + "-span");
            }

            @Override
            public void finish(RpcContext ctx) {
                add(who, "finish", ctx, ctx.rpcInfo().stats().error(), null);
            }
        };
    }

    static final Map<HandlerExecution, Server> SERVERS = new EnumMap<>(HandlerExecution.class);

    @BeforeAll
    static void startServers() throws Exception {
        for (HandlerExecution e : Matrix.EXECUTIONS) {
            SERVERS.put(e, Matrix.startServer(e, b -> b.middleware(recordingMiddleware("server-mw"))
                    .tracer(recordingTracer("server-tracer")), EchoService.definition(new ScriptedEcho())));
        }
    }

    @AfterAll
    static void stopServers() {
        SERVERS.values().forEach(Matrix::stopQuietly);
        SERVERS.clear();
    }

    @BeforeEach
    void clearEvents() {
        synchronized (EVENTS) {
            EVENTS.clear();
        }
    }

    /** Waits (bounded) until {@code n} events exist: the server tracer finishes after its reply is sent. */
    static List<Event> awaitEvents(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (EVENTS) {
            while (EVENTS.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(EVENTS, left);
            }
            return new ArrayList<>(EVENTS);
        }
    }

    static List<Event> of(List<Event> events, String who) {
        return events.stream().filter(ev -> ev.who().startsWith(who)).collect(Collectors.toList());
    }

    static Event find(List<Event> events, String who, String phase) {
        return events.stream().filter(ev -> ev.who().equals(who) && ev.phase().equals(phase)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + who + "." + phase + " in " + events));
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    Client newClient(PayloadProtocol p, TransportProtocol t, HandlerExecution e) {
        return Matrix.client(EchoService.DESCRIPTOR, SERVERS.get(e).address(), p, t,
                b -> b.clientServiceName(CLIENT_NAME)
                        .middleware(recordingMiddleware("client-mw"))
                        .tracer(recordingTracer("client-tracer")));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsTransportsAndExecutions")
    void middlewaresAndTracersSeeEveryCallInOrderWithTheRightRpcInfo(PayloadProtocol p, TransportProtocol t,
                                                                     HandlerExecution e) throws Exception {
        try (Client client = newClient(p, t, e)) {
            EchoService.Stub stub = new EchoService.Stub(client);
            for (int call = 0; call < 3; call++) {
                clearEvents();
                assertThat(stub.echo(new EchoRequest("m" + call)).getMessage()).isEqualTo("m" + call);
                List<Event> ev = awaitEvents(8);
                assertThat(ev).hasSize(8);

                // Each side in its own order.
                assertThat(of(ev, "client").stream().map(Event::toString))
                        .containsExactly("client-tracer.start", "client-mw.before", "client-mw.after", "client-tracer.finish");
                assertThat(of(ev, "server").stream().map(Event::toString))
                        .containsExactly("server-tracer.start", "server-mw.before", "server-mw.after", "server-tracer.finish");
                // Across the wire: the server's work nests inside the client middleware.
                assertThat(find(ev, "client-mw", "before").order()).isLessThan(find(ev, "server-tracer", "start").order());
                assertThat(find(ev, "server-mw", "after").order()).isLessThan(find(ev, "client-mw", "after").order());

                // Client side rpcinfo.
                Event cAfter = find(ev, "client-mw", "after");
                RpcInfo ci = cAfter.info();
                assertThat(ci.side()).isEqualTo(RpcInfo.Side.CLIENT);
                assertThat(ci.from().serviceName()).isEqualTo(CLIENT_NAME);
                assertThat(ci.to().serviceName()).isEqualTo("EchoService");
                assertThat(ci.to().method()).isEqualTo("echo");
                assertThat(ci.to().address()).isEqualTo(SERVERS.get(e).address());
                assertThat(ci.invocation().serviceName()).isEqualTo("EchoService");
                assertThat(ci.invocation().packageName()).isEqualTo("echo");
                assertThat(ci.invocation().methodName()).isEqualTo("echo");
                assertThat(cAfter.seqId()).isPositive();
                assertThat(ci.config().transportProtocol()).isEqualTo(t);
                assertThat(ci.config().payloadProtocol()).isEqualTo(p);
                assertThat(ci.config().interactionMode()).isEqualTo(InteractionMode.PING_PONG);
                assertThat(ci.config().rpcTimeout()).isEqualTo(Duration.ofSeconds(5));
                assertThat(cAfter.error()).isNull();
                // All four client observations are about the same call object.
                assertThat(of(ev, "client")).allSatisfy(x -> assertThat(x.info()).isSameAs(ci));
                // The tracer's context reaches the middleware.
                assertThat(find(ev, "client-mw", "before").span()).isEqualTo("client-tracer-span");

                // Server side rpcinfo.
                Event sAfter = find(ev, "server-mw", "after");
                RpcInfo si = sAfter.info();
                assertThat(si.side()).isEqualTo(RpcInfo.Side.SERVER);
                assertThat(si.to().serviceName()).isEqualTo("EchoService");
                assertThat(si.to().method()).isEqualTo("echo");
                assertThat(si.invocation().seqId()).isEqualTo(cAfter.seqId());
                assertThat(si.config().transportProtocol()).as("detected transport").isEqualTo(t);
                assertThat(si.config().payloadProtocol()).as("detected payload").isEqualTo(p);
                assertThat(si.from().serviceName()).isEqualTo(t.isTTHeader() ? CLIENT_NAME : "");
                assertThat(si.from().address()).isNotNull();
                // An explicit client timeout travels as TTHeader key 12; Framed/Buffered cannot carry it.
                assertThat(si.config().rpcTimeout()).isEqualTo(t.isTTHeader() ? Duration.ofSeconds(5) : Duration.ZERO);
                assertThat(sAfter.error()).isNull();
                assertThat(find(ev, "server-mw", "before").span()).isEqualTo("server-tracer-span");
                assertThat(of(ev, "server")).allSatisfy(x -> assertThat(x.info()).isSameAs(si));

                // Stats are recorded once a tracer is installed (DETAILED by default).
                assertThat(ci.stats().level()).isEqualTo(StatsLevel.DETAILED);
                assertThat(ci.stats().eventNanos(StatsEvent.RPC_START)).isPositive();
                assertThat(ci.stats().eventNanos(StatsEvent.RPC_FINISH))
                        .isGreaterThanOrEqualTo(ci.stats().eventNanos(StatsEvent.RPC_START));
                assertThat(ci.stats().sendSize()).isPositive();
                assertThat(ci.stats().recvSize()).isPositive();
                assertThat(si.stats().eventNanos(StatsEvent.SERVER_HANDLE_START)).isPositive();
                assertThat(si.stats().recvSize()).isEqualTo(ci.stats().sendSize());
                assertThat(si.stats().sendSize()).isEqualTo(ci.stats().recvSize());
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsTransportsAndExecutions")
    void middlewaresAndTracersObserveFailures(PayloadProtocol p, TransportProtocol t, HandlerExecution e) throws Exception {
        try (Client client = newClient(p, t, e)) {
            EchoService.Stub stub = new EchoService.Stub(client);

            // An undeclared handler exception: an RPC failure on both sides.
            Throwable err = catchThrowable(() -> stub.echo(new EchoRequest("boom")));
            assertThat(err).isInstanceOf(RemoteApplicationException.class);
            List<Event> ev = awaitEvents(8);
            assertThat(ev).hasSize(8);
            assertThat(unwrap(find(ev, "client-mw", "after").error())).isSameAs(err);
            assertThat(find(ev, "client-tracer", "finish").error()).isSameAs(err);
            assertThat(find(ev, "server-mw", "after").error()).isInstanceOf(RuntimeException.class).hasMessage("boom");
            assertThat(find(ev, "server-tracer", "finish").error()).isInstanceOf(RuntimeException.class).hasMessage("boom");
            assertThat(find(ev, "client-tracer", "finish").info().stats().error()).isSameAs(err);

            // A declared exception is a successful RPC carrying the exception in its result.
            clearEvents();
            assertThat(catchThrowable(() -> stub.echo(new EchoRequest("error")))).isInstanceOf(EchoError.class);
            ev = awaitEvents(8);
            assertThat(ev).extracting(Event::error).containsOnlyNulls();
            assertThat(((EchoService.EchoResult) find(ev, "client-mw", "after").response()).err)
                    .isEqualTo(new EchoError(42, "declared failure"));
        }
    }

    /**
     * BUG (kitex4j-core DefaultClient.transportEndpoint): a user client middleware is handed a
     * {@link CompletionException} wrapping the RpcException when the peer answers with an error,
     * because the reply is mapped in {@code thenApply} and the mapping throws. A local failure
     * (connect error) arrives unwrapped, and server middlewares always see the raw exception, so
     * middlewares cannot test {@code err instanceof RpcException} reliably. The
     * {@link io.kitex4j.endpoint.Endpoint} contract says failures complete the future with the
     * RpcException itself.
     */
    @org.junit.jupiter.api.Test
    void clientMiddlewareSeesTheRpcExceptionItselfNotACompletionException() throws Exception {
        try (Client client = newClient(PayloadProtocol.THRIFT_BINARY, TransportProtocol.FRAMED, HandlerExecution.DEFAULT)) {
            Throwable err = catchThrowable(() -> new EchoService.Stub(client).echo(new EchoRequest("boom")));
            assertThat(err).isInstanceOf(RemoteApplicationException.class);
            List<Event> ev = awaitEvents(8);
            assertThat(find(ev, "client-mw", "after").error()).isSameAs(err);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsAndTransports")
    void onewayCallsPassThroughMiddlewaresAndTracers(PayloadProtocol p, TransportProtocol t) throws Exception {
        try (Client client = newClient(p, t, HandlerExecution.DEFAULT)) {
            new EchoService.Stub(client).fire(new EchoRequest("fire"));
            List<Event> ev = awaitEvents(8);
            assertThat(ev).hasSize(8);
            assertThat(find(ev, "client-mw", "before").info().config().interactionMode()).isEqualTo(InteractionMode.ONEWAY);
            assertThat(find(ev, "client-mw", "after").response()).isNull();
            assertThat(find(ev, "client-mw", "after").error()).isNull();
            assertThat(find(ev, "server-mw", "after").info().to().method()).isEqualTo("fire");
            assertThat(find(ev, "server-mw", "after").info().config().interactionMode()).isEqualTo(InteractionMode.ONEWAY);
            assertThat(find(ev, "server-tracer", "finish").error()).isNull();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsAndTransports")
    void debugInfoListsTheOptionsSetInOrder(PayloadProtocol p, TransportProtocol t) {
        try (Client client = newClient(p, t, HandlerExecution.DEFAULT)) {
            List<String> info = client.options().debugInfo();
            assertThat(info).hasSize(8);
            assertThat(info.get(0)).startsWith("WithHostPorts(");
            assertThat(info.subList(1, 8)).satisfiesExactly(
                    l -> assertThat(l).isEqualTo("WithPayloadProtocol(" + p + ")"),
                    l -> assertThat(l).isEqualTo("WithTransportProtocol(" + t + ")"),
                    l -> assertThat(l).isEqualTo("WithConnectTimeout(PT2S)"),
                    l -> assertThat(l).isEqualTo("WithRPCTimeout(PT5S)"),
                    l -> assertThat(l).isEqualTo("WithClientServiceName(" + CLIENT_NAME + ")"),
                    l -> assertThat(l).startsWith("WithMiddleware("),
                    l -> assertThat(l).startsWith("WithTracer("));
            assertThat(client.options().toString()).contains("WithTracer(");

            List<String> server = SERVERS.get(HandlerExecution.DEFAULT).options().debugInfo();
            assertThat(server).anySatisfy(l -> assertThat(l).startsWith("WithMiddleware("))
                    .anySatisfy(l -> assertThat(l).startsWith("WithTracer("))
                    .contains("RegisterService(EchoService)", "WithHandlerExecution(DEFAULT)", "WithExitWaitTime(PT2S)");
        }
    }
}
