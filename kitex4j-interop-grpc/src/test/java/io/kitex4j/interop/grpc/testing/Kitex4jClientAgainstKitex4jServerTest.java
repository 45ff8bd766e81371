package io.kitex4j.interop.grpc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.testing.integration.Messages.ResponseParameters;
import io.grpc.testing.integration.Messages.SimpleRequest;
import io.grpc.testing.integration.Messages.SimpleResponse;
import io.grpc.testing.integration.Messages.StreamingOutputCallRequest;
import io.grpc.testing.integration.Messages.StreamingOutputCallResponse;
import io.grpc.testing.integration.TestService;
import io.kitex4j.client.CallOptions;
import io.kitex4j.client.Client;
import io.kitex4j.context.CallHeaders;
import io.kitex4j.server.Server;
import io.kitex4j.streaming.ClientStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our client against our server, both in this JVM: the cases grpc-java's server cannot judge
 * (CompressedRequest, per-message CompressedResponse on streams) run here against a server that
 * checks them, as does every other case our client can make.
 */
class Kitex4jClientAgainstKitex4jServerTest {
    private static Server server;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServiceServer.start(new InetSocketAddress("127.0.0.1", 0), false);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    static Stream<InteropTestCase> casesOurClientMakes() {
        return InteropCases.kitex4jClientAgainstKitex4jCases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesOurClientMakes")
    void kitex4jClientPassesTestCaseAgainstKitex4jServer(InteropTestCase testCase) {
        assertPasses(TestServiceClient.Target.plaintext("127.0.0.1", server.address().getPort()), testCase);
    }

    @Test
    void allRunsEveryCaseAndPassesThem() {
        // --test_case=all: 21 cases, every one passes against our own server.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int failed = TestServiceClient.run(TestServiceClient.Target.plaintext("127.0.0.1", server.address().getPort()),
                InteropTestCase.parse("all"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(failed).as(printed + err).isZero();
        assertThat(printed).contains("21 of 21 test case(s) passed against 127.0.0.1:" + server.address().getPort());
    }

    @Test
    void serverSleepsIntervalUsBeforeEachResponseAndHalfDuplexAnswersAfterTheHalfClose() throws Exception {
        // Server features no default case exercises: interval_us, HalfDuplexCall, CacheableUnaryCall,
        // and grpc-java's third echoed key (headers and trailers).
        try (Client client = TestServiceClient.newClient(TestService.DESCRIPTOR,
                TestServiceClient.Target.plaintext("127.0.0.1", server.address().getPort()))) {
            TestService.Stub stub = new TestService.Stub(client);
            StreamingOutputCallRequest.Builder request = StreamingOutputCallRequest.newBuilder();
            for (int size : new int[] {1, 2, 3}) {
                request.addResponseParameters(ResponseParameters.newBuilder().setSize(size).setIntervalUs(100_000));
            }
            long start = System.nanoTime();
            ClientStream<StreamingOutputCallRequest, StreamingOutputCallResponse> out = stub.streamingOutputCall(request.build());
            List<Integer> sizes = new ArrayList<>();
            StreamingOutputCallResponse r;
            while ((r = out.recvAsync().get(20, TimeUnit.SECONDS)) != null) {
                sizes.add(r.getPayload().getBody().size());
            }
            assertThat(sizes).containsExactly(1, 2, 3);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

            ClientStream<StreamingOutputCallRequest, StreamingOutputCallResponse> half = stub.halfDuplexCall();
            half.sendAsync(StreamingOutputCallRequest.newBuilder()
                    .addResponseParameters(ResponseParameters.newBuilder().setSize(5)).build()).get(20, TimeUnit.SECONDS);
            half.sendAsync(StreamingOutputCallRequest.newBuilder()
                    .addResponseParameters(ResponseParameters.newBuilder().setSize(7)).build()).get(20, TimeUnit.SECONDS);
            CompletableFuture<StreamingOutputCallResponse> first = half.recvAsync();
            Thread.sleep(200);
            assertThat(first).as("nothing before the half-close").isNotDone();
            half.closeSendAsync().get(20, TimeUnit.SECONDS);
            assertThat(first.get(20, TimeUnit.SECONDS).getPayload().getBody().size()).isEqualTo(5);
            assertThat(half.recvAsync().get(20, TimeUnit.SECONDS).getPayload().getBody().size()).isEqualTo(7);
            assertThat(half.recvAsync().get(20, TimeUnit.SECONDS)).isNull();

            byte[] context = {1, 2, 3};
            CallHeaders headers = new CallHeaders().addBinary(TestServiceImpl.ECHO_BOTH_KEY, context);
            SimpleResponse cached = stub.withOptions(CallOptions.DEFAULT.withHeaders(headers))
                    .cacheableUnaryCallAsync(SimpleRequest.getDefaultInstance()).get(20, TimeUnit.SECONDS);
            assertThat(cached.getPayload().getBody().toStringUtf8()).matches("[0-9]+");
            assertThat(headers.responseHeader("cache-control")).isEqualTo("max-age=60, public");
            assertThat(headers.binaryResponseHeader(TestServiceImpl.ECHO_BOTH_KEY)).isEqualTo(context);
            assertThat(headers.binaryResponseTrailer(TestServiceImpl.ECHO_BOTH_KEY)).isEqualTo(context);
        }
    }

    @Test
    void testCaseFlagTakesAllOneNameOrAList() {
        assertThat(InteropTestCase.parse("all")).containsExactly(InteropTestCase.values());
        assertThat(InteropTestCase.parse("EMPTY_UNARY")).containsExactly(InteropTestCase.EMPTY_UNARY);
        assertThat(InteropTestCase.parse("ping_pong, empty_stream")).isEqualTo(
                List.of(InteropTestCase.PING_PONG, InteropTestCase.EMPTY_STREAM));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InteropTestCase.parse("cacheable_unary"))
                .hasMessageContaining("unknown test case 'cacheable_unary'");
    }

    static void assertPasses(TestServiceClient.Target target, InteropTestCase testCase) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Throwable failure = TestServiceClient.runCase(target, testCase, new PrintStream(out, true, StandardCharsets.UTF_8));
        if (failure != null) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            throw new AssertionError(testCase.flag() + " failed against our server on " + target + ": " + failure
                    + "\n--- client ---\n" + out.toString(StandardCharsets.UTF_8) + trace, failure);
        }
    }
}
