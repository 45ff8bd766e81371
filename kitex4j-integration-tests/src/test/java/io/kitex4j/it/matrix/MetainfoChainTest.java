package io.kitex4j.it.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.client.Client;
import io.kitex4j.context.RpcContext;
import io.kitex4j.examples.echo.EchoError;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.RpcInfo;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.HandlerExecution;
import io.kitex4j.server.Server;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Metainfo along A → B → C over TTHeader (§1.7): transient values reach one hop, persistent
 * values the whole chain, backward values come back one hop; plus the rpcinfo each hop sees.
 */
class MetainfoChainTest {
    static final String A_NAME = "svc-A";
    static final String B_NAME = "svc-B";

    /** What each hop saw, keyed "B.t", "C.p", ... ({@code "<null>"} for null). */
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    static final Map<HandlerExecution, Server> B = new EnumMap<>(HandlerExecution.class);
    static final Map<HandlerExecution, Server> C = new EnumMap<>(HandlerExecution.class);
    /** B's client to C, set per test (it depends on the payload and transport under test). */
    static volatile EchoService.Stub downstream;

    static void see(String key, String value) {
        SEEN.put(key, value == null ? "<null>" : value);
    }

    static void record(String hop, RpcContext ctx) {
        see(hop + ".t", ctx.metainfo().value("t"));
        see(hop + ".p", ctx.metainfo().persistentValue("p"));
        RpcInfo info = ctx.rpcInfo();
        see(hop + ".side", info == null ? null : info.side().name());
        see(hop + ".from.service", info == null ? null : info.from().serviceName());
        see(hop + ".from.method", info == null ? null : info.from().method());
        see(hop + ".to.service", info == null ? null : info.to().serviceName());
        see(hop + ".to.method", info == null ? null : info.to().method());
        see(hop + ".transport", info == null ? null : info.config().transportProtocol().name());
        see(hop + ".payload", info == null ? null : info.config().payloadProtocol().name());
    }

    /** B: records, sends a backward value, and calls C from inside its handler. */
    static final class HopB implements EchoService.Iface {
        @Override
        public EchoResponse echo(EchoRequest req) throws EchoError {
            RpcContext ctx = RpcContext.current();
            record("B", ctx);
            see("B.sendBackward", String.valueOf(ctx.sendBackwardValue("bk", "from-B")));
            // A transient value B adds itself reaches C (one hop from B).
            EchoResponse c;
            try {
                c = ctx.withValue("bt", "from-B").call(() -> downstream.echo(new EchoRequest("to-C")));
            } catch (RuntimeException | EchoError x) {
                throw x;
            } catch (Exception x) {
                throw new IllegalStateException(x);
            }
            // After the downstream call, the handler's own context is current again.
            see("B.afterCall.t", RpcContext.current().metainfo().value("t"));
            return new EchoResponse("B(" + c.getMessage() + ")");
        }

        @Override
        public void fire(EchoRequest req) {}
    }

    /** C: records; its backward value must not reach A (B did not ask for one). */
    static final class HopC implements EchoService.Iface {
        @Override
        public EchoResponse echo(EchoRequest req) {
            RpcContext ctx = RpcContext.current();
            record("C", ctx);
            see("C.bt", ctx.metainfo().value("bt"));
            ctx.sendBackwardValue("ck", "from-C");
            return new EchoResponse("C:" + req.getMessage());
        }

        @Override
        public void fire(EchoRequest req) {}
    }

    @BeforeAll
    static void startServers() throws Exception {
        for (HandlerExecution e : Matrix.EXECUTIONS) {
            C.put(e, Matrix.startServer(e, EchoService.definition(new HopC())));
            B.put(e, Matrix.startServer(e, EchoService.definition(new HopB())));
        }
    }

    @AfterEach
    void clear() {
        SEEN.clear();
    }

