package io.kitex4j.interop.grpc.echo;

import static io.kitex4j.interop.grpc.echo.PbEcho.req;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.client.Client;
import io.kitex4j.context.RpcContext;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.interop.grpc.echo.H2Wire.Frame;
import io.kitex4j.interop.grpc.echo.proto.EchoResponse;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.kitex4j.service.ServiceDefinition;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kitex's gRPC captures ({@code testdata/kitex-vectors/grpc-*}): the request side of each,
 * replayed byte for byte into a Kitex4j server with the same handler, must get the answer the
 * Kitex server gave (frames of the stream, decoded headers and trailers, message bytes); and a
 * Kitex4j client making the same call must send the same request headers.
 */
class KitexGrpcGoldenTest {
    /** What the protobuf handler does: echo, a business error, or a plain error (as in the captures). */
    static volatile String mode = "echo";
    static final BlockingQueue<RpcContext> SEEN = new LinkedBlockingQueue<>();
    private static Server pbServer;
    private static Server thriftServer;

    @BeforeAll
    static void start() throws Exception {
        ServiceDefinition pb = ServiceDefinition.builder(PbEcho.DESCRIPTOR)
                .unary(PbEcho.ECHO, r -> {
                    SEEN.add(RpcContext.current());
                    switch (mode) {
                        case "biz":
                            throw new BizStatusException(404, "not found", Map.of("k", "v"));
                        case "plain":
                            throw new RuntimeException("something failed");
                        default:
                            return PbEcho.resp(r.getMessage());
                    }
                })
                .stream(PbEcho.SERVER_STREAM, s -> { })
                .stream(PbEcho.CLIENT_STREAM, s -> { })
                .stream(PbEcho.BIDI, s -> { })
                .build();
        pbServer = Server.builder().address(new InetSocketAddress("127.0.0.1", 0)).service(pb).build();
        pbServer.start();
        thriftServer = Server.builder().address(new InetSocketAddress("127.0.0.1", 0))
                .service(EchoService.definition(new Kitex4jBothSidesTest.ThriftEcho())).build();
        thriftServer.start();
    }

    @AfterAll
    static void stop() {
        pbServer.stop();
        thriftServer.stop();
    }

    /** Replays {@code name}.req.hex into {@code server}; compares stream 1 of the answer with {@code name}.resp.hex. */
    private static List<Frame> replay(String name, Server server) throws Exception {
        byte[] request = H2Wire.capture(name + ".req.hex");
        List<Frame> kitex = H2Wire.stream(H2Wire.parse(H2Wire.capture(name + ".resp.hex"), false), 1);
        H2Wire.Exchange ours = H2Wire.exchange(server.address(), request, H2Wire.ended(1));
        List<Frame> got = H2Wire.stream(ours.frames(), 1);
        assertThat(shape(got)).as("%s: frames of stream 1", name).isEqualTo(shape(kitex));
        for (int i = 0; i < kitex.size(); i++) {
            Frame k = kitex.get(i);
            Frame o = got.get(i);
            if (k.type == H2Wire.HEADERS) {
                assertThat(o.headerMap()).as("%s: header block %d", name, i).isEqualTo(k.headerMap());
            } else if (k.type == H2Wire.DATA) {
                assertThat(HexFormat.of().formatHex(o.payload)).as("%s: DATA %d", name, i).isEqualTo(HexFormat.of().formatHex(k.payload));
            }
        }
        assertThat(ours.first(H2Wire.GOAWAY, 0)).as("no GOAWAY").isNull();
        return got;
    }

    /** Frame type and END_STREAM of each frame. */
    private static List<String> shape(List<Frame> frames) {
        List<String> s = new ArrayList<>();
        for (Frame f : frames) {
            s.add((f.type == H2Wire.HEADERS ? "HEADERS" : f.type == H2Wire.DATA ? "DATA" : "type" + f.type)
                    + (f.endStream() ? "+END_STREAM" : ""));
        }
        return s;
    }

