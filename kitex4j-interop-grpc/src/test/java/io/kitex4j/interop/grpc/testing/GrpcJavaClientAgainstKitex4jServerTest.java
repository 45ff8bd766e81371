package io.kitex4j.interop.grpc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.server.Server;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * grpc-java's own interop client ({@code io.grpc.testing.integration.TestServiceClient}, a separate
 * JVM) passes every default test case against our TestService server, one client run per case
 * as the official interop runner does it; plus a few cases over TLS with the interop test
 * certificate, which grpc-java's client checks against the test CA and the host name
 * {@code foo.test.google.fr}.
 */
class GrpcJavaClientAgainstKitex4jServerTest {
    private static Server server;
    private static Server tlsServer;

    @BeforeAll
    static void startServers() throws Exception {
        server = TestServiceServer.start(new InetSocketAddress("127.0.0.1", 0), false);
        tlsServer = TestServiceServer.start(new InetSocketAddress("127.0.0.1", 0), true);
    }

    @AfterAll
    static void stopServers() {
        if (server != null) {
            server.stop();
        }
        if (tlsServer != null) {
            tlsServer.stop();
        }
    }

    static Stream<String> defaultCases() {
        return InteropCases.grpcJavaClientCases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaultCases")
    void grpcJavaClientPassesTestCase(String testCase) throws Exception {
        GrpcJavaInterop.Run run = GrpcJavaInterop.runClient("grpc-java-client-" + testCase, List.of(
                "--server_host=127.0.0.1", "--server_port=" + server.address().getPort(),
                "--test_case=" + testCase, "--use_tls=false"));
        assertThat(run.exitCode).as(run.describe()).isZero();
        assertThat(run.output).as(run.describe()).contains("Test completed.");
    }

    static Stream<String> tlsCases() {
        return Stream.of("large_unary", "ping_pong");
    }

    @ParameterizedTest(name = "{0} over TLS")
    @MethodSource("tlsCases")
    void grpcJavaClientPassesOverTlsWithTheTestCertificate(String testCase) throws Exception {
        GrpcJavaInterop.Run run = GrpcJavaInterop.runClient("grpc-java-client-tls-" + testCase, List.of(
                "--server_host=127.0.0.1", "--server_port=" + tlsServer.address().getPort(),
                "--test_case=" + testCase, "--use_tls=true", "--use_test_ca=true",
                "--server_host_override=" + TransportSettings.TEST_SERVER_HOST));
        assertThat(run.exitCode).as(run.describe()).isZero();
        assertThat(run.output).as(run.describe()).contains("Test completed.");
    }

    @Test
    void grpcJavaClientFailsAgainstAServerThatAnswersWrongly() throws Exception {
        // The harness would notice a failing case: grpc-java's client reports a wrong answer
        // (here: our plaintext server asked for TLS) with a non-zero exit code.
        GrpcJavaInterop.Run run = GrpcJavaInterop.runClient("grpc-java-client-tls-against-plaintext", List.of(
                "--server_host=127.0.0.1", "--server_port=" + server.address().getPort(),
                "--test_case=empty_unary", "--use_tls=true", "--use_test_ca=true",
                "--server_host_override=" + TransportSettings.TEST_SERVER_HOST));
        assertThat(run.exitCode).as(run.describe()).isNotZero();
    }
}
