package io.kitex4j.transport.netty.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.context.CallHeaders;
import io.kitex4j.errors.ConnectionException;
import io.kitex4j.errors.RemoteOrNetworkException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.streaming.Stream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Our gRPC client against our gRPC server, over the transports alone (a fake engine). */
class GrpcTransportTest {

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("no failure: " + e, e);
        }
        throw new AssertionError("completed normally");
    }

    private static StatusException status(RemoteMessage reply) {
        assertThat(reply.messageType()).isEqualTo(MessageType.EXCEPTION);
        return (StatusException) reply.body();
    }

    @Test
    void unaryEcho() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            RemoteMessage reply = h.call("hello");
            assertThat(reply.messageType()).isEqualTo(MessageType.REPLY);
            assertThat(reply.body()).isEqualTo("hello");
            assertThat(reply.strInfo()).containsEntry("grpc-status", "0").containsEntry("grpc-message", "");
            RemoteMessage seen = h.dispatcher.requests.get(0);
            assertThat(seen.serviceName()).isEqualTo("test.Echo");
            assertThat(seen.methodName()).isEqualTo("Unary");
            assertThat(seen.seqId()).isEqualTo(1); // the HTTP/2 stream id
            assertThat(seen.remoteAddress()).isNotNull();
            assertThat(seen.deadlineNanos()).isZero();
            // Many calls share one connection.
            List<CompletableFuture<RemoteMessage>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(h.client.send(GrpcHarness.request(TestDispatcher.UNARY, "c" + i), h.address));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(calls.get(i).get(10, TimeUnit.SECONDS).body()).isEqualTo("c" + i);
            }
            assertThat(h.client.grpcConnections()).as("%s", h.client).isEqualTo(1);
        }
    }

    @Test
    void statusMessageAndDetailsTravelBothWays() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            StatusException e = status(h.call("status:5:" + GrpcStatusTest.SPECIAL));
            assertThat(e.code()).isEqualTo(StatusCode.NOT_FOUND);
            assertThat(e.statusMessage()).isEqualTo(GrpcStatusTest.SPECIAL);
            assertThat(e.details()).isEqualTo("det".getBytes(StandardCharsets.UTF_8));
            e = status(h.call("fail:something failed"));
            assertThat(e.code()).isEqualTo(StatusCode.INTERNAL);
            assertThat(e.statusMessage()).isEqualTo("something failed [biz error]");
            e = status(h.call("panic"));
            assertThat(e.statusMessage()).startsWith("panic: ");
            assertThat(status(h.call("app:1")).code()).isEqualTo(StatusCode.UNIMPLEMENTED);
            assertThat(status(h.call("app:6")).statusMessage()).isEqualTo("app error [biz error]");
        }
    }

    @Test
    void businessStatusComesBackAsTrailers() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            RemoteMessage reply = h.call("biz");
            assertThat(reply.messageType()).isEqualTo(MessageType.REPLY);
            assertThat(reply.body()).isNull();
            assertThat(reply.strInfo()).containsEntry("biz-status", "404").containsEntry("biz-extra", "{\"k\":\"v\"}")
                    .containsEntry("grpc-status", "13").containsEntry("grpc-message", "not found");
        }
    }

    @Test
    void unknownServiceOrMethodIsUnimplemented() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            RemoteMessage req = GrpcHarness.request(TestDispatcher.UNARY, "x").methodName("Nope");
            StatusException e = status(h.call(req));
            assertThat(e.code()).isEqualTo(StatusCode.UNIMPLEMENTED);
            assertThat(e.statusMessage()).isEqualTo("Method not found: test.Echo/Nope");
            e = status(h.call(GrpcHarness.request(TestDispatcher.UNARY, "x").serviceName("no.Such")));
            assertThat(e.statusMessage()).isEqualTo("Method not found: no.Such/Unary");
        }
    }

    @Test
    void metadataBothWaysAsciiAndBinary() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            RemoteMessage req = GrpcHarness.request(TestDispatcher.UNARY, "meta");
            req.strInfo().put("rpc-transit-transient-key", "tv");
            req.strInfo().put("k1", "v1");
            req.strInfo().put("kb-bin", Base64.getEncoder().withoutPadding().encodeToString(new byte[] {0, (byte) 0xFE}));
            req.strInfo().put("utf8", "caf\u00e9");
            RemoteMessage reply = h.call(req);
            assertThat((String) reply.body()).contains("k1=v1", "kb-bin=AP4", "rpc-transit-transient-key=tv", "utf8=caf\u00e9")
                    .doesNotContain("te=", "content-type", "user-agent", "grpc-accept-encoding");
            CallHeaders ch = req.callHeaders();
            assertThat(ch.responseHeader("h1")).isEqualTo("v1");
            assertThat(ch.binaryResponseHeader("hb-bin")).containsExactly(0, 1, 2, 0xFF);
            assertThat(ch.responseTrailer("t1")).isEqualTo("tv");
            assertThat(ch.binaryResponseTrailer("tb-bin")).containsExactly(9, 8, 7);
            assertThat(ch.responseHeaders()).doesNotContainKeys("content-type", "grpc-status", ":status");
            assertThat(reply.strInfo()).containsEntry("t1", "tv").doesNotContainKey("h1");
        }
    }

    @Test
    void deadlinesTravelAndExpire() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            RemoteMessage req = GrpcHarness.request(TestDispatcher.UNARY, "deadline").deadlineNanos(System.nanoTime() + 5_000_000_000L);
            long left = Long.parseLong((String) h.call(req).body());
            assertThat(left).isBetween(1L, 5000L);
            assertThat(Long.parseLong((String) h.call("deadline").body())).isEqualTo(-1); // no grpc-timeout, no deadline
            // A deadline that passes: the client's own timer and the server's both say DEADLINE_EXCEEDED.
            RemoteMessage slow = GrpcHarness.request(TestDispatcher.UNARY, "sleep:3000").deadlineNanos(System.nanoTime() + 200_000_000L);
            Throwable t = failure(h.client.send(slow, h.address));
            assertThat(StatusCode.of(t)).isEqualTo(StatusCode.DEADLINE_EXCEEDED);
            // A deadline already passed is not sent at all.
            RemoteMessage late = GrpcHarness.request(TestDispatcher.UNARY, "x").deadlineNanos(System.nanoTime() - 1);
            assertThat(StatusCode.of(failure(h.client.send(late, h.address)))).isEqualTo(StatusCode.DEADLINE_EXCEEDED);
        }
    }

    @Test
    void gzipBothWays() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            String big = "compressible ".repeat(10_000);
            RemoteMessage req = GrpcHarness.request(TestDispatcher.UNARY, big).compressor("gzip");
            RemoteMessage reply = h.call(req);
            assertThat(reply.body()).isEqualTo(big);
            RemoteMessage seen = h.dispatcher.requests.get(0);
            assertThat(seen.callHeaders().requestCompressed()).isTrue();
            assertThat(seen.wireSize()).isLessThan(big.length() / 10);
            assertThat(req.callHeaders().requestCompressed()).as("the reply came compressed (request was)").isTrue();
            // The server compresses when the handler asks (and the client accepts gzip).
            RemoteMessage plain = GrpcHarness.request(TestDispatcher.UNARY, "gzip");
            assertThat(h.call(plain).body()).isEqualTo("gzip".repeat(1000));
            assertThat(plain.callHeaders().requestCompressed()).isTrue();
            assertThat(h.call(GrpcHarness.request(TestDispatcher.UNARY, "x")).body()).isEqualTo("x");
            assertThatThrownBy(() -> h.client.send(GrpcHarness.request(TestDispatcher.UNARY, "x").compressor("snappy"), h.address).get())
                    .hasMessageContaining("snappy");
        }
    }

    @Test
    void largeMessagesWithARaisedLimitAndOversizeRefusedOnEitherSide() throws Exception {
        TransportConfig nineMiB = TransportConfig.builder().grpcMaxMessageSize(9 << 20).build();
        try (GrpcHarness h = new GrpcHarness(nineMiB, nineMiB)) {
            String eight = "y".repeat(8 << 20);
            assertThat(h.call(eight).body()).isEqualTo(eight);
            assertThat(((String) h.call("big:" + (8 << 20)).body()).length()).isEqualTo(8 << 20);
        }
        try (GrpcHarness h = new GrpcHarness()) { // 4 MiB both sides
            StatusException e = status(h.call("z".repeat(5 << 20)));
            assertThat(e.code()).isEqualTo(StatusCode.RESOURCE_EXHAUSTED);
            assertThat(e.statusMessage()).contains("exceeds maximum size 4194304");
            Throwable t = failure(h.client.send(GrpcHarness.request(TestDispatcher.UNARY, "big:" + (5 << 20)), h.address));
            assertThat(t).isInstanceOf(StatusException.class);
            assertThat(((StatusException) t).code()).isEqualTo(StatusCode.RESOURCE_EXHAUSTED);
            assertThat(h.call("after").body()).isEqualTo("after"); // the connection is fine
        }
    }

    @Test
    void theThreeStreamingKinds() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            // server streaming: one request, N responses
            h.dispatcher.streamHandler = (req, s) -> {
                String first = (String) s.receive().get();
                assertThat(s.receive().get()).isNull();
                for (int i = 0; i < 5; i++) {
                    s.send(first + i).get();
                }
            };
            Stream s = h.open(TestDispatcher.SERVER_STREAM);
            s.send("r").get(5, TimeUnit.SECONDS);
            s.closeSend().get(5, TimeUnit.SECONDS);
            List<Object> got = new ArrayList<>();
            Object m;
            while ((m = s.receive().get(5, TimeUnit.SECONDS)) != null) {
                got.add(m);
            }
            assertThat(got).containsExactly("r0", "r1", "r2", "r3", "r4");
            s.done().get(5, TimeUnit.SECONDS);

            // client streaming: N requests, one response
            h.dispatcher.streamHandler = (req, st) -> {
                int n = 0;
                while (st.receive().get() != null) {
                    n++;
                }
                st.send("count=" + n).get();
            };
            s = h.open(TestDispatcher.CLIENT_STREAM);
            for (int i = 0; i < 7; i++) {
                s.send("x").get(5, TimeUnit.SECONDS);
            }
            s.closeSend().get(5, TimeUnit.SECONDS);
            assertThat(s.receive().get(5, TimeUnit.SECONDS)).isEqualTo("count=7");
            assertThat(s.receive().get(5, TimeUnit.SECONDS)).isNull();

            // bidi
            h.dispatcher.streamHandler = TestDispatcher::echo;
            s = h.open(TestDispatcher.BIDI);
            for (int i = 0; i < 10; i++) {
                s.send("m" + i).get(5, TimeUnit.SECONDS);
                assertThat(s.receive().get(5, TimeUnit.SECONDS)).isEqualTo("m" + i);
            }
            s.closeSend().get(5, TimeUnit.SECONDS);
            assertThat(s.receive().get(5, TimeUnit.SECONDS)).isNull();
            s.done().get(5, TimeUnit.SECONDS);

            // a handler error after some messages: the messages, then the status
            h.dispatcher.streamHandler = (req, st) -> {
                st.send("one").get();
                throw new StatusException(StatusCode.ABORTED, "stop here");
            };
            s = h.open(TestDispatcher.BIDI);
            assertThat(s.receive().get(5, TimeUnit.SECONDS)).isEqualTo("one");
            Throwable t = failure(s.receive());
            assertThat(((StatusException) t).code()).isEqualTo(StatusCode.ABORTED);
            assertThat(((StatusException) failure(s.done())).statusMessage()).isEqualTo("stop here");
            assertThat(failure(s.send("late"))).isInstanceOf(StatusException.class);
        }
    }

    @Test
    void streamHeadersAndTrailers() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            h.dispatcher.streamHandler = (req, st) -> {
                req.callHeaders().setHeader("sh", "1");
                req.callHeaders().setTrailer("st", "2");
                st.send(req.strInfo().get("in")).get();
            };
            RemoteMessage req = GrpcHarness.request(TestDispatcher.BIDI, null);
            req.strInfo().put("in", "hello");
            Stream s = h.client.openStream(req, h.address).get(5, TimeUnit.SECONDS);
            assertThat(s.receive().get(5, TimeUnit.SECONDS)).isEqualTo("hello");
            assertThat(s.receive().get(5, TimeUnit.SECONDS)).isNull();
            assertThat(req.callHeaders().responseHeader("sh")).isEqualTo("1");
            assertThat(req.callHeaders().responseTrailer("st")).isEqualTo("2");
        }
    }

    @Test
    void cancellationEndsBothSides() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            CompletableFuture<Throwable> serverSaw = new CompletableFuture<>();
            h.dispatcher.streamHandler = (req, st) -> {
                try {
                    while (st.receive().get() != null) {
                        // keep reading until the client cancels
                    }
                    serverSaw.complete(null);
                } catch (ExecutionException e) {
                    serverSaw.complete(e.getCause());
                    assertThat(st.done()).isCompletedExceptionally();
                    throw e;
                }
            };
            Stream s = h.open(TestDispatcher.BIDI);
            s.send("a").get(5, TimeUnit.SECONDS);
            s.cancel(new RuntimeException("changed my mind"));
            Throwable seen = serverSaw.get(5, TimeUnit.SECONDS);
            assertThat(seen).isInstanceOf(StatusException.class);
            assertThat(((StatusException) seen).code()).isEqualTo(StatusCode.CANCELLED);
            assertThat(StatusCode.of(failure(s.receive()))).isEqualTo(StatusCode.CANCELLED);
            assertThat(StatusCode.of(failure(s.done()))).isEqualTo(StatusCode.CANCELLED);

            // The server cancels: the client's receive fails with CANCELLED.
            CountDownLatch cancelled = new CountDownLatch(1);
            h.dispatcher.streamHandler = (req, st) -> {
                st.receive().get();
                st.cancel(new RuntimeException("server gives up"));
                cancelled.countDown();
            };
            s = h.open(TestDispatcher.BIDI);
            s.send("a").get(5, TimeUnit.SECONDS);
            assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(StatusCode.of(failure(s.receive()))).isEqualTo(StatusCode.CANCELLED);

            // A unary call the caller gives up on is reset: the handler's reply is dropped.
            CompletableFuture<RemoteMessage> f = h.client.send(GrpcHarness.request(TestDispatcher.UNARY, "sleep:300"), h.address);
            f.cancel(true);
            assertThat(h.call("next").body()).isEqualTo("next");
        }
    }

    @Test
    void aDeadlineEndsAStreamOnBothSides() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            CompletableFuture<Throwable> serverSaw = new CompletableFuture<>();
            h.dispatcher.streamHandler = (req, st) -> {
                try {
                    st.receive().get(); // never comes
                    serverSaw.complete(null);
                } catch (ExecutionException e) {
                    serverSaw.complete(e.getCause());
                }
            };
            RemoteMessage req = GrpcHarness.request(TestDispatcher.BIDI, null).deadlineNanos(System.nanoTime() + 300_000_000L);
            Stream s = h.client.openStream(req, h.address).get(5, TimeUnit.SECONDS);
            assertThat(StatusCode.of(failure(s.receive()))).isEqualTo(StatusCode.DEADLINE_EXCEEDED);
            assertThat(StatusCode.of(serverSaw.get(5, TimeUnit.SECONDS))).isEqualTo(StatusCode.DEADLINE_EXCEEDED);
        }
    }

    /**
     * Back-pressure: the server handler reads nothing, so after one flow-control window the
     * client's sends stop completing; nothing piles up beyond the window. When the handler
     * reads, every send completes.
     */
    @Test
    void aReceiverThatDoesNotReadStopsTheSender() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            CountDownLatch read = new CountDownLatch(1);
            AtomicInteger received = new AtomicInteger();
            h.dispatcher.streamHandler = (req, st) -> {
                read.await();
                while (st.receive().get() != null) {
                    received.incrementAndGet();
                }
            };
            Stream s = h.open(TestDispatcher.BIDI);
            String msg = "m".repeat(1000); // 1005 bytes on the wire
            int sent = 0;
            CompletableFuture<Void> stuck = null;
            while (sent < 10_000) {
                CompletableFuture<Void> f = s.send(msg);
                try {
                    f.get(1, TimeUnit.SECONDS);
                    sent++;
                } catch (TimeoutException e) {
                    stuck = f;
                    break;
                }
            }
            assertThat(stuck).as("a send blocked after %d messages", sent).isNotNull();
            // One 65535-byte window holds 65 such messages; the socket buffers of both ends may
            // hold a little more before the window is what stops the sender.
            assertThat(sent).isBetween(60, 70);
            assertThat(s.isReady()).isFalse();
            assertThat(((GrpcStream) s).pendingSends()).isEqualTo(1);
            read.countDown();
            stuck.get(10, TimeUnit.SECONDS);
            assertThat(s.isReady()).isTrue();
            for (int i = 0; i < 500; i++) {
                s.send(msg).get(10, TimeUnit.SECONDS);
            }
            s.closeSend().get(5, TimeUnit.SECONDS);
            assertThat(s.receive().get(10, TimeUnit.SECONDS)).isNull();
            assertThat(received.get()).isEqualTo(sent + 1 + 500);
        }
    }

    /** The same the other way: a client that does not read stops the server's sends. */
    @Test
    void aClientThatDoesNotReadStopsTheServer() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            AtomicInteger serverSent = new AtomicInteger();
            AtomicReference<Stream> serverStream = new AtomicReference<>();
            CountDownLatch blocked = new CountDownLatch(1);
            h.dispatcher.streamHandler = (req, st) -> {
                serverStream.set(st);
                String msg = "s".repeat(1000);
                for (int i = 0; i < 1000; i++) {
                    CompletableFuture<Void> f = st.send(msg);
                    try {
                        f.get(1, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        blocked.countDown();
                        f.get();
                    }
                    serverSent.incrementAndGet();
                }
            };
            Stream s = h.open(TestDispatcher.SERVER_STREAM);
            s.closeSend().get(5, TimeUnit.SECONDS);
            assertThat(blocked.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(serverSent.get()).isBetween(60, 70);
            assertThat(serverStream.get().isReady()).isFalse();
            int n = 0;
            while (s.receive().get(10, TimeUnit.SECONDS) != null) {
                n++;
            }
            assertThat(n).isEqualTo(1000);
        }
    }

    @Test
    void gracefulShutdownSendsGoAwayAndLetsTheCallInFlightFinish() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            assertThat(h.call("warm up").body()).isEqualTo("warm up");
            CompletableFuture<RemoteMessage> slow = h.client.send(GrpcHarness.request(TestDispatcher.UNARY, "sleep:700"), h.address);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (h.dispatcher.requests.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread stopper = new Thread(() -> h.stopServer(Duration.ofSeconds(5)));
            stopper.start();
            assertThat(slow.get(10, TimeUnit.SECONDS).body()).isEqualTo("sleep:700");
            stopper.join(10_000);
            assertThat(stopper.isAlive()).isFalse();
            // The server is gone: a new call cannot connect.
            Throwable t = failure(h.client.send(GrpcHarness.request(TestDispatcher.UNARY, "x"), h.address));
            assertThat(t).isInstanceOfAny(ConnectionException.class, RemoteOrNetworkException.class);
            while (h.client.grpcConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(h.client.grpcConnections()).isZero();
        }
    }

    @Test
    void goAwayFromAnIdleServerMakesTheClientReconnect() throws Exception {
        TransportConfig idle = TransportConfig.builder().maxConnectionIdleTime(Duration.ofMillis(300)).build();
        try (GrpcHarness h = new GrpcHarness(idle, GrpcHarness.DEFAULT)) {
            assertThat(h.call("one").body()).isEqualTo("one");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (h.client.grpcConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(h.client.grpcConnections()).isZero();
            assertThat(h.call("two").body()).isEqualTo("two");
        }
    }

    @Test
    void theServersMaxConcurrentStreamsIsHonoured() throws Exception {
        TransportConfig two = TransportConfig.builder().grpcMaxConcurrentStreams(2).build();
        TransportConfig oneConn = TransportConfig.builder().pool(1, 1, Duration.ofMinutes(1)).build();
        try (GrpcHarness h = new GrpcHarness(two, oneConn)) {
            assertThat(h.call("settings").body()).isEqualTo("settings");
            List<CompletableFuture<RemoteMessage>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(h.client.send(GrpcHarness.request(TestDispatcher.UNARY, "sleep:100"), h.address));
            }
            for (CompletableFuture<RemoteMessage> c : calls) {
                assertThat(c.get(10, TimeUnit.SECONDS).messageType()).isEqualTo(MessageType.REPLY);
            }
            assertThat(h.client.grpcConnections()).isEqualTo(1);
        }
    }

    @Test
    void serverKeepalivePingsAnIdleConnection() throws Exception {
        TransportConfig ka = TransportConfig.builder().grpcKeepalive(Duration.ofMillis(200), Duration.ZERO, Duration.ofMillis(300)).build();
        try (GrpcHarness h = new GrpcHarness(ka, GrpcHarness.DEFAULT); RawH2 c = RawH2.open(h.address)) {
            c.preface();
            c.readUntil(RawH2.has(RawH2.PING, 0));
            RawH2.Frame ping = c.first(RawH2.PING, 0);
            assertThat(ping).isNotNull();
            assertThat(ping.flags & 1).as("not an ack").isZero();
            // This client never answers: the server closes the connection.
            c.readUntilClosed();
            assertThat(c.closed).isTrue();
        }
    }

    @Test
    void clientKeepaliveKeepsTheConnectionAlive() throws Exception {
        TransportConfig client = TransportConfig.builder().grpcKeepalive(Duration.ofHours(2), Duration.ofMillis(100),
                Duration.ofSeconds(5)).build();
        TransportConfig server = TransportConfig.builder().grpcMinPingInterval(Duration.ZERO).build();
        io.netty.channel.EventLoopGroup group = io.kitex4j.transport.netty.internal.EventLoops.newGroup(1, "ka-test");
        try (GrpcHarness h = new GrpcHarness(server, GrpcHarness.DEFAULT);
             GrpcClient c = new GrpcClient(client, new io.netty.bootstrap.Bootstrap().group(group)
                     .channel(io.kitex4j.transport.netty.internal.EventLoops.clientChannel()))) {
            assertThat(c.send(GrpcHarness.request(TestDispatcher.UNARY, "a"), h.address).get(10, TimeUnit.SECONDS).body())
                    .isEqualTo("a");
            // Wait (bounded) until the server acknowledged three keepalive pings on the one connection.
            GrpcClientConnection conn = c.connectionsTo(h.address).get(0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (conn.handler.keepAliveAcks() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(conn.handler.keepAliveAcks()).as("acked keepalive pings").isGreaterThanOrEqualTo(3);
            assertThat(c.connectionsTo(h.address)).containsExactly(conn);
            assertThat(c.send(GrpcHarness.request(TestDispatcher.UNARY, "b"), h.address).get(10, TimeUnit.SECONDS).body())
                    .isEqualTo("b");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
