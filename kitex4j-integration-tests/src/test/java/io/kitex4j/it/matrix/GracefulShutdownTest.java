package io.kitex4j.it.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kitex4j.client.Client;
import io.kitex4j.context.RpcContext;
import io.kitex4j.errors.ConnectionException;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.HandlerExecution;
import io.kitex4j.server.Server;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Graceful shutdown with requests in flight (§7.10). */
class GracefulShutdownTest {
    static final int CALLS = 20;
    static final long HANDLER_MS = 300;
    static final Duration EXIT_WAIT = Duration.ofSeconds(3);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(PayloadProtocol.THRIFT_BINARY, TransportProtocol.TTHEADER_FRAMED),
                Arguments.of(PayloadProtocol.THRIFT_BINARY, TransportProtocol.FRAMED),
                Arguments.of(PayloadProtocol.THRIFT_COMPACT, TransportProtocol.TTHEADER_FRAMED),
                Arguments.of(PayloadProtocol.THRIFT_COMPACT, TransportProtocol.FRAMED));
    }

    /** Counts callers in, then holds each for {@link #HANDLER_MS}. */
    static final class SlowEcho implements EchoService.Iface {
        final CountDownLatch allInside = new CountDownLatch(CALLS);

        @Override
        public EchoResponse echo(EchoRequest req) {
            allInside.countDown();
            try {
                Thread.sleep(HANDLER_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new EchoResponse("interrupted-" + req.getMessage());
            }
            return new EchoResponse("done-" + req.getMessage());
        }

        @Override
        public void fire(EchoRequest req) {}
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void stopLetsRequestsInFlightFinishThenRefusesNewCalls(PayloadProtocol p, TransportProtocol t) throws Exception {
        SlowEcho handler = new SlowEcho();
        Server server = Matrix.startServer(HandlerExecution.DEFAULT, b -> b.exitWaitTime(EXIT_WAIT),
                EchoService.definition(handler));
        InetSocketAddress addr = server.address();
        ExecutorService stopper = Executors.newSingleThreadExecutor();
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, addr, p, t)) {
            EchoService.Stub stub = new EchoService.Stub(client);
            List<CompletableFuture<EchoResponse>> calls = new ArrayList<>();
            List<RpcContext> contexts = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                RpcContext ctx = RpcContext.current().withBackwardReceiver();
                contexts.add(ctx);
                String m = "r" + i;
                calls.add(ctx.call(() -> stub.echoAsync(new EchoRequest(m))));
            }
            assertThat(handler.allInside.await(10, TimeUnit.SECONDS)).as("all %d calls inside the handler", CALLS).isTrue();

            long stopStart = System.nanoTime();
            Future<Long> stopped = stopper.submit(() -> {
                server.stop();
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStart);
            });

            for (int i = 0; i < CALLS; i++) {
                assertThat(calls.get(i).get(10, TimeUnit.SECONDS).getMessage()).as("call %d", i).isEqualTo("done-r" + i);
            }
            // Replies written while draining carry crrst=1 over TTHeader (the client then drops the
            // connection); Framed has no header to carry it.
            for (RpcContext ctx : contexts) {
                if (t.isTTHeader()) {
                    assertThat(ctx.receivedBackwardValues()).containsEntry("crrst", "1");
                } else {
                    assertThat(ctx.receivedBackwardValues()).isEmpty();
                }
            }
            long stopMs = stopped.get(EXIT_WAIT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            assertThat(stopMs).as("stop() duration in ms").isLessThan(EXIT_WAIT.toMillis());
            assertThat(server.address()).isEqualTo(addr);

            // Nobody listens any more: a new call cannot get a connection.
            Throwable err = catchThrowable(() -> stub.echo(new EchoRequest("after-stop")));
            assertThat(err).isInstanceOf(ConnectionException.class);
            // And again, in case the first one consumed a pooled connection.
            assertThat(catchThrowable(() -> stub.echo(new EchoRequest("after-stop-2")))).isInstanceOf(ConnectionException.class);
            // stop() is idempotent.
            server.stop();
        } finally {
            server.stop();
            stopper.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void stopOfAnIdleServerIsQuickAndRestartIsRefused(PayloadProtocol p, TransportProtocol t) throws Exception {
        Server server = Matrix.startServer(HandlerExecution.DEFAULT, b -> b.exitWaitTime(EXIT_WAIT),
                EchoService.definition(new ScriptedEcho()));
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, server.address(), p, t)) {
            assertThat(new EchoService.Stub(client).echo(new EchoRequest("x")).getMessage()).isEqualTo("x");
            long start = System.nanoTime();
            server.stop();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(EXIT_WAIT.toMillis());
            Throwable restart = catchThrowable(server::start);
            assertThat(restart).isInstanceOf(IllegalStateException.class);
        } finally {
            server.stop();
        }
    }

    /** A handler that outlives the exit wait time: stop() returns on time and the caller is told the connection went away. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void stopReturnsAfterTheExitWaitTimeEvenIfAHandlerIsStillBusy(PayloadProtocol p, TransportProtocol t) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EchoService.Iface stuck = new EchoService.Iface() {
            @Override
            public EchoResponse echo(EchoRequest req) {
                inside.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new EchoResponse("late");
            }

            @Override
            public void fire(EchoRequest req) {}
        };
        Duration exitWait = Duration.ofMillis(300);
        // The server's tracer finishes right after the reply was attempted: the test waits on that,
        // not on a clock, before the leak check at the end of the class looks for its buffer.
        CountDownLatch replyAttempted = new CountDownLatch(1);
        Server server = Matrix.startServer(HandlerExecution.DEFAULT,
                b -> b.exitWaitTime(exitWait).tracer(ctx -> replyAttempted.countDown()),
                EchoService.definition(stuck));
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, server.address(), p, t)) {
            CompletableFuture<EchoResponse> call = new EchoService.Stub(client).echoAsync(new EchoRequest("x"));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            server.stop();
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(took).as("stop() duration in ms").isGreaterThanOrEqualTo(exitWait.toMillis() - 20)
                    .isLessThan(exitWait.toMillis() + 2_000);
            Throwable err = catchThrowable(() -> call.get(5, TimeUnit.SECONDS));
            assertThat(err).hasCauseInstanceOf(io.kitex4j.errors.RemoteOrNetworkException.class);
            assertThat(err.getCause()).hasMessageContaining("closed");
        } finally {
            release.countDown(); // the handler now replies into a closed connection and a stopped event loop
            server.stop();
        }
        assertThat(replyAttempted.await(5, TimeUnit.SECONDS)).as("late reply attempted").isTrue();
    }
}
