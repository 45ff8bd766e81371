package io.kitex4j.it.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.client.Client;
import io.kitex4j.endpoint.Middleware;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.examples.echo.EchoError;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.examples.greeter.Greeter;
import io.kitex4j.examples.greeter.HelloReply;
import io.kitex4j.examples.greeter.HelloRequest;
import io.kitex4j.rpcinfo.RpcInfo;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.kitex4j.streaming.ClientStream;
import io.kitex4j.streaming.ForwardingStream;
import io.kitex4j.streaming.ServerStream;
import io.kitex4j.streaming.Stream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promise that no protocol bypasses the one middleware model: the SAME middleware
 * instance, installed on a server and on its clients, observes a Thrift call, a Kitex Protobuf
 * call, a gRPC unary call and a gRPC stream (whose messages it counts by wrapping the stream), on
 * one server port, with the protocols, the service and method, and the outcome.
 */
class OneMiddlewareEveryProtocolTest {

    /** What the middleware saw of one call on one side. */
    record Seen(RpcInfo.Side side, TransportProtocol transport, String payload, String service, String method,
                String request, String outcome) {}

    /** One middleware: records each call, and counts the messages of streams in both directions. */
    static final class Recorder implements Middleware {
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        final AtomicInteger streamMessagesIn = new AtomicInteger();
        final AtomicInteger streamMessagesOut = new AtomicInteger();

        @Override
        public io.kitex4j.endpoint.Endpoint wrap(io.kitex4j.endpoint.Endpoint next) {
            return (ctx, req) -> {
                RpcInfo info = ctx.rpcInfo();
                Object request = req instanceof Stream ? counting((Stream) req) : req;
                return next.invoke(ctx, request).handle((resp, err) -> {
                    Object result = resp instanceof Stream ? counting((Stream) resp) : resp;
                    seen.add(new Seen(info.side(), info.config().transportProtocol(),
                            String.valueOf(info.config().payloadProtocol()), info.to().serviceName(), info.to().method(),
                            req == null ? "null" : req instanceof Stream ? "Stream" : req.getClass().getSimpleName(),
                            err != null ? "error " + StatusCode.of(err)
                                    : result instanceof Stream ? "Stream" : result == null ? "null" : "ok"));
                    if (err != null) {
                        throw err instanceof RuntimeException ? (RuntimeException) err
                                : new java.util.concurrent.CompletionException(err);
                    }
                    return result;
                });
            };
        }

        private Stream counting(Stream s) {
            return new ForwardingStream(s) {
                @Override
                public CompletableFuture<Void> send(Object message) {
                    streamMessagesOut.incrementAndGet();
                    return super.send(message);
                }

                @Override
                public CompletableFuture<Object> receive() {
                    return super.receive().thenApply(m -> {
                        if (m != null) {
                            streamMessagesIn.incrementAndGet();
                        }
                        return m;
                    });
                }
            };
        }

        List<Seen> side(RpcInfo.Side side) {
            return seen.stream().filter(s -> s.side() == side).toList();
        }
    }

    private final Recorder recorder = new Recorder();
    private Server server;
    private String hostPort;

