package io.kitex4j.interop.grpc.echo;

import static io.kitex4j.interop.grpc.echo.PbEcho.req;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.interop.grpc.echo.proto.EchoRequest;
import io.kitex4j.interop.grpc.echo.proto.EchoResponse;
import io.kitex4j.interop.grpc.echo.proto.EchoServiceGrpc;
import io.kitex4j.server.Server;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real grpc-java clients against a Kitex4j server (the real engine, {@link PbEcho}). */
class GrpcJavaClientToKitex4jServerTest {
    static final String SPECIAL = "\t\ntest with whitespace\r\nand Unicode BMP \u263A and non-BMP \uD83D\uDE08\t\n";
    private static Server server;
    private static ManagedChannel channel;
    private static EchoServiceGrpc.EchoServiceBlockingStub blocking;
    private static EchoServiceGrpc.EchoServiceStub async;

    @BeforeAll
    static void start() throws Exception {
        server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .service(PbEcho.definition())
                .transportConfig(c -> c.grpcMaxMessageSize(9 << 20))
                .build();
        InetSocketAddress a = server.start();
        channel = NettyChannelBuilder.forAddress(a.getHostString(), a.getPort()).usePlaintext()
                .maxInboundMessageSize(16 << 20).build();
        blocking = EchoServiceGrpc.newBlockingStub(channel);
        async = EchoServiceGrpc.newStub(channel);
    }

