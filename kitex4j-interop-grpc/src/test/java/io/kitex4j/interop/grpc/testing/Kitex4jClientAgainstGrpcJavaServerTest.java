package io.kitex4j.interop.grpc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our interop client (in this JVM) passes every default test case that grpc-java's own interop
 * server ({@code io.grpc.testing.integration.TestServiceServer}, a separate JVM) implements; the
 * cases it does not implement are listed in {@link InteropCases#NOT_SERVED_BY_GRPC_JAVA}. Also a
 * few cases over TLS against grpc-java's server with the interop test certificate.
 */
class Kitex4jClientAgainstGrpcJavaServerTest {
    private static GrpcJavaInterop.ServerProcess server;
    private static GrpcJavaInterop.ServerProcess tlsServer;

    @BeforeAll
    static void startGrpcJavaServers() throws Exception {
        server = GrpcJavaInterop.ServerProcess.start(false);
        tlsServer = GrpcJavaInterop.ServerProcess.start(true);
    }

    @AfterAll
    static void stopGrpcJavaServers() throws Exception {
        if (server != null) {
            server.close();
        }
        if (tlsServer != null) {
            tlsServer.close();
        }
    }

    static Stream<InteropTestCase> casesGrpcJavaServes() {
        return InteropCases.kitex4jClientAgainstGrpcJavaCases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesGrpcJavaServes")
    void kitex4jClientPassesTestCase(InteropTestCase testCase) throws Exception {
        assertPasses(TestServiceClient.Target.plaintext("127.0.0.1", server.port), testCase, server);
    }

    static Stream<InteropTestCase> tlsCases() {
        return Stream.of(InteropTestCase.LARGE_UNARY, InteropTestCase.PING_PONG);
    }

    @ParameterizedTest(name = "{0} over TLS")
    @MethodSource("tlsCases")
    void kitex4jClientPassesOverTlsTrustingTheTestCa(InteropTestCase testCase) throws Exception {
        assertPasses(new TestServiceClient.Target("127.0.0.1", tlsServer.port, TransportSettings.TEST_SERVER_HOST, true, true),
                testCase, tlsServer);
    }

    @Test
    void theListedCasesAreTheOnesGrpcJavaServerDoesNotImplement() throws Exception {
        // Documents why the three cases are left out: against grpc-java's server our client's
        // checks fail exactly where that server lacks the feature.
        TestServiceClient.Target target = TestServiceClient.Target.plaintext("127.0.0.1", server.port);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(TestServiceClient.runCase(target, InteropTestCase.CLIENT_COMPRESSED_UNARY, ps))
                .hasMessageContaining("probing UnaryCall: expected the call to fail, but it succeeded");
        assertThat(TestServiceClient.runCase(target, InteropTestCase.SERVER_COMPRESSED_STREAMING, ps))
                .hasMessageContaining("compressed flag of response 1 (compressed=true): expected true, got false");
        assertThat(InteropCases.NOT_SERVED_BY_GRPC_JAVA).containsOnlyKeys(InteropTestCase.CLIENT_COMPRESSED_UNARY,
                InteropTestCase.CLIENT_COMPRESSED_STREAMING, InteropTestCase.SERVER_COMPRESSED_STREAMING,
                InteropTestCase.CLIENT_COMPRESSED_STREAMING_NOPROBE);
        assertThat(InteropCases.kitex4jClientAgainstGrpcJavaCases()).hasSize(17)
                .contains(InteropTestCase.CLIENT_COMPRESSED_UNARY_NOPROBE, InteropTestCase.SERVER_COMPRESSED_UNARY);
    }

    static void assertPasses(TestServiceClient.Target target, InteropTestCase testCase,
                             GrpcJavaInterop.ServerProcess peer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Throwable failure = TestServiceClient.runCase(target, testCase, new PrintStream(out, true, StandardCharsets.UTF_8));
        if (failure != null) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            throw new AssertionError(testCase.flag() + " failed against grpc-java's TestServiceServer on " + target + ": "
                    + failure + "\n--- client ---\n" + out.toString(StandardCharsets.UTF_8) + trace
                    + "\n--- grpc-java server log ---\n" + peer.output(), failure);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Test case " + testCase.flag() + " passed");
    }
}