    @Test
    void protobufEcho() throws Exception {
        mode = "echo";
        SEEN.clear();
        List<Frame> got = replay("grpc-pb", pbServer);
        assertThat(shape(got)).containsExactly("HEADERS", "DATA", "HEADERS+END_STREAM");
        assertThat(got.get(2).headerMap()).containsEntry("grpc-status", "0").containsEntry("grpc-message", "");
        RpcContext ctx = SEEN.poll(5, TimeUnit.SECONDS);
        assertThat(ctx.rpcInfo().to().serviceName()).isEqualTo("EchoService");
        assertThat(ctx.rpcInfo().to().method()).isEqualTo("Echo");
        assertThat(ctx.rpcInfo().config().transportProtocol()).isEqualTo(TransportProtocol.GRPC);
        assertThat(ctx.rpcInfo().config().rpcTimeout()).isEqualTo(Duration.ZERO);
    }

    @Test
    void protobufWithMetainfoAndTimeout() throws Exception {
        mode = "echo";
        SEEN.clear();
        replay("grpc-pb-metainfo-timeout", pbServer);
        RpcContext ctx = SEEN.poll(5, TimeUnit.SECONDS);
        // Kitex hands the handler TRANSIENT_KEY / PERSIST_KEY (key case is lost) and a 1.5 s deadline.
        assertThat(ctx.metainfo().value("TRANSIENT_KEY")).isEqualTo("tv");
        assertThat(ctx.metainfo().persistentValue("PERSIST_KEY")).isEqualTo("pv");
        assertThat(ctx.rpcInfo().from().serviceName()).isEqualTo("echo-client");
        assertThat(ctx.rpcInfo().config().rpcTimeout()).isGreaterThan(Duration.ZERO).isLessThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void businessErrorIsTrailersOnlyWithBizKeys() throws Exception {
        mode = "biz";
        List<Frame> got = replay("grpc-pb-bizerror", pbServer);
        assertThat(got.get(0).headerMap()).containsEntry(":status", "200").containsEntry("grpc-status", "13")
                .containsEntry("grpc-message", "not found").containsEntry("biz-status", "404")
                .containsEntry("biz-extra", "{\"k\":\"v\"}").doesNotContainKey("biz-message");
    }

    @Test
    void plainErrorIsTrailersOnly() throws Exception {
        mode = "plain";
        List<Frame> got = replay("grpc-pb-plainerror", pbServer);
        assertThat(got.get(0).headerMap()).containsEntry("grpc-status", "13")
                .containsEntry("grpc-message", "something failed [biz error]");
    }

    @Test
    void thriftOverGrpc() throws Exception {
        List<Frame> got = replay("grpc-thrift", thriftServer);
        assertThat(got.get(0).headerMap()).containsEntry("content-type", "application/grpc+thrift");
    }

    // ------------------------------------------------------------------ our client's request

    /** Accepts one connection and returns the client's frames once stream 1's request is complete. */
    private static CompletableFuture<List<Frame>> recordOneRequest(ServerSocket ss) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = ss.accept()) {
                s.setSoTimeout(100);
                H2Wire.Parser p = new H2Wire.Parser(true);
                InputStream in = s.getInputStream();
                byte[] buf = new byte[16384];
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (System.nanoTime() < deadline && !H2Wire.ended(1).test(p.frames)) {
                    try {
                        int n = in.read(buf);
                        if (n < 0) {
                            break;
                        }
                        p.feed(buf, 0, n);
                    } catch (SocketTimeoutException e) {
                        // keep reading
                    }
                }
                return p.frames;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Frame requestHeaders(List<Frame> frames) {
        return frames.stream().filter(f -> f.type == H2Wire.HEADERS && f.stream == 1).findFirst().orElseThrow();
    }

    private static Frame requestData(List<Frame> frames) {
        return frames.stream().filter(f -> f.type == H2Wire.DATA && f.stream == 1).findFirst().orElseThrow();
    }

    @Test
    void ourClientSendsWhatTheKitexClientSends() throws Exception {
        List<Frame> kitex = H2Wire.parse(H2Wire.capture("grpc-pb-metainfo-timeout.req.hex"), true);
        Frame kitexHeaders = requestHeaders(kitex);
        try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<Frame>> recorded = recordOneRequest(ss);
            try (Client c = Client.builder(PbEcho.CLIENT_DESCRIPTOR).transportProtocol(TransportProtocol.GRPC)
                    .clientServiceName("echo-client").destService("EchoService").rpcTimeout(Duration.ofMillis(1500))
                    .hostPorts("127.0.0.1:" + ss.getLocalPort()).build()) {
                CompletableFuture<EchoResponse> call = RpcContext.current().withValue("Transient_Key", "tv")
                        .withPersistentValue("Persist_Key", "pv").call(() -> c.invoke(PbEcho.ECHO, req("hello")));
                List<Frame> ours = recorded.get(10, TimeUnit.SECONDS);
                assertThat(call).failsWithin(Duration.ofSeconds(10)); // the recorder never answers
                Frame h = requestHeaders(ours);
                Map<String, String> k = kitexHeaders.headerMap();
                Map<String, String> o = h.headerMap();
                // The same pseudo-headers, content type, te, in Kitex's order.
                assertThat(h.headerNames().subList(0, 7)).containsExactlyElementsOf(kitexHeaders.headerNames().subList(0, 7));
                for (String name : List.of(":method", ":scheme", ":path", ":authority", "content-type", "te")) {
                    assertThat(o.get(name)).as(name).isEqualTo(k.get(name));
                }
                assertThat(o.get("user-agent")).startsWith("kitex4j/");
                // grpc-timeout: the remaining time in microseconds, as Kitex sends 1499369u
                assertThat(k.get("grpc-timeout")).matches("\\d{1,8}u");
                assertThat(o.get("grpc-timeout")).matches("\\d{1,8}u");
                assertThat(Long.parseLong(o.get("grpc-timeout").replace("u", ""))).isBetween(1_000_000L, 1_500_000L);
                // metainfo and the HTTP/2 meta handler keys, with Kitex's values
                for (String name : List.of("rpc-transit-transient-key", "rpc-persist-persist-key", "destination-service",
                        "destination-method", "source-service", "source-method")) {
                    assertThat(o.get(name)).as(name).isEqualTo(k.get(name));
                }
                // The only header Kitex did not send: we accept gzip answers.
                assertThat(o.keySet()).containsAll(k.keySet());
                List<String> extra = new ArrayList<>(o.keySet());
                extra.removeAll(k.keySet());
                assertThat(extra).containsExactly("grpc-accept-encoding");
                // The message: the same bytes, with END_STREAM on the DATA frame.
                Frame kd = requestData(kitex);
                Frame od = requestData(ours);
                assertThat(HexFormat.of().formatHex(od.payload)).isEqualTo(HexFormat.of().formatHex(kd.payload));
                assertThat(od.endStream()).isEqualTo(kd.endStream()).isTrue();
                assertThat(h.stream).isEqualTo(kitexHeaders.stream).isEqualTo(1);
            }
        }
    }

