package io.kitex4j.interop.grpc.echo;

import static io.kitex4j.interop.grpc.echo.PbEcho.req;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.client.CallOptions;
import io.kitex4j.client.Client;
import io.kitex4j.context.RpcContext;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.ConnectionException;
import io.kitex4j.errors.RemoteOrNetworkException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.examples.echo.EchoError;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.interop.grpc.echo.proto.EchoRequest;
import io.kitex4j.interop.grpc.echo.proto.EchoResponse;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.kitex4j.service.ServiceDefinition;
import io.kitex4j.streaming.ClientStream;
import io.kitex4j.streaming.ServerStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Kitex4j client and Kitex4j server over gRPC, through both engines. */
class Kitex4jBothSidesTest {

    /** The Thrift echo of kitex4j-examples: "err" → its declared EchoError, "biz" → a business error. */
    static final class ThriftEcho implements EchoService.Iface {
        @Override
        public io.kitex4j.examples.echo.EchoResponse echo(io.kitex4j.examples.echo.EchoRequest req) throws EchoError {
            if ("err".equals(req.getMessage())) {
                throw new EchoError(7, "bad input");
            }
            if ("biz".equals(req.getMessage())) {
                throw new BizStatusException(404, "not found", Map.of("k", "v"));
            }
            return new io.kitex4j.examples.echo.EchoResponse(req.getMessage());
        }

        static final java.util.concurrent.BlockingQueue<String> FIRED = new java.util.concurrent.LinkedBlockingQueue<>();

        @Override
        public void fire(io.kitex4j.examples.echo.EchoRequest req) {
            FIRED.add(req.getMessage());
        }
    }

    private static Client grpcClient(ServiceDescriptorHolder d, InetSocketAddress a) {
        return Client.builder(d.descriptor).transportProtocol(TransportProtocol.GRPC).destService(d.descriptor.serviceName())
                .hostPorts(a.getHostString() + ":" + a.getPort()).connectTimeout(Duration.ofSeconds(2)).build();
    }

    private record ServiceDescriptorHolder(io.kitex4j.service.ServiceDescriptor descriptor) { }

