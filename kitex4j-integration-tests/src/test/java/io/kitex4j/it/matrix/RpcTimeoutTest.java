package io.kitex4j.it.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kitex4j.client.CallOptions;
import io.kitex4j.client.Client;
import io.kitex4j.errors.ErrorKind;
import io.kitex4j.errors.RpcTimeoutException;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.HandlerExecution;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RPC timeouts (§7.2): the call fails fast with {@link RpcTimeoutException}, and the connection
 * that carried it is never reused, so a late reply cannot be taken for the next call's.
 * The "slow" handler blocks, so only the DEFAULT execution is used (IO_THREAD would stall I/O).
 */
class RpcTimeoutTest extends SharedEchoServers {

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsAndTransports")
    void rpcTimeoutFailsFastAndTheLateReplyNeverReachesTheNextCall(PayloadProtocol p, TransportProtocol t) throws Exception {
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, address(HandlerExecution.DEFAULT), p, t,
                b -> b.rpcTimeout(Duration.ofMillis(150)).longConnection(1, 1, Duration.ofSeconds(30)))) {
            EchoService.Stub stub = new EchoService.Stub(client);
            // Warm the single pooled connection so the slow call would reuse it.
            assertThat(stub.echo(new EchoRequest("warm")).getMessage()).isEqualTo("warm");

            long start = System.nanoTime();
            Throwable err = catchThrowable(() -> stub.echo(new EchoRequest("slow")));
            long took = millisSince(start);
            assertThat(err).isInstanceOf(RpcTimeoutException.class);
            assertThat(((RpcTimeoutException) err).kind()).isEqualTo(ErrorKind.RPC_TIMEOUT);
            assertThat(err.getMessage()).startsWith("rpc timeout: ").contains("timeout=150ms")
                    .contains("to=EchoService").contains("method=echo");
            assertThat(took).as("timeout latency in ms").isGreaterThanOrEqualTo(140).isLessThan(700);

            // The slow handler is still running (up to 1 s). The next call must get its own reply,
            // promptly, on a fresh connection: not the late "slow" reply, and not queued behind it.
            start = System.nanoTime();
            EchoResponse next = stub.echo(new EchoRequest("next"));
            assertThat(next.getMessage()).isEqualTo("next");
            assertThat(millisSince(start)).as("next call latency in ms").isLessThan(600);

            // The caller addresses the server saw: the slow call reused the warm pooled connection,
            // and the call after the timeout came on a new one.
            Map<String, InetSocketAddress> callers = handler(HandlerExecution.DEFAULT).callers;
            assertThat(callers.get("slow")).isEqualTo(callers.get("warm"));
            assertThat(callers.get("next")).isNotNull().isNotEqualTo(callers.get("slow"));

            // Several more, across the moment the late reply is produced.
            for (int i = 0; i < 5; i++) {
                assertThat(stub.echo(new EchoRequest("more-" + i)).getMessage()).isEqualTo("more-" + i);
            }
            handler(HandlerExecution.DEFAULT).releaseSlow();
            assertThat(stub.echo(new EchoRequest("last")).getMessage()).isEqualTo("last");
        }
    }

    /** Two representative combinations keep the (timer-bound) override test short. */
    static Stream<Arguments> overrideCases() {
        return Stream.of(Arguments.of(PayloadProtocol.THRIFT_BINARY, TransportProtocol.FRAMED),
                Arguments.of(PayloadProtocol.THRIFT_COMPACT, TransportProtocol.TTHEADER_FRAMED));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overrideCases")
    void perCallRpcTimeoutOverridesTheClientTimeout(PayloadProtocol p, TransportProtocol t) throws Exception {
        // Client default 5 s; this call 100 ms.
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, address(HandlerExecution.DEFAULT), p, t)) {
            EchoService.Stub fast = new EchoService.Stub(client, CallOptions.DEFAULT.withRpcTimeout(Duration.ofMillis(100)));
            long start = System.nanoTime();
            Throwable err = catchThrowable(() -> fast.echo(new EchoRequest("slow")));
            assertThat(err).isInstanceOf(RpcTimeoutException.class);
            assertThat(err.getMessage()).contains("timeout=100ms");
            assertThat(millisSince(start)).isLessThan(700);
            // The async form fails the same way.
            Throwable async = catchThrowable(() -> fast.echoAsync(new EchoRequest("slow")).get(5, TimeUnit.SECONDS));
            assertThat(async).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RpcTimeoutException.class);
        }
        handler(HandlerExecution.DEFAULT).releaseSlow();

        // Client default 150 ms; this call 5 s, against a handler that answers after ~250 ms.
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, address(HandlerExecution.DEFAULT), p, t,
                b -> b.rpcTimeout(Duration.ofMillis(150)))) {
            EchoService.Stub patient = new EchoService.Stub(client, CallOptions.DEFAULT.withRpcTimeout(Duration.ofSeconds(5)));
            CompletableFuture<EchoResponse> call = patient.echoAsync(new EchoRequest("slow"));
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> handler(HandlerExecution.DEFAULT).releaseSlow(),
                    CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS));
            assertThat(call.get(5, TimeUnit.SECONDS).getMessage()).isEqualTo("slow");
            release.get(5, TimeUnit.SECONDS);
            // Zero per call means no timeout at all.
            EchoService.Stub none = new EchoService.Stub(client, CallOptions.DEFAULT.withRpcTimeout(Duration.ZERO));
            CompletableFuture<EchoResponse> unbounded = none.echoAsync(new EchoRequest("slow"));
            CompletableFuture.runAsync(() -> handler(HandlerExecution.DEFAULT).releaseSlow(),
                    CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS)).get(5, TimeUnit.SECONDS);
            assertThat(unbounded.get(5, TimeUnit.SECONDS).getMessage()).isEqualTo("slow");
            // Without an override the client's 150 ms applies.
            Throwable err = catchThrowable(() -> new EchoService.Stub(client).echo(new EchoRequest("slow")));
            assertThat(err).isInstanceOf(RpcTimeoutException.class);
            assertThat(err.getMessage()).contains("timeout=150ms");
        }
    }
}