    @AfterAll
    static void stopServers() {
        B.values().forEach(Matrix::stopQuietly);
        C.values().forEach(Matrix::stopQuietly);
        B.clear();
        C.clear();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsTTHeaderTransportsAndExecutions")
    void transientReachesOneHopPersistentTheWholeChainBackwardComesBack(PayloadProtocol p, TransportProtocol t,
                                                                        HandlerExecution e) throws Exception {
        try (Client bToC = Matrix.client(EchoService.DESCRIPTOR, C.get(e).address(), p, t, b -> b.clientServiceName(B_NAME));
             Client aToB = Matrix.client(EchoService.DESCRIPTOR, B.get(e).address(), p, t, b -> b.clientServiceName(A_NAME))) {
            downstream = new EchoService.Stub(bToC);
            EchoService.Stub stub = new EchoService.Stub(aToB);

            RpcContext ctx = RpcContext.current().withValue("t", "tv").withPersistentValue("p", "pv").withBackwardReceiver();
            EchoResponse r = ctx.call(() -> stub.echo(new EchoRequest("from-A")));
            assertThat(r.getMessage()).isEqualTo("B(C:to-C)");

            // B (first hop) sees both values.
            assertThat(SEEN).containsEntry("B.t", "tv").containsEntry("B.p", "pv");
            // C (second hop) sees the persistent value but not the transient one.
            assertThat(SEEN).containsEntry("C.p", "pv").containsEntry("C.t", "<null>");
            // ... but does see the transient value B added.
            assertThat(SEEN).containsEntry("C.bt", "from-B");
            // B could send a backward value; A received it, and nothing of C's.
            assertThat(SEEN).containsEntry("B.sendBackward", "true");
            assertThat(ctx.receivedBackwardValues()).containsEntry("bk", "from-B").doesNotContainKey("ck");
            // B's context is restored after its own downstream call.
            assertThat(SEEN).containsEntry("B.afterCall.t", "tv");

            // rpcinfo at B: caller is A's client service name, callee method echo.
            assertThat(SEEN).containsEntry("B.side", "SERVER")
                    .containsEntry("B.from.service", A_NAME)
                    .containsEntry("B.from.method", "") // A called from outside any handler
                    .containsEntry("B.to.service", "EchoService")
                    .containsEntry("B.to.method", "echo")
                    .containsEntry("B.transport", t.name())
                    .containsEntry("B.payload", p.name());
            // rpcinfo at C: caller is B, calling from inside its handler of method echo.
            assertThat(SEEN).containsEntry("C.from.service", B_NAME)
                    .containsEntry("C.from.method", "echo")
                    .containsEntry("C.to.method", "echo");

            // The caller's thread context is untouched by the call.
            assertThat(RpcContext.current().metainfo().isEmpty()).isTrue();
            assertThat(RpcContext.current().rpcInfo()).isNull();
        } finally {
            downstream = null;
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsAndTTHeaderTransports")
    void withoutBackwardReceiverNothingIsCollectedAndCallsWithoutMetainfoSeeNone(PayloadProtocol p, TransportProtocol t)
            throws Exception {
        HandlerExecution e = HandlerExecution.DEFAULT;
        try (Client bToC = Matrix.client(EchoService.DESCRIPTOR, C.get(e).address(), p, t, b -> b.clientServiceName(B_NAME));
             Client aToB = Matrix.client(EchoService.DESCRIPTOR, B.get(e).address(), p, t)) {
            downstream = new EchoService.Stub(bToC);
            RpcContext ctx = RpcContext.current().withPersistentValue("p", "pv"); // no backward receiver
            assertThat(ctx.call(() -> new EchoService.Stub(aToB).echo(new EchoRequest("x"))).getMessage())
                    .isEqualTo("B(C:to-C)");
            assertThat(ctx.receivedBackwardValues()).isEmpty();
            assertThat(SEEN).containsEntry("B.p", "pv").containsEntry("C.p", "pv").containsEntry("B.t", "<null>");
            assertThat(SEEN).containsEntry("B.from.service", ""); // no client service name configured

            // A plain call with no context at all: no metainfo anywhere.
            SEEN.clear();
            new EchoService.Stub(aToB).echo(new EchoRequest("y"));
            assertThat(SEEN).containsEntry("B.p", "<null>").containsEntry("C.p", "<null>");
        } finally {
            downstream = null;
        }
    }

    /** Over Framed/Buffered there is no header to carry metainfo: nothing arrives, nothing breaks. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsAndPlainTransports")
    void overFramedOrBufferedMetainfoIsNotCarried(PayloadProtocol p, TransportProtocol t) throws Exception {
        HandlerExecution e = HandlerExecution.DEFAULT;
        try (Client bToC = Matrix.client(EchoService.DESCRIPTOR, C.get(e).address(), p, t, b -> b.clientServiceName(B_NAME));
             Client aToB = Matrix.client(EchoService.DESCRIPTOR, B.get(e).address(), p, t, b -> b.clientServiceName(A_NAME))) {
            downstream = new EchoService.Stub(bToC);
            RpcContext ctx = RpcContext.current().withValue("t", "tv").withPersistentValue("p", "pv").withBackwardReceiver();
            assertThat(ctx.call(() -> new EchoService.Stub(aToB).echo(new EchoRequest("x"))).getMessage())
                    .isEqualTo("B(C:to-C)");
            assertThat(SEEN).containsEntry("B.t", "<null>").containsEntry("B.p", "<null>")
                    .containsEntry("B.from.service", "") // FromService travels in TTHeader only
                    .containsEntry("B.transport", t.name());
            assertThat(ctx.receivedBackwardValues()).isEmpty();
        } finally {
            downstream = null;
        }
    }
}
