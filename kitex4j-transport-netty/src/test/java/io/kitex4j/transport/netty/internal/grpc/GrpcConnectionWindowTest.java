package io.kitex4j.transport.netty.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.transport.netty.internal.NettyClientTransport;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Both sides raise the connection-level receive window right after their preface (HTTP/2 starts
 * every connection at 65535 bytes and only a WINDOW_UPDATE on stream 0 can change that): with
 * 64 KiB, a hundred concurrent 1 KB calls on one connection already wait for credit.
 */
class GrpcConnectionWindowTest {

    private static int connectionWindowIncrement(RawH2 c) throws Exception {
        c.readUntil(RawH2.has(RawH2.WINDOW_UPDATE, 0));
        RawH2.Frame f = c.first(RawH2.WINDOW_UPDATE, 0);
        assertThat(f).as("WINDOW_UPDATE on stream 0 in %s", c.frames).isNotNull();
        return ByteBuffer.wrap(f.payload).getInt() & 0x7FFFFFFF;
    }

    @Test
    void theServerGrantsOneMebibytePerConnectionByDefault() throws Exception {
        try (GrpcHarness h = new GrpcHarness(); RawH2 c = RawH2.open(h.address)) {
            c.preface();
            assertThat(connectionWindowIncrement(c)).isEqualTo((1 << 20) - 65535);
            // and the connection works as before
            c.headers(1, RawH2.request("/test.Echo/Unary", "application/grpc"), false)
                    .message(1, 0, "w".getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
            c.readUntil(RawH2.endOf(1));
        }
    }

    @Test
    void theServerGrantsTheConfiguredConnectionWindow() throws Exception {
        TransportConfig server = TransportConfig.builder().grpcInitialConnWindowSize(8 << 20).build();
        try (GrpcHarness h = new GrpcHarness(server, GrpcHarness.DEFAULT); RawH2 c = RawH2.open(h.address)) {
            c.preface();
            assertThat(connectionWindowIncrement(c)).isEqualTo((8 << 20) - 65535);
        }
    }

    @Test
    void theClientGrantsItsConnectionWindowToo() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             NettyClientTransport client = new NettyClientTransport(GrpcHarness.DEFAULT)) {
            InetSocketAddress address = new InetSocketAddress(ss.getInetAddress(), ss.getLocalPort());
            CompletableFuture<RemoteMessage> call = client.send(GrpcHarness.request(TestDispatcher.UNARY, "c"), address);
            try (RawH2 server = RawH2.accept(ss)) {
                server.frame(RawH2.SETTINGS, 0, 0, new byte[0]);
                assertThat(connectionWindowIncrement(server)).isEqualTo((1 << 20) - 65535);
            }
            call.cancel(true);
        }
    }

    @Test
    void aConnectionWindowBelowTheHttp2MinimumIsRefused() {
        assertThatThrownBy(() -> TransportConfig.builder().grpcInitialConnWindowSize(1024))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grpcInitialConnWindowSize");
    }
}