    @Test
    void thriftOverGrpcAndFramedThriftOnTheSamePort() throws Exception {
        Server server = Server.builder().address(new InetSocketAddress("127.0.0.1", 0))
                .service(EchoService.definition(new ThriftEcho())).build();
        InetSocketAddress a = server.start();
        try (Client grpc = grpcClient(new ServiceDescriptorHolder(EchoService.DESCRIPTOR), a);
             Client framed = Client.builder(EchoService.DESCRIPTOR).hostPorts(a.getHostString() + ":" + a.getPort()).build();
             Client ttheader = Client.builder(EchoService.DESCRIPTOR).transportProtocol(TransportProtocol.TTHEADER_FRAMED)
                     .hostPorts(a.getHostString() + ":" + a.getPort()).build()) {
            EchoService.Stub overGrpc = new EchoService.Stub(grpc);
            assertThat(overGrpc.echo(new io.kitex4j.examples.echo.EchoRequest("hello")).getMessage()).isEqualTo("hello");
            assertThatThrownBy(() -> overGrpc.echo(new io.kitex4j.examples.echo.EchoRequest("err")))
                    .isInstanceOfSatisfying(EchoError.class, e -> assertThat(e.getCode()).isEqualTo(7));
            assertThatThrownBy(() -> overGrpc.echo(new io.kitex4j.examples.echo.EchoRequest("biz")))
                    .isInstanceOfSatisfying(BizStatusException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.extra()).isEqualTo(Map.of("k", "v"));
                    });
            // a oneway method over gRPC: done once sent; the handler runs
            overGrpc.fire(new io.kitex4j.examples.echo.EchoRequest("fired"));
            assertThat(ThriftEcho.FIRED.poll(10, TimeUnit.SECONDS)).isEqualTo("fired");
            assertThat(new EchoService.Stub(framed).echo(new io.kitex4j.examples.echo.EchoRequest("framed")).getMessage())
                    .isEqualTo("framed");
            assertThat(new EchoService.Stub(ttheader).echo(new io.kitex4j.examples.echo.EchoRequest("ttheader")).getMessage())
                    .isEqualTo("ttheader");
            // again, interleaved, on the connections already open
            for (int i = 0; i < 20; i++) {
                assertThat(overGrpc.echo(new io.kitex4j.examples.echo.EchoRequest("g" + i)).getMessage()).isEqualTo("g" + i);
                assertThat(new EchoService.Stub(framed).echo(new io.kitex4j.examples.echo.EchoRequest("f" + i)).getMessage())
                        .isEqualTo("f" + i);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void protobufCallsThroughBothEngines() throws Exception {
        Server server = Server.builder().address(new InetSocketAddress("127.0.0.1", 0)).service(PbEcho.definition()).build();
        InetSocketAddress a = server.start();
        try (Client c = grpcClient(new ServiceDescriptorHolder(PbEcho.CLIENT_DESCRIPTOR), a)) {
            assertThat(c.invoke(PbEcho.ECHO, req("hi")).get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("hi");
            String mi = RpcContext.current().withValue("Transient_Key", "tv").withPersistentValue("Persist_Key", "pv")
                    .call(() -> c.invoke(PbEcho.ECHO, req("metainfo")).get(10, TimeUnit.SECONDS).getMessage());
            assertThat(mi).isEqualTo("tv,pv");
            long left = Long.parseLong(c.invoke(PbEcho.ECHO, req("deadline"), CallOptions.DEFAULT.withRpcTimeout(Duration.ofSeconds(3)))
                    .get(10, TimeUnit.SECONDS).getMessage());
            assertThat(left).isBetween(1L, 3000L);
            Throwable biz = failure(c.invoke(PbEcho.ECHO, req("biz")));
            assertThat(biz).isInstanceOf(BizStatusException.class);
            assertThat(((BizStatusException) biz).extra()).isEqualTo(Map.of("k", "v"));
            assertThat(StatusCode.of(failure(c.invoke(PbEcho.NOPE, req("x"))))).isEqualTo(StatusCode.UNIMPLEMENTED);
            assertThat(c.invoke(PbEcho.ECHO, req("compressed?"), CallOptions.DEFAULT.withCompressor("gzip")).get(10, TimeUnit.SECONDS)
                    .getMessage()).isEqualTo("true");
            ClientStream<EchoRequest, EchoResponse> s = c.openStream(PbEcho.CLIENT_STREAM);
            s.send(req("x"));
            s.send(req("y"));
            assertThat(s.closeAndRecv().getMessage()).isEqualTo("x,y");
        } finally {
            server.stop();
        }
    }

    private static Throwable failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void gracefulShutdownLetsTheCallInFlightFinish() throws Exception {
        Server server = Server.builder().address(new InetSocketAddress("127.0.0.1", 0)).service(PbEcho.definition())
                .exitWaitTime(Duration.ofSeconds(10)).build();
        InetSocketAddress a = server.start();
        try (Client c = grpcClient(new ServiceDescriptorHolder(PbEcho.CLIENT_DESCRIPTOR), a)) {
            assertThat(c.invoke(PbEcho.ECHO, req("warm")).get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("warm");
            CompletableFuture<EchoResponse> inFlight = c.invoke(PbEcho.ECHO, req("wait:ours"));
            assertThat(PbEcho.awaitStarted("ours")).isTrue();
            Thread stopper = new Thread(server::stop);
            stopper.start();
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
            PbEcho.release("ours");
            assertThat(inFlight.get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("wait:ours");
            stopper.join(15_000);
            assertThat(stopper.isAlive()).isFalse();
        } finally {
            PbEcho.release("ours");
            server.stop();
        }
    }

    /**
     * Back-pressure end to end: 100,000 messages through a bidirectional echo whose client-side
     * reader is slow (it stops three times until the writer is stuck). At every moment the
     * messages sent but not yet read back stay within what the two flow-control windows hold
     * (plus the one message each side holds in hand): the writer is held back, never buffered.
     */
    @Test
    void aBidiStreamOf100000MessagesWithASlowConsumerStaysBounded() throws Exception {
        ServiceDefinition def = ServiceDefinition.builder(PbEcho.DESCRIPTOR)
                .unary(PbEcho.ECHO, r -> PbEcho.resp(r.getMessage()))
                .stream(PbEcho.SERVER_STREAM, s -> { })
                .stream(PbEcho.CLIENT_STREAM, s -> { })
                .stream(PbEcho.BIDI, (ServerStream<EchoRequest, EchoResponse> s) -> {
                    EchoRequest r;
                    while ((r = s.recv()) != null) {
                        s.send(PbEcho.resp(r.getMessage()));
                    }
                })
                .build();
        Server server = Server.builder().address(new InetSocketAddress("127.0.0.1", 0)).service(def).build();
        InetSocketAddress a = server.start();
        final int total = 100_000;
        String payload = "p".repeat(100);
        int wire = req(payload).getSerializedSize() + 5; // the same size both ways
        // One 65535-byte window per direction, the message a waiting receive already let in, and
        // the one the server handler holds between its receive and its send.
        long bound = 2L * (65535 / wire + 1) + 2;
        try (Client c = grpcClient(new ServiceDescriptorHolder(PbEcho.CLIENT_DESCRIPTOR), a)) {
            ClientStream<EchoRequest, EchoResponse> s = c.openStream(PbEcho.BIDI);
            AtomicLong sent = new AtomicLong();
            AtomicLong received = new AtomicLong();
            AtomicLong maxOutstanding = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                EchoRequest m = req(payload);
                for (int i = 0; i < total; i++) {
                    s.send(m);
                    long out = sent.incrementAndGet() - received.get();
                    maxOutstanding.accumulateAndGet(out, Math::max);
                }
                s.closeSend();
            });
            int stalls = 0;
            for (int i = 0; i < total; i++) {
                if (i == 20_000 || i == 50_000 || i == 80_000) {
                    // Stop reading until the writer is stuck: the stream says it cannot take a message
                    // and the writer's count stopped moving (bounded wait; a slow writer only waits longer).
                    long last = -1;
                    long deadline = System.nanoTime() + 20_000_000_000L;
                    while (System.nanoTime() < deadline) {
                        long now = sent.get();
                        if (now == last && !s.isReady()) {
                            break;
                        }
                        last = now;
                        Thread.sleep(50);
                    }
                    assertThat(sent.get() - received.get()).as("stuck writer, %d outstanding", sent.get() - received.get())
                            .isLessThanOrEqualTo(bound);
                    assertThat(sent.get()).isLessThan(total);
                    // The writer waits inside a send that the window cannot take: the stream says so.
                    assertThat(s.isReady()).as("isReady while the writer is stuck").isFalse();
                    stalls++;
                }
                EchoResponse r = s.recv();
                assertThat(r).isNotNull();
                received.incrementAndGet();
            }
            assertThat(s.recv()).isNull();
            writer.get(30, TimeUnit.SECONDS);
            assertThat(stalls).isEqualTo(3);
            assertThat(sent.get()).isEqualTo(total);
            assertThat(maxOutstanding.get()).as("most messages in flight").isLessThanOrEqualTo(bound);
        } finally {
            server.stop();
        }
    }
}
