package io.kitex4j.interop.grpc.echo;

import static io.kitex4j.interop.grpc.echo.H2Wire.DATA;
import static io.kitex4j.interop.grpc.echo.H2Wire.HEADERS;
import static io.kitex4j.interop.grpc.echo.H2Wire.frame;
import static io.kitex4j.interop.grpc.echo.H2Wire.headerBlock;
import static io.kitex4j.interop.grpc.echo.H2Wire.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.client.Client;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input on the HTTP/2 path of a real Kitex4j server (raw sockets): each gets its gRPC status
 * or connection error, and the server goes on serving. (The transport's own tests cover more
 * cases with a fake engine; the leak detector checks every buffer was released.)
 */
class BadInputThroughTheEngineTest {
    private static Server server;
    private static InetSocketAddress address;

    @BeforeAll
    static void start() throws Exception {
        server = Server.builder().address(new InetSocketAddress("127.0.0.1", 0)).service(PbEcho.definition()).build();
        address = server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Preface, SETTINGS, then a request's HEADERS (and a DATA frame holding {@code message} if not null). */
    private static byte[] call(Http2Headers h, byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(H2Wire.PREFACE);
        out.writeBytes(frame(H2Wire.SETTINGS, 0, 0, new byte[0]));
        out.writeBytes(frame(HEADERS, 0x4 | (message == null ? 1 : 0), 1, headerBlock(h)));
        if (message != null) {
            out.writeBytes(frame(DATA, 1, 1, message));
        }
        return out.toByteArray();
    }

    private static byte[] grpcMessage(byte[] body) {
        byte[] m = new byte[5 + body.length];
        m[1] = (byte) (body.length >>> 24);
        m[2] = (byte) (body.length >>> 16);
        m[3] = (byte) (body.length >>> 8);
        m[4] = (byte) body.length;
        System.arraycopy(body, 0, m, 5, body.length);
        return m;
    }

    private static H2Wire.Frame status(byte[] bytes) throws Exception {
        H2Wire.Exchange e = H2Wire.exchange(address, bytes, H2Wire.ended(1));
        H2Wire.Frame f = e.status(1);
        assertThat(f).as("status in %s", e.frames()).isNotNull();
        return f;
    }

    @Test
    void garbageAfterThePrefaceGetsGoAwayAndClose() throws Exception {
        byte[] garbage = new byte[40];
        Arrays.fill(garbage, (byte) 0xEE);
        byte[] bytes = new byte[H2Wire.PREFACE.length + garbage.length];
        System.arraycopy(H2Wire.PREFACE, 0, bytes, 0, H2Wire.PREFACE.length);
        System.arraycopy(garbage, 0, bytes, H2Wire.PREFACE.length, garbage.length);
        H2Wire.Exchange e = H2Wire.exchange(address, bytes, fs -> false);
        assertThat(e.closed()).isTrue();
        assertThat(e.first(H2Wire.GOAWAY, 0)).isNotNull();
        assertThat(e.first(H2Wire.GOAWAY, 0).errorCode()).isNotZero();
    }

    @Test
    void unknownServiceOrMethodIsUnimplemented() throws Exception {
        byte[] msg = grpcMessage(PbEcho.req("x").toByteArray());
        H2Wire.Frame f = status(call(request("/echo.EchoService/Nope", "application/grpc"), msg));
        assertThat(f.headerMap()).containsEntry("grpc-status", "12").containsEntry("grpc-message", "Method not found: echo.EchoService/Nope");
        f = status(call(request("/echo.Other/Echo", "application/grpc"), msg));
        assertThat(f.headerMap()).containsEntry("grpc-status", "12");
    }

    @Test
    void malformedGrpcTimeoutIsInternal() throws Exception {
        byte[] msg = grpcMessage(PbEcho.req("x").toByteArray());
        H2Wire.Frame f = status(call(request("/echo.EchoService/Echo", "application/grpc").set("grpc-timeout", "forever"), msg));
        assertThat(f.headerMap().get("grpc-status")).isEqualTo("13");
        assertThat(f.headerMap().get("grpc-message")).startsWith("malformed grpc-timeout");
    }

    @Test
    void notGrpcContentTypeIs415() throws Exception {
        H2Wire.Frame f = status(call(request("/echo.EchoService/Echo", "application/json"), null));
        assertThat(f.headerMap()).containsEntry(":status", "415");
    }

    @Test
    void oversizeMessageIsResourceExhausted() throws Exception {
        byte[] prefixOnly = {0, 0, 0x50, 0, 0}; // claims 5 MiB; the default limit is 4 MiB
        // HEADERS without END_STREAM, then the message prefix alone
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(H2Wire.PREFACE);
        out.writeBytes(frame(H2Wire.SETTINGS, 0, 0, new byte[0]));
        out.writeBytes(frame(HEADERS, 0x4, 1, headerBlock(request("/echo.EchoService/Echo", "application/grpc"))));
        out.writeBytes(frame(DATA, 0, 1, prefixOnly));
        H2Wire.Exchange e = H2Wire.exchange(address, out.toByteArray(), fs -> fs.stream().anyMatch(f -> f.type == H2Wire.RST_STREAM));
        assertThat(e.status(1).headerMap()).containsEntry("grpc-status", "8");
        assertThat(e.first(H2Wire.RST_STREAM, 1)).isNotNull();
    }

    @Test
    void theServerStillServes() throws Exception {
        try (Client c = Client.builder(PbEcho.CLIENT_DESCRIPTOR).transportProtocol(TransportProtocol.GRPC)
                .hostPorts(address.getHostString() + ":" + address.getPort()).build()) {
            assertThat(c.invoke(PbEcho.ECHO, PbEcho.req("fine")).get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("fine");
        }
    }
}
