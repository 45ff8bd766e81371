package io.kitex4j.transport.netty.internal.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.errors.InternalException;
import io.kitex4j.errors.StatusCode;
import io.kitex4j.errors.StatusException;
import io.kitex4j.remote.MessageType;
import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.transport.TransportConfig;
import io.kitex4j.streaming.Stream;
import io.kitex4j.transport.netty.internal.EventLoops;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of the gRPC transport found in review: a unary request that cannot be encoded,
 * the order of sends from several threads, pool races, GOAWAY with streams still buffered,
 * one flush per unary call, and a server abort while the client has stopped reading.
 */
class GrpcEdgeCasesTest {
    private EventLoopGroup group;

    @BeforeEach
    void loops() {
        group = EventLoops.newGroup(1, "edge-case-client");
    }

    @AfterEach
    void stopLoops() throws Exception {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
    }

    /** A client of its own on a single event loop (so a task submitted to it runs after the ones queued before). */
    private GrpcClient client(TransportConfig config) {
        return new GrpcClient(config, new Bootstrap().group(group).channel(EventLoops.clientChannel()));
    }

    private static Throwable failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("completed normally");
    }

    // ------------------------------------------------------------------ finding 1

    @Test
    void aUnaryRequestThatCannotBeEncodedFailsAtOnceAndHoldsNothing() throws Exception {
        try (GrpcHarness h = new GrpcHarness(); GrpcClient c = client(GrpcHarness.DEFAULT)) {
            assertThat(c.send(GrpcHarness.request(TestDispatcher.UNARY, "warm up"), h.address).get(10, TimeUnit.SECONDS).body())
                    .isEqualTo("warm up");
            // The test codec casts messages to String: an Integer cannot be encoded.
            RemoteMessage bad = GrpcHarness.request(TestDispatcher.UNARY, null).body(42);
            Throwable t = failure(c.send(bad, h.address));
            assertThat(t).isInstanceOf(InternalException.class).hasMessageContaining("test.Echo/Unary")
                    .hasMessageContaining("encode");
            // Nothing went to the server and the connection holds no call.
            assertThat(h.dispatcher.requests).hasSize(1);
            List<GrpcClientConnection> conns = c.connectionsTo(h.address);
            assertThat(conns).hasSize(1);
            assertThat(conns.get(0).reserved.get()).as("%s", c).isZero();
            assertThat(c.send(GrpcHarness.request(TestDispatcher.UNARY, "after"), h.address).get(10, TimeUnit.SECONDS).body())
                    .isEqualTo("after");
        }
    }

    // ------------------------------------------------------------------ finding 2

    @Test
    void aSendFromTheLoopDoesNotOvertakeAnEarlierSendStillQueued() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            Stream s = h.open(TestDispatcher.BIDI);
            GrpcStream gs = (GrpcStream) s;
            AtomicReference<CompletableFuture<Void>> first = new AtomicReference<>();
            AtomicReference<CompletableFuture<Void>> second = new AtomicReference<>();
            // A user thread sends while the loop is busy (its write is queued as a task on the loop),
            // then a callback on the loop sends too: the loop's send must go out second.
            gs.loop.submit(() -> {
                Thread t = new Thread(() -> first.set(s.send("from a user thread")));
                t.start();
                t.join();
                second.set(s.send("from the loop"));
                return null;
            }).get(10, TimeUnit.SECONDS);
            first.get().get(10, TimeUnit.SECONDS);
            second.get().get(10, TimeUnit.SECONDS);
            assertThat(s.receive().get(10, TimeUnit.SECONDS)).isEqualTo("from a user thread");
            assertThat(s.receive().get(10, TimeUnit.SECONDS)).isEqualTo("from the loop");
            s.closeSend().get(10, TimeUnit.SECONDS);
            assertThat(s.receive().get(10, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void aCloseSendFromTheLoopWaitsForAnEarlierSendStillQueued() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            Stream s = h.open(TestDispatcher.BIDI);
            GrpcStream gs = (GrpcStream) s;
            AtomicReference<CompletableFuture<Void>> sent = new AtomicReference<>();
            AtomicReference<CompletableFuture<Void>> closed = new AtomicReference<>();
            gs.loop.submit(() -> {
                Thread t = new Thread(() -> sent.set(s.send("last")));
                t.start();
                t.join();
                closed.set(s.closeSend());
                return null;
            }).get(10, TimeUnit.SECONDS);
            sent.get().get(10, TimeUnit.SECONDS); // not "send after closeSend"
            closed.get().get(10, TimeUnit.SECONDS);
            assertThat(s.receive().get(10, TimeUnit.SECONDS)).isEqualTo("last");
            assertThat(s.receive().get(10, TimeUnit.SECONDS)).isNull();
            s.done().get(10, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ finding 3

    /**
     * Idle eviction racing new calls: a connection is marked draining in the same locked step
     * that found it idle, so no call can be placed on a connection that is about to close.
     */
    @Test
    void idleEvictionNeverTakesAConnectionACallJustReserved() throws Exception {
        TransportConfig evictAtOnce = TransportConfig.builder().pool(2, 2, Duration.ofNanos(1)).build();
        try (GrpcHarness h = new GrpcHarness(); GrpcClient c = client(evictAtOnce)) {
            AtomicBoolean stop = new AtomicBoolean();
            Thread evictor = new Thread(() -> {
                while (!stop.get()) {
                    c.evictIdle();
                }
            });
            evictor.start();
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Object>>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int id = t;
                    results.add(callers.submit(() -> {
                        List<Object> bodies = new ArrayList<>();
                        for (int i = 0; i < 100; i++) {
                            bodies.add(c.send(GrpcHarness.request(TestDispatcher.UNARY, id + "-" + i), h.address)
                                    .get(10, TimeUnit.SECONDS).body());
                        }
                        return bodies;
                    }));
                }
                for (int t = 0; t < 4; t++) {
                    assertThat(results.get(t).get(60, TimeUnit.SECONDS)).hasSize(100).startsWith(t + "-0").endsWith(t + "-99");
                }
            } finally {
                stop.set(true);
                evictor.join();
                callers.shutdownNow();
            }
        }
    }

    /** Every call on a new connection: the connection's channel is known before the call is started on it. */
    @Test
    void callsOnFreshConnectionsAlwaysFindTheirChannel() throws Exception {
        TransportConfig shortConns = TransportConfig.builder().shortConnections(true).build();
        try (GrpcHarness h = new GrpcHarness(); GrpcClient c = client(shortConns)) {
            List<CompletableFuture<RemoteMessage>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(c.send(GrpcHarness.request(TestDispatcher.UNARY, "s" + i), h.address));
            }
            for (int i = 0; i < 50; i++) {
                assertThat(calls.get(i).get(10, TimeUnit.SECONDS).body()).isEqualTo("s" + i);
            }
        }
    }

    @Test
    void closingAConnectionBeforeItsChannelIsKnownClosesTheChannelWhenItIs() throws Exception {
        GrpcClientConnection conn = new GrpcClientConnection(null, new InetSocketAddress("127.0.0.1", 1), false);
        conn.close();
        io.netty.channel.embedded.EmbeddedChannel ch = new io.netty.channel.embedded.EmbeddedChannel();
        conn.attach(ch);
        assertThat(ch.isOpen()).isFalse();
    }

    // ------------------------------------------------------------------ finding 4

    /**
     * A single GOAWAY while a call waits in the stream-buffering encoder (over the server's
     * MAX_CONCURRENT_STREAMS): Netty fails its headers with Http2GoAwayException before our
     * handler hears of the GOAWAY; the server never saw the call, so it is retried on a new
     * connection.
     */
    @Test
    void aCallQueuedForAStreamIsRetriedWhenAGoAwayRefusesIt() throws Exception {
        TransportConfig oneConn = TransportConfig.builder().pool(1, 1, Duration.ofMinutes(1)).build();
        try (ServerSocket ss = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             GrpcClient c = client(oneConn)) {
            InetSocketAddress address = new InetSocketAddress(ss.getInetAddress(), ss.getLocalPort());
            CompletableFuture<RemoteMessage> a = c.send(GrpcHarness.request(TestDispatcher.UNARY, "a"), address);
            try (RawH2 first = RawH2.accept(ss)) {
                first.setting(0x3, 1); // MAX_CONCURRENT_STREAMS = 1
                first.ping(42);
                // The client acks the PING after it applied the SETTINGS before it.
                first.readUntil(fs -> fs.stream().anyMatch(f -> f.type == RawH2.PING && (f.flags & 1) != 0)
                        && fs.stream().anyMatch(f -> f.type == RawH2.HEADERS && f.stream == 1));
                CompletableFuture<RemoteMessage> b = c.send(GrpcHarness.request(TestDispatcher.UNARY, "b"), address);
                // B's start was queued on the client's only event loop: after this, B waits in the encoder.
                group.submit(() -> { }).get(10, TimeUnit.SECONDS);
                assertThat(b).isNotDone();
                first.goAway(1, 0); // one GOAWAY: stream 1 goes on, stream 3 was never seen
                try (RawH2 second = RawH2.accept(ss)) {
                    second.frame(RawH2.SETTINGS, 0, 0, new byte[0]);
                    second.readUntil(RawH2.has(RawH2.HEADERS, 1));
                    assertThat(second.first(RawH2.HEADERS, 1).header(":path")).isEqualTo("/test.Echo/Unary");
                    Http2Headers trailersOnly = new DefaultHttp2Headers().status("200").set("content-type", "application/grpc")
                            .set("grpc-status", "5").set("grpc-message", "answered on the second connection");
                    second.headers(1, trailersOnly, true);
                    RemoteMessage reply = b.get(10, TimeUnit.SECONDS);
                    assertThat(reply.messageType()).isEqualTo(MessageType.EXCEPTION);
                    StatusException e = (StatusException) reply.body();
                    assertThat(e.code()).isEqualTo(StatusCode.NOT_FOUND);
                    assertThat(e.statusMessage()).isEqualTo("answered on the second connection");
                }
                assertThat(a).isNotDone();
            }
        }
    }

    // ------------------------------------------------------------------ finding 11

    /** The request headers and the request message of a unary call go out with one flush. */
    @Test
    void aUnaryCallFlushesOnceAfterItsRequestMessage() throws Exception {
        try (GrpcHarness h = new GrpcHarness(); GrpcClient c = client(GrpcHarness.DEFAULT)) {
            assertThat(c.send(GrpcHarness.request(TestDispatcher.UNARY, "warm up"), h.address).get(10, TimeUnit.SECONDS).body())
                    .isEqualTo("warm up");
            Channel ch = c.connectionsTo(h.address).get(0).channel;
            List<String> events = new CopyOnWriteArrayList<>();
            ch.eventLoop().submit(() -> ch.pipeline().addFirst("spy", new ChannelOutboundHandlerAdapter() {
                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
                    // A bare 9-byte buffer is a frame header written on its own (DATA frames are).
                    if (msg instanceof ByteBuf && ((ByteBuf) msg).readableBytes() == 9) {
                        ByteBuf b = (ByteBuf) msg;
                        events.add("frame" + b.getUnsignedByte(b.readerIndex() + 3));
                    } else {
                        events.add("write");
                    }
                    super.write(ctx, msg, promise);
                }

                @Override
                public void flush(ChannelHandlerContext ctx) throws Exception {
                    events.add("flush");
                    super.flush(ctx);
                }
            })).get(10, TimeUnit.SECONDS);
            assertThat(c.send(GrpcHarness.request(TestDispatcher.UNARY, "one flush"), h.address).get(10, TimeUnit.SECONDS).body())
                    .isEqualTo("one flush");
            int firstFlush = events.indexOf("flush");
            assertThat(firstFlush).as("%s", events).isPositive();
            assertThat(events.subList(0, firstFlush)).as("the request DATA is written before the first flush: %s", events)
                    .contains("frame0");
        }
    }

    // ------------------------------------------------------------------ finding 5

    /**
     * The server aborts a call (its deadline passes) while its responses wait for a client that
     * stopped reading: the trailers cannot get past the DATA, so RST_STREAM follows and the
     * stream is over instead of open forever.
     */
    @Test
    void aServerAbortBehindBlockedDataResetsTheStream() throws Exception {
        try (GrpcHarness h = new GrpcHarness(); RawH2 c = RawH2.open(h.address)) {
            h.dispatcher.streamHandler = (req, st) -> {
                String chunk = "x".repeat(10_000);
                for (;;) {
                    st.send(chunk).get(); // fails once the deadline ended the call
                }
            };
            c.preface();
            Http2Headers req = RawH2.request("/test.Echo/ServerStream", "application/grpc").set("grpc-timeout", "300m");
            c.headers(1, req, false).message(1, 0, "go".getBytes(StandardCharsets.UTF_8), true);
            // Never a WINDOW_UPDATE: the server's sends stop after one window.
            c.readUntil(RawH2.has(RawH2.RST_STREAM, 1));
            RawH2.Frame rst = c.first(RawH2.RST_STREAM, 1);
            assertThat(rst).as("RST_STREAM in %s", c.frames).isNotNull();
            assertThat(rst.errorCode()).isEqualTo(0x8); // CANCEL
            assertThat(c.closed).isFalse();
        }
    }

    @Test
    void anEncodeFailureOfAStreamMessageFailsOnlyThatSend() throws Exception {
        try (GrpcHarness h = new GrpcHarness()) {
            Stream s = h.open(TestDispatcher.BIDI);
            assertThatThrownBy(() -> s.send(42).get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StatusException.class);
            s.send("ok").get(10, TimeUnit.SECONDS);
            assertThat(s.receive().get(10, TimeUnit.SECONDS)).isEqualTo("ok");
            s.closeSend().get(10, TimeUnit.SECONDS);
            assertThat(s.receive().get(10, TimeUnit.SECONDS)).isNull();
        }
    }
}
