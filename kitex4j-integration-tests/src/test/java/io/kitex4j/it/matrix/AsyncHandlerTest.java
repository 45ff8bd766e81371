package io.kitex4j.it.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kitex4j.client.Client;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.examples.echo.EchoError;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.HandlerExecution;
import io.kitex4j.server.Server;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same outcomes through a non-blocking server implementation ({@link EchoService.AsyncIface}). */
class AsyncHandlerTest {
    static final BlockingQueue<String> FIRED = new LinkedBlockingQueue<>();
    static final Map<HandlerExecution, Server> SERVERS = new EnumMap<>(HandlerExecution.class);

    static final class AsyncEcho implements EchoService.AsyncIface {
        @Override
        public CompletableFuture<EchoResponse> echo(EchoRequest req) {
            String m = req.getMessage();
            switch (m) {
                case "error":
                    return CompletableFuture.failedFuture(new EchoError(7, "async declared"));
                case "boom":
                    return CompletableFuture.failedFuture(new RuntimeException("async boom"));
                case "throw":
                    throw new IllegalStateException("thrown before any future");
                case "biz":
                    return CompletableFuture.failedFuture(new BizStatusException(503, "busy", Map.of("retry", "later")));
                case "delayed":
                    return CompletableFuture.supplyAsync(() -> new EchoResponse("delayed"),
                            CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
                default:
                    return CompletableFuture.completedFuture(new EchoResponse("async:" + m));
            }
        }

        @Override
        public CompletableFuture<Void> fire(EchoRequest req) {
            FIRED.add(req.getMessage());
            return CompletableFuture.completedFuture(null);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        for (HandlerExecution e : Matrix.EXECUTIONS) {
            SERVERS.put(e, Matrix.startServer(e, EchoService.definition(new AsyncEcho())));
        }
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(Matrix::stopQuietly);
        SERVERS.clear();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsTransportsAndExecutions")
    void asyncHandlerOutcomesMapLikeBlockingOnes(PayloadProtocol p, TransportProtocol t, HandlerExecution e)
            throws Exception {
        FIRED.clear();
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, SERVERS.get(e).address(), p, t)) {
            EchoService.Stub stub = new EchoService.Stub(client);
            assertThat(stub.echo(new EchoRequest("x")).getMessage()).isEqualTo("async:x");
            assertThat(stub.echo(new EchoRequest("delayed")).getMessage()).isEqualTo("delayed");
            // Many outstanding at once, completing on another thread.
            List<CompletableFuture<EchoResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(stub.echoAsync(new EchoRequest(i % 2 == 0 ? "delayed" : "n" + i)));
            }
            for (int i = 0; i < 10; i++) {
                assertThat(calls.get(i).get(10, TimeUnit.SECONDS).getMessage()).isEqualTo(i % 2 == 0 ? "delayed" : "async:n" + i);
            }

            assertThat(catchThrowable(() -> stub.echo(new EchoRequest("error")))).isEqualTo(new EchoError(7, "async declared"));

            Throwable boom = catchThrowable(() -> stub.echo(new EchoRequest("boom")));
            assertThat(boom).isInstanceOf(RemoteApplicationException.class)
                    .hasFieldOrPropertyWithValue("typeId", 6)
                    .hasFieldOrPropertyWithValue("remoteMessage", "biz error: async boom");

            Throwable thrown = catchThrowable(() -> stub.echo(new EchoRequest("throw")));
            assertThat(thrown).isInstanceOf(RemoteApplicationException.class)
                    .hasFieldOrPropertyWithValue("typeId", 6)
                    .hasFieldOrPropertyWithValue("remoteMessage", "biz error: thrown before any future");

            Throwable biz = catchThrowable(() -> stub.echo(new EchoRequest("biz")));
            if (t.isTTHeader()) {
                assertThat(biz).isInstanceOf(BizStatusException.class);
                assertThat(((BizStatusException) biz).statusCode()).isEqualTo(503);
                assertThat(((BizStatusException) biz).statusMessage()).isEqualTo("busy");
                assertThat(((BizStatusException) biz).extra()).isEqualTo(Map.of("retry", "later"));
            } else {
                assertThat(biz).isInstanceOf(RemoteApplicationException.class).hasFieldOrPropertyWithValue("typeId", 5);
            }

            // Oneway on its own short connection (see EchoRoundTripTest#onewayRightAfterPingPong... for why).
            try (Client oneway = Matrix.client(EchoService.DESCRIPTOR, SERVERS.get(e).address(), p, t,
                    b -> b.shortConnection())) {
                new EchoService.Stub(oneway).fire(new EchoRequest("async-fire"));
            }
            assertThat(FIRED.poll(10, TimeUnit.SECONDS)).isEqualTo("async-fire");
            assertThat(stub.echo(new EchoRequest("end")).getMessage()).isEqualTo("async:end");
        }
    }
}
