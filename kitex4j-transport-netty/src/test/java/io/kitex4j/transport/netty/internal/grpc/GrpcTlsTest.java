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

    /** TLS without ALPN, then the HTTP/2 preface: the decrypted preface reaches the gRPC handler, not the SslHandler again. */
    @Test
    void tlsWithoutAlpnThenTheHttp2PrefaceIsGrpc() throws Exception {
        TransportConfig serverCfg = TransportConfig.builder().tls(server.certFile, server.keyFile).build();
        try (GrpcHarness h = new GrpcHarness(serverCfg, GrpcHarness.DEFAULT)) {
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] c, String t) {
                }

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] c, String t) {
                }

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            }}, null);
            try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) ctx.getSocketFactory()
                    .createSocket("127.0.0.1", h.address.getPort())) {
                s.setSoTimeout(10_000);
                s.startHandshake(); // no ALPN offered
                java.io.OutputStream out = s.getOutputStream();
                out.write(RawH2.PREFACE);
                out.write(new byte[] {0, 0, 0, RawH2.SETTINGS, 0, 0, 0, 0, 0}); // empty SETTINGS
                out.flush();
                // The server's connection preface: a SETTINGS frame (no GOAWAY, no close).
                byte[] header = s.getInputStream().readNBytes(9);
                assertThat(header).hasSize(9);
                assertThat(header[3]).as("frame type").isEqualTo((byte) RawH2.SETTINGS);
                assertThat(header[4] & 1).as("not an ack").isZero();
            }
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