    @Test
    void ourThriftClientUsesKitexsPathAndContentType() throws Exception {
        List<Frame> kitex = H2Wire.parse(H2Wire.capture("grpc-thrift.req.hex"), true);
        try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<Frame>> recorded = recordOneRequest(ss);
            try (Client c = Client.builder(EchoService.DESCRIPTOR).transportProtocol(TransportProtocol.GRPC)
                    .destService("EchoService").hostPorts("127.0.0.1:" + ss.getLocalPort()).build()) {
                c.invoke(EchoService.ECHO, new EchoService.EchoArgs(new io.kitex4j.examples.echo.EchoRequest("hello")));
                List<Frame> ours = recorded.get(10, TimeUnit.SECONDS);
                Map<String, String> k = requestHeaders(kitex).headerMap();
                Map<String, String> o = requestHeaders(ours).headerMap();
                for (String name : List.of(":method", ":scheme", ":path", ":authority", "content-type", "te")) {
                    assertThat(o.get(name)).as(name).isEqualTo(k.get(name));
                }
                assertThat(o.get(":path")).isEqualTo("/echo.EchoService/echo");
                assertThat(HexFormat.of().formatHex(requestData(ours).payload))
                        .isEqualTo(HexFormat.of().formatHex(requestData(kitex).payload));
            }
        }
    }
}
