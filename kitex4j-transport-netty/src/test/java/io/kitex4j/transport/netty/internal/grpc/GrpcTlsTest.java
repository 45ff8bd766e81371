package io.kitex4j.transport.netty.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.errors.ConnectionException;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.streaming.Stream;
import io.kitex4j.transport.netty.internal.NettyClientTransport;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gRPC over TLS with ALPN h2; plaintext gRPC keeps working on the same port. */
class GrpcTlsTest {
    @TempDir
    static Path dir;
    static TestCerts server;
    static TestCerts other;

    @BeforeAll
    static void certs() throws Exception {
        server = TestCerts.create(dir, "server");
        other = TestCerts.create(dir, "other");
    }

    @Test
    void tlsWithAlpnH2AndPlaintextOnTheSamePort() throws Exception {
        TransportConfig serverCfg = TransportConfig.builder().tls(server.certFile, server.keyFile).build();
        TransportConfig clientCfg = TransportConfig.builder().tlsTrust(server.certFile).build();
        try (GrpcHarness h = new GrpcHarness(serverCfg, clientCfg)) {
            assertThat(h.call("over tls").body()).isEqualTo("over tls");
            Stream s = h.open(TestDispatcher.BIDI);
            s.send("a").get(5, TimeUnit.SECONDS);
            assertThat(s.receive().get(5, TimeUnit.SECONDS)).isEqualTo("a");
            s.closeSend().get(5, TimeUnit.SECONDS);
            assertThat(s.receive().get(5, TimeUnit.SECONDS)).isNull();
            assertThat(h.call("x".repeat(200_000)).body()).isEqualTo("x".repeat(200_000));

            try (NettyClientTransport plain = new NettyClientTransport(GrpcHarness.DEFAULT)) {
                assertThat(plain.send(GrpcHarness.request(TestDispatcher.UNARY, "plaintext"), h.address).get(10, TimeUnit.SECONDS)
                        .body()).isEqualTo("plaintext");
            }
            try (NettyClientTransport trustAll = new NettyClientTransport(TransportConfig.builder().tlsTrustAllForTesting().build())) {
                assertThat(trustAll.send(GrpcHarness.request(TestDispatcher.UNARY, "trust all"), h.address).get(10, TimeUnit.SECONDS)
                        .body()).isEqualTo("trust all");
            }
            try (NettyClientTransport wrongTrust = new NettyClientTransport(TransportConfig.builder().tlsTrust(other.certFile).build())) {
                assertThatThrownBy(() -> wrongTrust.send(GrpcHarness.request(TestDispatcher.UNARY, "x"), h.address).get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConnectionException.class);
            }
            assertThat(h.call("still fine").body()).isEqualTo("still fine");
        }
    }

    @Test
    void theServerCertificateMustMatchTheHostNameChecked() throws Exception {
        TransportConfig serverCfg = TransportConfig.builder().tls(server.certFile, server.keyFile).build();
        try (GrpcHarness h = new GrpcHarness(serverCfg, TransportConfig.builder().tlsTrust(server.certFile).build())) {
            // The certificate names localhost and 127.0.0.1: a trusted certificate for another name is refused.
            try (NettyClientTransport wrongName = new NettyClientTransport(
                    TransportConfig.builder().tlsTrust(server.certFile).tlsServerName("wrong.example").build())) {
                assertThatThrownBy(() -> wrongName.send(GrpcHarness.request(TestDispatcher.UNARY, "x"), h.address)
                        .get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConnectionException.class);
            }
            try (NettyClientTransport byName = new NettyClientTransport(
                    TransportConfig.builder().tlsTrust(server.certFile).tlsServerName("localhost").build())) {
                assertThat(byName.send(GrpcHarness.request(TestDispatcher.UNARY, "by name"), h.address).get(10, TimeUnit.SECONDS)
                        .body()).isEqualTo("by name");
            }
        }
    }
}
