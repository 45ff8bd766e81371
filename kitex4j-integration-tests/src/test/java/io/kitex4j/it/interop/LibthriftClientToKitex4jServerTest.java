package io.kitex4j.it.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.errors.BizStatusException;
import io.kitex4j.examples.echo.EchoError;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.it.interop.LibthriftEchoClient.Peer;
import io.kitex4j.it.interop.LibthriftEchoClient.Reply;
import io.kitex4j.server.Server;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.transport.TTransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Part 1a: an Apache Thrift Java client (libthrift 0.22's real runtime, driven as generated code
 * drives it) calls a Kitex4j server hosting {@link EchoService}, over binary and compact Thrift,
 * buffered and framed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LibthriftClientToKitex4jServerTest {
    /** Released when a "slow:" echo enters the handler. */
    static final java.util.concurrent.Semaphore SLOW_STARTED = new java.util.concurrent.Semaphore(0);


    /** The Kitex4j handler: echo; "error" → declared EchoError; "boom" → undeclared failure; fire recorded. */
    static final class Handler implements EchoService.Iface {
        final BlockingQueue<String> fired = new LinkedBlockingQueue<>();

        @Override
        public EchoResponse echo(EchoRequest req) throws EchoError {
            String m = req.getMessage();
            if ("error".equals(m)) {
                throw new EchoError(42, "declared failure");
            }
            if ("boom".equals(m)) {
                throw new IllegalStateException("something failed");
            }
            if ("bizerror".equals(m)) {
                throw new BizStatusException(404, "not found", java.util.Map.of("k", "v"));
            }
            if (m != null && m.startsWith("slow:")) {
                SLOW_STARTED.release();
                try {
                    Thread.sleep(Long.parseLong(m.substring(5)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new EchoResponse(m);
        }

        @Override
        public void fire(EchoRequest req) {
            fired.add(String.valueOf(req.getMessage()));
        }
    }

    private final Handler handler = new Handler();
    private Server server;
    private InetSocketAddress address;

    @BeforeEach
    void startServer() throws Exception {
        server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .exitWaitTime(Duration.ofSeconds(5))
                .service(EchoService.definition(handler))
                .build();
        address = server.start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private LibthriftEchoClient connect(Combo combo) throws Exception {
        return new LibthriftEchoClient(combo, address);
    }

    private static void assertEchoed(Reply r, String message, int seq) {
        assertThat(r.appError()).as("application exception").isNull();
        assertThat(r.type()).isEqualTo(TMessageType.REPLY);
        assertThat(r.name()).isEqualTo("echo");
        assertThat(r.seqId()).isEqualTo(seq);
        assertThat(r.errCode()).isNull();
        assertThat(r.success()).isEqualTo(message);
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void echoRoundTripsOnOneConnection(Combo combo) throws Exception {
        try (LibthriftEchoClient c = connect(combo)) {
            for (String m : new String[] {"hello", "", InteropMessages.NON_ASCII, InteropMessages.HUNDRED_KB, "after big"}) {
                Reply r = c.echo(m);
                assertEchoed(r, m, c.lastSeqId());
            }
            // Seq ids are the client's own: the server echoes them back whatever they are.
            for (int i = 0; i < 20; i++) {
                assertEchoed(c.echo("n" + i), "n" + i, c.lastSeqId());
            }
            assertThat(c.probe(100)).isEqualTo(Peer.OPEN_AND_SILENT);
        }
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void unknownFieldsOfANewerClientAreSkipped(Combo combo) throws Exception {
        try (LibthriftEchoClient c = connect(combo)) {
            for (int i = 0; i < 3; i++) {
                int seq = c.sendWithUnknownFields("echo", "newer " + i);
                assertEchoed(c.receive(), "newer " + i, seq);
            }
            // a oneway and a plain call after them: the stream stayed in sync
            c.fire("plain fire");
            assertThat(handler.fired.poll(5, TimeUnit.SECONDS)).isEqualTo("plain fire");
            assertEchoed(c.echo("plain"), "plain", c.lastSeqId());
        }
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void declaredExceptionArrivesInResultField1(Combo combo) throws Exception {
        try (LibthriftEchoClient c = connect(combo)) {
            Reply r = c.echo("error");
            assertThat(r.type()).isEqualTo(TMessageType.REPLY);
            assertThat(r.appError()).isNull();
            assertThat(r.success()).isNull();
            assertThat(r.errCode()).isEqualTo(42);
            assertThat(r.errReason()).isEqualTo("declared failure");
            // a declared exception is a normal reply: the connection stays usable
            assertEchoed(c.echo("still here"), "still here", c.lastSeqId());
        }
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void bizStatusErrorIsAnEmptyReplyWithoutTTHeader(Combo combo) throws Exception {
        // Framed/Buffered cannot carry biz-status: like Kitex (framed-bizerror capture) the server
        // sends a REPLY whose result struct is empty, which a generated libthrift client reports
        // as TApplicationException MISSING_RESULT ("echo failed: unknown result")
        try (LibthriftEchoClient c = connect(combo)) {
            int seq = c.send("echo", "bizerror");
            Reply r = c.receive();
            assertThat(r.type()).isEqualTo(TMessageType.REPLY);
            assertThat(r.seqId()).isEqualTo(seq);
            assertThat(r.appError()).isNull();
            assertThat(r.success()).isNull();
            assertThat(r.errCode()).isNull();
            assertEchoed(c.echo("next"), "next", c.lastSeqId());
        }
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void undeclaredExceptionIsInternalErrorWithBizErrorPrefix(Combo combo) throws Exception {
        try (LibthriftEchoClient c = connect(combo)) {
            int seq = c.send("echo", "boom");
            Reply r = c.receive();
            assertThat(r.type()).isEqualTo(TMessageType.EXCEPTION);
            assertThat(r.name()).isEqualTo("echo");
            assertThat(r.seqId()).isEqualTo(seq);
            TApplicationException x = r.appError();
            assertThat(x).isNotNull();
            assertThat(x.getType()).isEqualTo(TApplicationException.INTERNAL_ERROR);
            assertThat(x.getMessage()).isEqualTo("biz error: something failed");
            // Kitex keeps the connection open after a handler error (framed-plainerror capture)
            assertEchoed(c.echo("next"), "next", c.lastSeqId());
        }
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void unknownMethodIsUnknownServiceAndTheServerCloses(Combo combo) throws Exception {
        try (LibthriftEchoClient c = connect(combo)) {
            assertEchoed(c.echo("warm-up"), "warm-up", c.lastSeqId());
            int seq = c.send("nosuch", "hello");
            Reply r = c.receive();
            assertThat(r.type()).isEqualTo(TMessageType.EXCEPTION);
            assertThat(r.name()).isEqualTo("nosuch");
            assertThat(r.seqId()).isEqualTo(seq);
            // Without a TTHeader isn the request names no service: Kitex answers type 20
            // (UnknownService), "unknown service , method nosuch" (framed-unknownmethod capture).
            assertThat(r.appError().getType()).isEqualTo(20);
            assertThat(r.appError().getMessage()).isEqualTo("unknown service , method nosuch");
            assertThat(c.probe(2000)).as("Kitex closes the connection after an unknown method").isEqualTo(Peer.CLOSED);
        }
        try (LibthriftEchoClient c = connect(combo)) {
            assertEchoed(c.echo("new connection"), "new connection", c.lastSeqId());
        }
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void onewayIsDeliveredAndNothingIsWrittenBack(Combo combo) throws Exception {
        try (LibthriftEchoClient c = connect(combo)) {
            c.fire("one way " + InteropMessages.NON_ASCII);
            assertThat(handler.fired.poll(5, TimeUnit.SECONDS)).isEqualTo("one way " + InteropMessages.NON_ASCII);
            c.fire("second");
            assertThat(handler.fired.poll(5, TimeUnit.SECONDS)).isEqualTo("second");
            assertThat(c.probe(300)).as("no bytes for a oneway call").isEqualTo(Peer.OPEN_AND_SILENT);
            // the next call on the same connection gets exactly its own reply
            assertEchoed(c.echo("after oneway"), "after oneway", c.lastSeqId());
        }
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void anySeqIdIsEchoedBack(Combo combo) throws Exception {
        // libthrift's counter starts at 1 and wraps to negative values; compact writes them as
        // 5-byte zigzag-free varints, binary as plain i32
        try (LibthriftEchoClient c = connect(combo)) {
            for (int seq : new int[] {0, 1, 127, 128, 16_384, Integer.MAX_VALUE, Integer.MIN_VALUE, -1, -128}) {
                c.send("echo", "seq " + seq, seq);
                assertEchoed(c.receive(), "seq " + seq, seq);
            }
            int seq = c.send("nosuch", "x", -7);
            Reply r = c.receive();
            assertThat(r.seqId()).isEqualTo(seq);
            assertThat(r.appError().getType()).isEqualTo(20);
        }
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void serverStopClosesIdleLibthriftConnectionsPromptly(Combo combo) throws Exception {
        try (LibthriftEchoClient c = connect(combo)) {
            assertEchoed(c.echo("before stop"), "before stop", c.lastSeqId());
            long t0 = System.nanoTime();
            server.stop();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            server = null;
            assertThat(c.probe(2000)).isEqualTo(Peer.CLOSED);
            // no request in flight: stop must not sit out the 5 s exit wait time
            assertThat(ms).as("stop() took %d ms", ms).isLessThan(2500);
        }
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void gracefulStopAnswersTheCallInFlightThenCloses(Combo combo) throws Exception {
        try (LibthriftEchoClient c = connect(combo)) {
            SLOW_STARTED.drainPermits();
            int seq = c.send("echo", "slow:400");
            assertThat(SLOW_STARTED.tryAcquire(5, java.util.concurrent.TimeUnit.SECONDS)).as("handler running").isTrue();
            Server s = server;
            server = null;
            Thread stopper = new Thread(s::stop, "stopper");
            stopper.start();
            Reply r = c.receive();
            assertEchoed(r, "slow:400", seq);
            stopper.join(5000);
            assertThat(stopper.isAlive()).isFalse();
            assertThat(c.probe(2000)).isEqualTo(Peer.CLOSED);
        }
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void pipelinedCallsAreAnsweredInOrder(Combo combo) throws Exception {
        // libthrift writes several messages before reading: the server answers each, in order,
        // and writes nothing for the oneway ones in between
        try (LibthriftEchoClient c = connect(combo)) {
            int[] seqs = new int[12];
            for (int i = 0; i < seqs.length; i++) {
                if (i % 4 == 3) {
                    c.fire("f" + i);
                    seqs[i] = -1;
                } else {
                    seqs[i] = c.send("echo", i == 5 ? "error" : "p" + i);
                }
            }
            for (int i = 0; i < seqs.length; i++) {
                if (seqs[i] < 0) {
                    continue;
                }
                Reply r = c.receive();
                assertThat(r.seqId()).isEqualTo(seqs[i]);
                if (i == 5) {
                    assertThat(r.errCode()).isEqualTo(42);
                } else {
                    assertThat(r.success()).isEqualTo("p" + i);
                }
            }
            for (int i = 3; i < seqs.length; i += 4) {
                assertThat(handler.fired.poll(5, TimeUnit.SECONDS)).isEqualTo("f" + i);
            }
            assertThat(c.probe(200)).isEqualTo(Peer.OPEN_AND_SILENT);
        }
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void concurrentLibthriftConnections(Combo combo) throws Exception {
        int threads = 8;
        int calls = 50;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    try (LibthriftEchoClient c = connect(combo)) {
                        for (int i = 0; i < calls; i++) {
                            String m = "t" + id + "-" + i + (i % 10 == 0 ? InteropMessages.NON_ASCII : "");
                            assertEchoed(c.echo(m), m, c.lastSeqId());
                        }
                    }
                    return calls;
                }));
            }
            int total = 0;
            for (java.util.concurrent.Future<Integer> f : done) {
                total += f.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(threads * calls);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void theLibthriftClientApiSeesTheSameExceptions(Combo combo) throws Exception {
        // receiveBase throws the TApplicationException; reproduce that contract once per combo
        try (LibthriftEchoClient c = connect(combo)) {
            c.send("nosuch", "x");
            assertThatThrownBy(() -> {
                Reply r = c.receive();
                if (r.appError() != null) {
                    throw r.appError();
                }
            }).isInstanceOf(TApplicationException.class);
            // after the server's close, libthrift's next read fails with a transport error
            assertThatThrownBy(() -> {
                c.send("echo", "x");
                c.receive();
            }).isInstanceOf(TTransportException.class);
        }
    }
}
