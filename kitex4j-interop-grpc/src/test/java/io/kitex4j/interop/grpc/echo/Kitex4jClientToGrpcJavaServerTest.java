package io.kitex4j.interop.grpc.echo;

import static io.kitex4j.interop.grpc.echo.PbEcho.req;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.kitex4j.client.CallOptions;
import io.kitex4j.client.Client;
import io.kitex4j.context.CallHeaders;
import io.kitex4j.context.RpcContext;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.ConnectionException;
import io.kitex4j.errors.RemoteOrNetworkException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.interop.grpc.echo.proto.EchoRequest;
import io.kitex4j.interop.grpc.echo.proto.EchoResponse;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.streaming.ClientStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kitex4j clients (the real engine) against a real grpc-java server ({@link GrpcJavaEcho}). */
class Kitex4jClientToGrpcJavaServerTest {
    static final String SPECIAL = GrpcJavaClientToKitex4jServerTest.SPECIAL;
    private static GrpcJavaEcho service;
    private static io.grpc.Server server;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        service = new GrpcJavaEcho();
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerInterceptors.intercept(service, service.interceptor))
                .maxInboundMessageSize(16 << 20)
                .build().start();
        client = newClient(server.getPort(), b -> b.grpcMaxMessageSize(9 << 20));
    }

    static Client newClient(int port, java.util.function.Consumer<io.kitex4j.remote.transport.TransportConfig.Builder> cfg) {
        return Client.builder(PbEcho.CLIENT_DESCRIPTOR)
                .transportProtocol(TransportProtocol.GRPC)
                .destService("EchoService")
                .hostPorts("127.0.0.1:" + port)
                .connectTimeout(Duration.ofSeconds(2))
                .transportConfig(cfg)
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static String echo(String m) throws Exception {
        return client.invoke(PbEcho.ECHO, req(m)).get(10, TimeUnit.SECONDS).getMessage();
    }

    private static Throwable failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the call succeeded");
    }

    private static StatusException status(CompletableFuture<?> f) throws Exception {
        Throwable t = failure(f);
        assertThat(t).isInstanceOf(StatusException.class);
        return (StatusException) t;
    }

    @Test
    void unary() throws Exception {
        assertThat(echo("hello")).isEqualTo("hello");
        assertThat(echo("")).isEmpty();
        List<CompletableFuture<EchoResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            calls.add(client.invoke(PbEcho.ECHO, req("c" + i)));
        }
        for (int i = 0; i < 300; i++) {
            assertThat(calls.get(i).get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("c" + i);
        }
    }

    @Test
    void theThreeStreamingKinds() throws Exception {
        ClientStream<EchoRequest, EchoResponse> s = client.openStream(PbEcho.SERVER_STREAM);
        s.send(req("abc"));
        s.closeSend();
        List<String> got = new ArrayList<>();
        EchoResponse r;
        while ((r = s.recv()) != null) {
            got.add(r.getMessage());
        }
        assertThat(got).containsExactly("abc0", "abc1", "abc2");

        ClientStream<EchoRequest, EchoResponse> c = client.openStream(PbEcho.CLIENT_STREAM);
        c.send(req("a"));
        c.send(req("b"));
        c.send(req("c"));
        assertThat(c.closeAndRecv().getMessage()).isEqualTo("a,b,c");

        ClientStream<EchoRequest, EchoResponse> b = client.openStream(PbEcho.BIDI);
        for (int i = 0; i < 100; i++) {
            b.send(req("m" + i));
            assertThat(b.recv().getMessage()).isEqualTo("m" + i);
        }
        b.closeSend();
        assertThat(b.recv()).isNull();
        b.done().get(5, TimeUnit.SECONDS);

        ClientStream<EchoRequest, EchoResponse> e = client.openStream(PbEcho.BIDI);
        e.send(req("first"));
        e.send(req("status:10:aborted by the handler"));
        assertThat(e.recv().getMessage()).isEqualTo("first");
        StatusException se = status(e.recvAsync());
        assertThat(se.code()).isEqualTo(StatusCode.ABORTED);
        assertThat(se.statusMessage()).isEqualTo("aborted by the handler");
    }

    @Test
    void metadataBothWaysAsciiAndBinaryAndMetainfo() throws Exception {
        byte[] bin = {0, 1, 2, (byte) 0xFE, (byte) 0xFF};
        CallHeaders h = new CallHeaders().add("x-echo-initial", "initial value").addBinary("x-echo-trailing-bin", bin);
        assertThat(client.invoke(PbEcho.ECHO, req("meta"), CallOptions.DEFAULT.withHeaders(h)).get(10, TimeUnit.SECONDS)
                .getMessage()).isEqualTo("meta");
        assertThat(h.responseHeader("x-echo-initial")).isEqualTo("initial value");
        assertThat(h.binaryResponseTrailer("x-echo-trailing-bin")).containsExactly(bin);
        io.grpc.Metadata seen = service.headers.get(service.headers.size() - 1);
        assertThat(seen.get(io.grpc.Metadata.Key.of("x-echo-initial", io.grpc.Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("initial value");
        // on a stream
        CallHeaders sh = new CallHeaders().add("x-echo-initial", "s").addBinary("x-echo-trailing-bin", bin);
        ClientStream<EchoRequest, EchoResponse> s = client.openStream(PbEcho.SERVER_STREAM, CallOptions.DEFAULT.withHeaders(sh));
        s.send(req("xy"));
        s.closeSend();
        while (s.recv() != null) {
            // drain
        }
        assertThat(sh.responseHeader("x-echo-initial")).isEqualTo("s");
        assertThat(sh.binaryResponseTrailer("x-echo-trailing-bin")).containsExactly(bin);
        // metainfo as Kitex sends it: rpc-transit-*/rpc-persist-*, lower case, '-' for '_'
        String mi = RpcContext.current().withValue("Transient_Key", "tv").withPersistentValue("Persist_Key", "pv")
                .call(() -> client.invoke(PbEcho.ECHO, req("metainfo")).get(10, TimeUnit.SECONDS).getMessage());
        assertThat(mi).isEqualTo("tv,pv");
    }

    @Test
    void deadlines() throws Exception {
        long left = Long.parseLong(client.invoke(PbEcho.ECHO, req("deadline"), CallOptions.DEFAULT.withRpcTimeout(Duration.ofSeconds(5)))
                .get(10, TimeUnit.SECONDS).getMessage());
        assertThat(left).isBetween(1L, 5000L);
        assertThat(echo("deadline")).isEqualTo("-1");
        Throwable t = failure(client.invoke(PbEcho.ECHO, req("sleep:3000"), CallOptions.DEFAULT.withRpcTimeout(Duration.ofMillis(200))));
        assertThat(StatusCode.of(t)).isEqualTo(StatusCode.DEADLINE_EXCEEDED);
        // a stream's deadline ends it on both sides
        service.cancelled = new CompletableFuture<>();
        ClientStream<EchoRequest, EchoResponse> s = client.openStream(PbEcho.BIDI, CallOptions.DEFAULT.withRpcTimeout(Duration.ofMillis(300)));
        s.send(req("one"));
        assertThat(s.recv().getMessage()).isEqualTo("one");
        assertThat(StatusCode.of(failure(s.recvAsync()))).isEqualTo(StatusCode.DEADLINE_EXCEEDED);
        Status serverSaw = service.cancelled.get(10, TimeUnit.SECONDS);
        assertThat(serverSaw.getCode()).isIn(Status.Code.CANCELLED, Status.Code.DEADLINE_EXCEEDED);
    }

    @Test
    void cancellationBothWays() throws Exception {
        service.cancelled = new CompletableFuture<>();
        ClientStream<EchoRequest, EchoResponse> s = client.openStream(PbEcho.BIDI);
        s.send(req("one"));
        assertThat(s.recv().getMessage()).isEqualTo("one");
        s.cancel();
        assertThat(service.cancelled.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.CANCELLED);
        assertThat(StatusCode.of(failure(s.recvAsync()))).isEqualTo(StatusCode.CANCELLED);

        ClientStream<EchoRequest, EchoResponse> c = client.openStream(PbEcho.BIDI);
        c.send(req("cancel"));
        StatusException e = status(c.recvAsync());
        assertThat(e.code()).isEqualTo(StatusCode.CANCELLED);
        assertThat(e.statusMessage()).isEqualTo("the server cancels");
    }

    @Test
    void gzipBothWays() throws Exception {
        assertThat(client.invoke(PbEcho.ECHO, req("compressed?"), CallOptions.DEFAULT.withCompressor("gzip"))
                .get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("true");
        assertThat(echo("compressed?")).isEqualTo("false");
        CallHeaders h = new CallHeaders();
        assertThat(client.invoke(PbEcho.ECHO, req("gzip"), CallOptions.DEFAULT.withHeaders(h)).get(10, TimeUnit.SECONDS)
                .getMessage()).isEqualTo("gzip ".repeat(2000));
        assertThat(h.requestCompressed()).as("the response came compressed").isTrue();
        String big = "z".repeat(1 << 20);
        assertThat(client.invoke(PbEcho.ECHO, req(big), CallOptions.DEFAULT.withCompressor("gzip")).get(10, TimeUnit.SECONDS)
                .getMessage()).isEqualTo(big);
    }

    @Test
    void statusMessageAndDetails() throws Exception {
        StatusException e = status(client.invoke(PbEcho.ECHO, req("status:5:not here")));
        assertThat(e.code()).isEqualTo(StatusCode.NOT_FOUND);
        assertThat(e.statusMessage()).isEqualTo("not here");
        com.google.rpc.Status details = com.google.rpc.Status.parseFrom(e.details());
        assertThat(details.getCode()).isEqualTo(5);
        assertThat(details.getDetails(0).unpack(EchoResponse.class).getMessage()).isEqualTo("detail");
        StatusException special = status(client.invoke(PbEcho.ECHO, req("status:2:" + SPECIAL)));
        assertThat(special.code()).isEqualTo(StatusCode.UNKNOWN);
        assertThat(special.statusMessage()).isEqualTo(SPECIAL);
        StatusException plain = status(client.invoke(PbEcho.ECHO, req("fail:boom")));
        assertThat(plain.code()).isEqualTo(StatusCode.INTERNAL);
        assertThat(plain.statusMessage()).isEqualTo("boom");
    }

    @Test
    void businessStatusFromTrailers() throws Exception {
        Throwable t = failure(client.invoke(PbEcho.ECHO, req("biz")));
        assertThat(t).isInstanceOf(BizStatusException.class);
        BizStatusException biz = (BizStatusException) t;
        assertThat(biz.statusCode()).isEqualTo(404);
        assertThat(biz.statusMessage()).isEqualTo("not found");
        assertThat(biz.extra()).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void unknownMethodIsUnimplemented() throws Exception {
        StatusException e = status(client.invoke(PbEcho.NOPE, req("x")));
        assertThat(e.code()).isEqualTo(StatusCode.UNIMPLEMENTED);
    }

    @Test
    void largeMessagesAndOversizeRefusal() throws Exception {
        String eight = "e".repeat(8 << 20);
        assertThat(echo(eight)).isEqualTo(eight);
        assertThat(echo("big:" + (8 << 20))).hasSize(8 << 20);
        // over grpc-java's 16 MiB
        assertThat(status(client.invoke(PbEcho.ECHO, req("o".repeat(17 << 20)))).code()).isEqualTo(StatusCode.RESOURCE_EXHAUSTED);
        // over a Kitex4j client's default 4 MiB
        try (Client small = newClient(server.getPort(), b -> { })) {
            Throwable t = failure(small.invoke(PbEcho.ECHO, req("big:" + (5 << 20))));
            assertThat(StatusCode.of(t)).isEqualTo(StatusCode.RESOURCE_EXHAUSTED);
            assertThat(small.invoke(PbEcho.ECHO, req("after")).get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("after");
        }
    }

    @Test
    void aGrpcJavaServerShuttingDownLetsTheCallInFlightFinish() throws Exception {
        GrpcJavaEcho svc = new GrpcJavaEcho();
        io.grpc.Server s = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerInterceptors.intercept(svc, svc.interceptor)).build().start();
        try (Client c = newClient(s.getPort(), b -> { })) {
            assertThat(c.invoke(PbEcho.ECHO, req("warm")).get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("warm");
            CompletableFuture<EchoResponse> inFlight = c.invoke(PbEcho.ECHO, req("wait:grpc-java-shutdown"));
            assertThat(PbEcho.awaitStarted("grpc-java-shutdown")).isTrue();
            s.shutdown(); // GOAWAY; calls in flight go on
            long deadline = System.nanoTime() + 10_000_000_000L;
            Throwable refused = null;
            while (refused == null && System.nanoTime() < deadline) {
                try {
                    c.invoke(PbEcho.ECHO, req("new")).get(10, TimeUnit.SECONDS);
                    Thread.sleep(10);
                } catch (ExecutionException e) {
                    refused = e.getCause();
                }
            }
            assertThat(refused).isInstanceOfAny(ConnectionException.class, RemoteOrNetworkException.class);
            assertThat(inFlight).isNotDone();
            PbEcho.release("grpc-java-shutdown");
            assertThat(inFlight.get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("wait:grpc-java-shutdown");
            assertThat(s.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            PbEcho.release("grpc-java-shutdown");
            s.shutdownNow();
        }
    }

    @Test
    void tlsWithAlpn(@TempDir Path dir) throws Exception {
        TestCerts certs = TestCerts.create(dir);
        GrpcJavaEcho svc = new GrpcJavaEcho();
        io.grpc.Server s = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .sslContext(GrpcSslContexts.forServer(certs.certFile.toFile(), certs.keyFile.toFile()).build())
                .addService(svc).build().start();
        try (Client c = newClient(s.getPort(), b -> b.tlsTrust(certs.certFile))) {
            assertThat(c.invoke(PbEcho.ECHO, req("secure")).get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("secure");
            ClientStream<EchoRequest, EchoResponse> b = c.openStream(PbEcho.BIDI);
            b.send(req("tls"));
            assertThat(b.recv().getMessage()).isEqualTo("tls");
            b.closeSend();
            assertThat(b.recv()).isNull();
        } finally {
            s.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