    @AfterAll
    static void stop() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.stop();
    }

    private static Status status(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        }
        throw new AssertionError("the call succeeded");
    }

    /** Collects a response stream. */
    static final class Collector implements ClientResponseObserver<EchoRequest, EchoResponse> {
        final List<String> messages = new ArrayList<>();
        final CompletableFuture<List<String>> done = new CompletableFuture<>();
        ClientCallStreamObserver<EchoRequest> requests;

        @Override
        public void beforeStart(ClientCallStreamObserver<EchoRequest> requestStream) {
            requests = requestStream;
        }

        @Override
        public synchronized void onNext(EchoResponse value) {
            messages.add(value.getMessage());
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public synchronized void onCompleted() {
            done.complete(new ArrayList<>(messages));
        }

        Status failure() throws Exception {
            try {
                done.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return Status.fromThrowable(e.getCause());
            }
            throw new AssertionError("completed normally: " + messages);
        }
    }

    @Test
    void unary() {
        assertThat(blocking.echo(req("hello")).getMessage()).isEqualTo("hello");
        assertThat(blocking.echo(req("")).getMessage()).isEmpty();
    }

    @Test
    void theThreeStreamingKinds() throws Exception {
        List<String> got = new ArrayList<>();
        Iterator<EchoResponse> it = blocking.serverStream(req("abc"));
        it.forEachRemaining(r -> got.add(r.getMessage()));
        assertThat(got).containsExactly("abc0", "abc1", "abc2");

        Collector c = new Collector();
        StreamObserver<EchoRequest> in = async.clientStream(c);
        in.onNext(req("a"));
        in.onNext(req("b"));
        in.onNext(req("c"));
        in.onCompleted();
        assertThat(c.done.get(10, TimeUnit.SECONDS)).containsExactly("a,b,c");

        Collector b = new Collector();
        in = async.bidi(b);
        for (int i = 0; i < 100; i++) {
            in.onNext(req("m" + i));
        }
        in.onCompleted();
        List<String> echoed = b.done.get(10, TimeUnit.SECONDS);
        assertThat(echoed).hasSize(100).startsWith("m0", "m1").endsWith("m99");

        Collector err = new Collector();
        in = async.bidi(err);
        in.onNext(req("first"));
        in.onNext(req("status:10:aborted by the handler"));
        Status s = err.failure();
        assertThat(s.getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(s.getDescription()).isEqualTo("aborted by the handler");
        assertThat(err.messages).containsExactly("first");
    }

    @Test
    void metadataBothWaysAsciiAndBinary() throws Exception {
        Metadata out = new Metadata();
        out.put(GrpcJavaEcho.ECHO_INITIAL, "initial value");
        byte[] bin = {0, 1, 2, (byte) 0xFE, (byte) 0xFF};
        out.put(GrpcJavaEcho.ECHO_TRAILING, bin);
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        EchoServiceGrpc.EchoServiceBlockingStub stub = blocking.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(out),
                MetadataUtils.newCaptureMetadataInterceptor(headers, trailers));
        assertThat(stub.echo(req("meta")).getMessage()).isEqualTo("meta");
        assertThat(headers.get().get(GrpcJavaEcho.ECHO_INITIAL)).isEqualTo("initial value");
        assertThat(trailers.get().get(GrpcJavaEcho.ECHO_TRAILING)).containsExactly(bin);
        // on a stream, and on an error
        headers.set(null);
        trailers.set(null);
        Iterator<EchoResponse> it = stub.serverStream(req("xy"));
        it.forEachRemaining(r -> { });
        assertThat(headers.get().get(GrpcJavaEcho.ECHO_INITIAL)).isEqualTo("initial value");
        assertThat(trailers.get().get(GrpcJavaEcho.ECHO_TRAILING)).containsExactly(bin);
        trailers.set(null);
        assertThat(status(() -> stub.echo(req("fail:x"))).getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(trailers.get().get(GrpcJavaEcho.ECHO_TRAILING)).containsExactly(bin);
        // metainfo as Kitex maps it
        Metadata mi = new Metadata();
        mi.put(Metadata.Key.of("rpc-transit-transient-key", Metadata.ASCII_STRING_MARSHALLER), "tv");
        mi.put(Metadata.Key.of("rpc-persist-persist-key", Metadata.ASCII_STRING_MARSHALLER), "pv");
        assertThat(blocking.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(mi)).echo(req("metainfo")).getMessage())
                .isEqualTo("tv,pv");
    }

    @Test
    void deadlines() throws Exception {
        long left = Long.parseLong(blocking.withDeadlineAfter(5, TimeUnit.SECONDS).echo(req("deadline")).getMessage());
        assertThat(left).isBetween(1L, 5000L);
        assertThat(blocking.echo(req("deadline")).getMessage()).isEqualTo("-1");
        Status s = status(() -> blocking.withDeadlineAfter(200, TimeUnit.MILLISECONDS).echo(req("sleep:3000")));
        assertThat(s.getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        // a stream's deadline ends it on both sides
        PbEcho.BIDI_ENDS.clear();
        Collector c = new Collector();
        async.withDeadlineAfter(300, TimeUnit.MILLISECONDS).bidi(c);
        assertThat(c.failure().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        Optional<Throwable> end = PbEcho.BIDI_ENDS.poll(10, TimeUnit.SECONDS);
        assertThat(end).isNotNull();
        assertThat(end).isPresent();
        assertThat(StatusCode.of(end.get())).isIn(StatusCode.DEADLINE_EXCEEDED);
    }

    @Test
    void cancellationBothWays() throws Exception {
        PbEcho.BIDI_ENDS.clear();
        Collector c = new Collector();
        StreamObserver<EchoRequest> in = async.bidi(c);
        in.onNext(req("one"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (c.messages.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        c.requests.cancel("the client gives up", null);
        Optional<Throwable> end = PbEcho.BIDI_ENDS.poll(10, TimeUnit.SECONDS);
        assertThat(end).isNotNull().isPresent();
        assertThat(end.get()).isInstanceOf(StatusException.class);
        assertThat(((StatusException) end.get()).code()).isEqualTo(StatusCode.CANCELLED);
        assertThat(c.failure().getCode()).isEqualTo(Status.Code.CANCELLED);

        Collector s = new Collector();
        in = async.bidi(s);
        in.onNext(req("cancel"));
        assertThat(s.failure().getCode()).isEqualTo(Status.Code.CANCELLED);
    }

    @Test
    void gzipBothWays() {
        assertThat(blocking.withCompression("gzip").echo(req("compressed?")).getMessage()).isEqualTo("true");
        assertThat(blocking.echo(req("compressed?")).getMessage()).isEqualTo("false");
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        String answer = blocking.withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                .echo(req("gzip")).getMessage();
        assertThat(answer).isEqualTo("gzip ".repeat(2000));
        assertThat(headers.get().get(Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("gzip");
        String big = "z".repeat(1 << 20);
        assertThat(blocking.withCompression("gzip").echo(req(big)).getMessage()).isEqualTo(big);
    }

    @Test
    void statusMessageAndDetails() {
        StatusRuntimeException e = null;
        try {
            blocking.echo(req("status:5:not here"));
        } catch (StatusRuntimeException x) {
            e = x;
        }
        assertThat(e).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(e.getStatus().getDescription()).isEqualTo("not here");
        com.google.rpc.Status details = StatusProto.fromThrowable(e);
        assertThat(details).isNotNull();
        assertThat(details.getMessage()).isEqualTo("not here");
        assertThat(details.getDetails(0).getTypeUrl()).endsWith("echo.EchoResponse");
        Status special = status(() -> blocking.echo(req("status:2:" + SPECIAL)));
        assertThat(special.getCode()).isEqualTo(Status.Code.UNKNOWN);
        assertThat(special.getDescription()).isEqualTo(SPECIAL);
        Status plain = status(() -> blocking.echo(req("fail:something failed")));
        assertThat(plain.getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(plain.getDescription()).isEqualTo("something failed [biz error]");
    }

    @Test
    void businessStatusAsKitexSendsIt() {
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        Status s = status(() -> blocking.withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                .echo(req("biz")));
        assertThat(s.getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(s.getDescription()).isEqualTo("not found");
        assertThat(trailers.get().get(Metadata.Key.of("biz-status", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("404");
        assertThat(trailers.get().get(Metadata.Key.of("biz-extra", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("{\"k\":\"v\"}");
    }

    @Test
    void unknownServiceOrMethodIsUnimplemented() {
        // (A bare "EchoService/Echo" reaches echo.EchoService: the engine routes a service name
        // without package to the hosted service of that name, as Kitex does.)
        for (String name : new String[] {"echo.EchoService/Nope", "other.Service/Echo", "other.EchoService/Echo"}) {
            MethodDescriptor<EchoRequest, EchoResponse> m = MethodDescriptor.<EchoRequest, EchoResponse>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(name)
                    .setRequestMarshaller(ProtoUtils.marshaller(EchoRequest.getDefaultInstance()))
                    .setResponseMarshaller(ProtoUtils.marshaller(EchoResponse.getDefaultInstance())).build();
            Status s = status(() -> ClientCalls.blockingUnaryCall(channel, m, CallOptions.DEFAULT, req("x")));
            assertThat(s.getCode()).as(name).isEqualTo(Status.Code.UNIMPLEMENTED);
            assertThat(s.getDescription()).as(name).isEqualTo("Method not found: " + name);
        }
    }

    @Test
    void largeMessagesAndOversizeRefusal() throws Exception {
        String eight = "e".repeat(8 << 20);
        assertThat(blocking.echo(req(eight)).getMessage()).isEqualTo(eight);
        assertThat(blocking.echo(req("big:" + (8 << 20))).getMessage()).hasSize(8 << 20);
        // over the server's 9 MiB
        Status s = status(() -> blocking.echo(req("o".repeat(10 << 20))));
        assertThat(s.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        // over a grpc-java client's default 4 MiB
        ManagedChannel small = NettyChannelBuilder.forTarget(channel.authority()).usePlaintext().build();
        try {
            Status t = status(() -> EchoServiceGrpc.newBlockingStub(small).echo(req("big:" + (5 << 20))));
            assertThat(t.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        } finally {
            small.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        assertThat(blocking.echo(req("after")).getMessage()).isEqualTo("after");
    }

    @Test
    void gracefulShutdownSendsGoAwayAndLetsTheCallInFlightFinish() throws Exception {
        Server s = Server.builder().address(new InetSocketAddress("127.0.0.1", 0)).service(PbEcho.definition())
                .exitWaitTime(Duration.ofSeconds(10)).build();
        InetSocketAddress a = s.start();
        ManagedChannel ch = NettyChannelBuilder.forAddress(a.getHostString(), a.getPort()).usePlaintext().build();
        try {
            EchoServiceGrpc.EchoServiceFutureStub stub = EchoServiceGrpc.newFutureStub(ch);
            assertThat(stub.echo(req("warm")).get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("warm");
            com.google.common.util.concurrent.ListenableFuture<EchoResponse> inFlight = stub.echo(req("wait:shutdown"));
            assertThat(PbEcho.awaitStarted("shutdown")).isTrue();
            Thread stopper = new Thread(s::stop);
            stopper.start();
            // After the GOAWAY no new call gets in.
            long deadline = System.nanoTime() + 10_000_000_000L;
            Status refused = null;
            while (refused == null && System.nanoTime() < deadline) {
                try {
                    EchoServiceGrpc.newBlockingStub(ch).withDeadlineAfter(2, TimeUnit.SECONDS).echo(req("new"));
                    Thread.sleep(10);
                } catch (StatusRuntimeException e) {
                    refused = e.getStatus();
                }
            }
            assertThat(refused).isNotNull();
            assertThat(refused.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(inFlight.isDone()).isFalse();
            PbEcho.release("shutdown");
            assertThat(inFlight.get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("wait:shutdown");
            stopper.join(15_000);
            assertThat(stopper.isAlive()).isFalse();
        } finally {
            PbEcho.release("shutdown");
            ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            s.stop();
        }
    }

    @Test
    void tlsWithAlpn(@TempDir Path dir) throws Exception {
        TestCerts certs = TestCerts.create(dir);
        Server s = Server.builder().address(new InetSocketAddress("127.0.0.1", 0)).service(PbEcho.definition())
                .transportConfig(c -> c.tls(certs.certFile, certs.keyFile)).build();
        InetSocketAddress a = s.start();
        ManagedChannel ch = NettyChannelBuilder.forAddress(a.getHostString(), a.getPort())
                .sslContext(GrpcSslContexts.forClient().trustManager(certs.certFile.toFile()).build())
                .overrideAuthority("localhost").build();
        try {
            assertThat(EchoServiceGrpc.newBlockingStub(ch).echo(req("secure")).getMessage()).isEqualTo("secure");
            Iterator<EchoResponse> it = EchoServiceGrpc.newBlockingStub(ch).serverStream(req("tls"));
            List<String> got = new ArrayList<>();
            it.forEachRemaining(r -> got.add(r.getMessage()));
            assertThat(got).containsExactly("tls0", "tls1", "tls2");
        } finally {
            ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            s.stop();
        }
    }

    @Test
    void manyConcurrentCallsOnOneConnection() throws Exception {
        EchoServiceGrpc.EchoServiceFutureStub stub = EchoServiceGrpc.newFutureStub(channel);
        List<com.google.common.util.concurrent.ListenableFuture<EchoResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            calls.add(stub.echo(req("c" + i)));
        }
        for (int i = 0; i < 500; i++) {
            assertThat(calls.get(i).get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("c" + i);
        }
    }
}