    @BeforeEach
    void start() throws Exception {
        server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .middleware(recorder)
                .service(EchoService.definition(new EchoService.Iface() {
                    @Override
                    public EchoResponse echo(EchoRequest req) throws EchoError {
                        if (req.getMessage().equals("fail")) {
                            throw new IllegalStateException("thrift handler failed");
                        }
                        return new EchoResponse(req.getMessage());
                    }

                    @Override
                    public void fire(EchoRequest req) {
                    }
                }))
                .service(Greeter.definition(new Greeter.Iface() {
                    @Override
                    public HelloReply sayHello(HelloRequest request) {
                        if (request.getName().isEmpty()) {
                            throw new StatusException(StatusCode.INVALID_ARGUMENT, "empty name");
                        }
                        return HelloReply.newBuilder().setMessage("hello, " + request.getName()).build();
                    }

                    @Override
                    public void chat(ServerStream<HelloRequest, HelloReply> stream) {
                        for (HelloRequest r = stream.recv(); r != null; r = stream.recv()) {
                            stream.send(HelloReply.newBuilder().setMessage("hi " + r.getName()).build());
                        }
                    }
                }))
                .build();
        InetSocketAddress addr = server.start();
        hostPort = "127.0.0.1:" + addr.getPort();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private Client client(io.kitex4j.service.ServiceDescriptor svc, TransportProtocol transport) {
        return Client.builder(svc).hostPorts(hostPort).transportProtocol(transport).middleware(recorder)
                .rpcTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void theSameMiddlewareSeesThriftKitexProtobufAndGrpcCallsOnBothSides() throws Exception {
        try (Client thrift = client(EchoService.DESCRIPTOR, TransportProtocol.TTHEADER_FRAMED);
             Client kitexPb = client(Greeter.DESCRIPTOR, TransportProtocol.TTHEADER_FRAMED);
             Client grpc = client(Greeter.DESCRIPTOR, TransportProtocol.GRPC)) {
            assertThat(new EchoService.Stub(thrift).echo(new EchoRequest("a")).getMessage()).isEqualTo("a");
            assertThat(new Greeter.Stub(kitexPb).sayHello(HelloRequest.newBuilder().setName("b").build()).getMessage())
                    .isEqualTo("hello, b");
            assertThat(new Greeter.Stub(grpc).sayHello(HelloRequest.newBuilder().setName("c").build()).getMessage())
                    .isEqualTo("hello, c");

            ClientStream<HelloRequest, HelloReply> chat = new Greeter.Stub(grpc).chat();
            for (String name : List.of("x", "y", "z")) {
                chat.send(HelloRequest.newBuilder().setName(name).build());
                assertThat(chat.recv().getMessage()).isEqualTo("hi " + name);
            }
            chat.closeSend();
            assertThat(chat.recv()).isNull();
            chat.done().get(5, TimeUnit.SECONDS);
        }
        // The server side records after the handler's outcome is known; wait for the stream's record.
        awaitRecords(8);

        assertThat(recorder.side(RpcInfo.Side.CLIENT)).containsExactly(
                new Seen(RpcInfo.Side.CLIENT, TransportProtocol.TTHEADER_FRAMED, "THRIFT_BINARY", "EchoService", "echo",
                        "EchoArgs", "ok"),
                new Seen(RpcInfo.Side.CLIENT, TransportProtocol.TTHEADER_FRAMED, "KITEX_PROTOBUF", "Greeter", "SayHello",
                        "HelloRequest", "ok"),
                new Seen(RpcInfo.Side.CLIENT, TransportProtocol.GRPC, "PROTOBUF", "Greeter", "SayHello",
                        "HelloRequest", "ok"),
                new Seen(RpcInfo.Side.CLIENT, TransportProtocol.GRPC, "PROTOBUF", "Greeter", "Chat", "null", "Stream"));
        assertThat(recorder.side(RpcInfo.Side.SERVER)).containsExactlyInAnyOrder(
                new Seen(RpcInfo.Side.SERVER, TransportProtocol.TTHEADER_FRAMED, "THRIFT_BINARY", "EchoService", "echo",
                        "EchoArgs", "ok"),
                new Seen(RpcInfo.Side.SERVER, TransportProtocol.TTHEADER_FRAMED, "KITEX_PROTOBUF", "Greeter", "SayHello",
                        "HelloRequest", "ok"),
                new Seen(RpcInfo.Side.SERVER, TransportProtocol.GRPC, "PROTOBUF", "Greeter", "SayHello",
                        "HelloRequest", "ok"),
                new Seen(RpcInfo.Side.SERVER, TransportProtocol.GRPC, "PROTOBUF", "Greeter", "Chat", "Stream", "null"));
        // Three requests and three replies, each counted once by the client's wrapper and once by the server's.
        assertThat(recorder.streamMessagesOut.get()).isEqualTo(6);
        assertThat(recorder.streamMessagesIn.get()).isEqualTo(6);
    }

    @Test
    void theSameMiddlewareSeesEachProtocolsFailure() throws Exception {
        try (Client thrift = client(EchoService.DESCRIPTOR, TransportProtocol.FRAMED);
             Client kitexPb = client(Greeter.DESCRIPTOR, TransportProtocol.FRAMED);
             Client grpc = client(Greeter.DESCRIPTOR, TransportProtocol.GRPC)) {
            assertThatThrownBy(() -> new EchoService.Stub(thrift).echo(new EchoRequest("fail")))
                    .hasMessageContaining("thrift handler failed");
            HelloRequest empty = HelloRequest.getDefaultInstance();
            assertThatThrownBy(() -> new Greeter.Stub(kitexPb).sayHello(empty)).hasMessageContaining("empty name");
            assertThatThrownBy(() -> new Greeter.Stub(grpc).sayHello(empty))
                    .isInstanceOfSatisfying(StatusException.class,
                            e -> assertThat(e.code()).isEqualTo(StatusCode.INVALID_ARGUMENT));
        }
        awaitRecords(6);
        assertThat(recorder.side(RpcInfo.Side.CLIENT)).extracting(Seen::transport, Seen::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TransportProtocol.FRAMED, "error INTERNAL"),
                org.assertj.core.groups.Tuple.tuple(TransportProtocol.FRAMED, "error INTERNAL"),
                org.assertj.core.groups.Tuple.tuple(TransportProtocol.GRPC, "error INVALID_ARGUMENT"));
        assertThat(recorder.side(RpcInfo.Side.SERVER)).extracting(Seen::transport, Seen::outcome)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(TransportProtocol.FRAMED, "error INTERNAL"),
                        org.assertj.core.groups.Tuple.tuple(TransportProtocol.FRAMED, "error INVALID_ARGUMENT"),
                        org.assertj.core.groups.Tuple.tuple(TransportProtocol.GRPC, "error INVALID_ARGUMENT"));
    }

    private void awaitRecords(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (recorder.seen.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(recorder.seen).hasSize(n);
    }
}
