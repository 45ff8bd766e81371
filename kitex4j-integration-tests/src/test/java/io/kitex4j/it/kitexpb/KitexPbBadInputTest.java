package io.kitex4j.it.kitexpb;

import static io.kitex4j.it.kitexpb.PbWire.CALL;
import static io.kitex4j.it.kitexpb.PbWire.EXCEPTION;
import static io.kitex4j.it.kitexpb.PbWire.ONEWAY;
import static io.kitex4j.it.kitexpb.PbWire.REPLY;
import static io.kitex4j.it.kitexpb.PbWire.echoBody;
import static io.kitex4j.it.kitexpb.PbWire.framed;
import static io.kitex4j.it.kitexpb.PbWire.hex;
import static io.kitex4j.it.kitexpb.PbWire.pbMessage;
import static io.kitex4j.it.kitexpb.PbWire.ttheader;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.client.Client;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.remote.transport.ServerTransport;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.kitex4j.service.ServiceDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Malformed Kitex Protobuf on raw sockets against a server that hosts a protobuf service
 * ({@code PbEchoService}: Echo, Fire) and the Thrift {@code EchoService} (echo, fire) on one port.
 * Every case ends, within a bounded time and never by hanging, the way Kitex ends it: pure protocol
 * errors close the connection with no reply; requests that decode but cannot be routed get an
 * ErrorProto exception and then the close. After every case both services still answer well-behaved
 * clients and no bad connection is left open; the leak detector (PARANOID) watches every buffer.
 *
 * <p><b>Differences from Kitex</b>, asserted as ours: a body that is not valid protobuf, or a
 * protobuf request for a Thrift method, closes the connection with no reply. Kitex's protobuf codec
 * raises these as TransErrors (ProtocolError 7 / InvalidProtocol 9), which its server answers with
 * an exception message before closing; Kitex4j's server treats every body decode failure as a
 * protocol error, for Thrift and Kitex Protobuf alike.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KitexPbBadInputTest {
    private static final Duration READ_WRITE_TIMEOUT = Duration.ofSeconds(1);
    private static final int MAX_FRAME_SIZE = 64 * 1024;
    /** How long any bad connection may live: the read timeout plus a margin for a loaded machine. */
    private static final Duration BOUND = READ_WRITE_TIMEOUT.plusMillis(2000);
    /** A complete bad frame must be refused at once, well before the read timeout. */
    private static final long IMMEDIATE_MS = 900;
    private static final ServiceDescriptor PB = PbEcho.descriptor("PbEchoService", false);

    private static PbEcho.Handler handler;
    private static Server server;
    private static InetSocketAddress address;
    private static Client pbClient;
    private static EchoService.Stub thriftStub;
    private static int probes;

    @BeforeAll
    static void start() throws Exception {
        handler = new PbEcho.Handler();
        server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .service(EchoService.definition(new EchoService.Iface() {
                    @Override
                    public io.kitex4j.examples.echo.EchoResponse echo(io.kitex4j.examples.echo.EchoRequest req) {
                        return new io.kitex4j.examples.echo.EchoResponse(req.getMessage());
                    }

                    @Override
                    public void fire(io.kitex4j.examples.echo.EchoRequest req) {}
                }))
                .service(handler.definition(PB))
                .readWriteTimeout(READ_WRITE_TIMEOUT)
                .maxFrameSize(MAX_FRAME_SIZE)
                .exitWaitTime(Duration.ofSeconds(1))
                .build();
        address = server.start();
        String hp = "127.0.0.1:" + address.getPort();
        pbClient = Client.builder(PB).hostPorts(hp).rpcTimeout(Duration.ofSeconds(3)).build();
        thriftStub = new EchoService.Stub(Client.builder(EchoService.DESCRIPTOR).hostPorts(hp)
                .transportProtocol(TransportProtocol.TTHEADER_FRAMED).rpcTimeout(Duration.ofSeconds(3)).build());
        probe();
    }

    @AfterAll
    static void stop() {
        if (pbClient != null) {
            pbClient.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void forgetTheProbes() {
        handler.seen.clear();
    }

    /** Both services answer; then only the two well-behaved clients' connections remain. */
    @AfterEach
    void serverStillServes() throws Exception {
        probe();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        int n = connectionCount();
        while (n > 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            n = connectionCount();
        }
        assertThat(n).as("server connections after the case (the two clients hold one each)").isLessThanOrEqualTo(2);
    }

    private static void probe() throws Exception {
        String m = "probe-" + probes++;
        assertThat(PbEcho.echo(pbClient, m).getMessage()).isEqualTo(m);
        assertThat(thriftStub.echo(new io.kitex4j.examples.echo.EchoRequest(m)).getMessage()).isEqualTo(m);
    }

    private static int connectionCount() throws ReflectiveOperationException {
        Field f = server.getClass().getDeclaredField("transport");
        f.setAccessible(true);
        return ((ServerTransport) f.get(server)).connectionCount();
    }

    // ---------------------------------------------------------------- raw connections

    /** How a raw connection ended: closed (EOF or reset) or still open at the deadline, and what came back. */
    record Outcome(boolean closed, byte[] received, long millis) {
        @Override
        public String toString() {
            return (closed ? "CLOSED" : "OPEN") + " after " + millis + " ms, received " + received.length + " bytes "
                    + hex(Arrays.copyOf(received, Math.min(received.length, 64)));
        }
    }

    /** Writes {@code bytes} on a fresh connection and reads until the server closes it or {@code max} passes. */
    private static Outcome send(byte[] bytes, Duration max) throws IOException {
        return send(bytes, max, false);
    }

    /** With {@code untilReply}, also stops (connection open) as soon as one whole frame came back. */
    private static Outcome send(byte[] bytes, Duration max, boolean untilReply) throws IOException {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(address, 2000);
            long start = System.nanoTime();
            try {
                s.getOutputStream().write(bytes);
                s.getOutputStream().flush();
            } catch (IOException e) {
                return new Outcome(true, new byte[0], ms(start)); // already closed by the server
            }
            return awaitClose(s, start, max, untilReply);
        }
    }

    private static Outcome awaitClose(Socket s, long start, Duration max) throws IOException {
        return awaitClose(s, start, max, false);
    }

    private static Outcome awaitClose(Socket s, long start, Duration max, boolean untilReply) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        long deadline = start + max.toNanos();
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return new Outcome(false, got.toByteArray(), ms(start));
            }
            s.setSoTimeout((int) Math.max(1, left));
            try {
                int n = in.read(buf);
                if (n < 0) {
                    return new Outcome(true, got.toByteArray(), ms(start));
                }
                got.write(buf, 0, n);
                byte[] b = got.toByteArray();
                if (untilReply && b.length >= 4 && b.length >= 4L + (PbWire.i32(b, 0) & 0xFFFF_FFFFL)) {
                    return new Outcome(false, b, ms(start));
                }
            } catch (SocketTimeoutException e) {
                // the deadline check ends the loop
            } catch (IOException e) {
                return new Outcome(true, got.toByteArray(), ms(start)); // reset
            }
        }
    }

    private static long ms(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** A TTHeader|Framed frame with string key {@code isn} and no int keys. */
    private static byte[] ttheaderWithIsn(int seq, String isn, byte[] message) {
        byte[] k = "isn".getBytes(StandardCharsets.US_ASCII);
        byte[] v = isn.getBytes(StandardCharsets.UTF_8);
        int info = 2 + 1 + 2 + 2 + k.length + 2 + v.length;
        int padded = (info + 3) / 4 * 4;
        byte[] payload = framed(message);
        ByteBuffer b = ByteBuffer.allocate(14 + padded + payload.length)
                .putInt(10 + padded + payload.length).putShort((short) 0x1000).putShort((short) 0).putInt(seq)
                .putShort((short) (padded / 4)).put((byte) 0).put((byte) 0)
                .put((byte) 0x01).putShort((short) 1).putShort((short) k.length).put(k).putShort((short) v.length).put(v);
        b.position(14 + padded);
        return b.put(payload).array();
    }

    private static byte[] call(String method, byte[] body) {
        return pbMessage(CALL, method, 1, body);
    }

    // ---------------------------------------------------------------- well-formed requests are served

    @Test
    void wellFormedRequestsAreServedAndTheConnectionKept() throws Exception {
        byte[] one = framed(call("Echo", echoBody("one")));
        byte[] two = framed(pbMessage(CALL, "Echo", 2, echoBody("two")));
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(5000);
            s.connect(address, 2000);
            s.getOutputStream().write(PbWire.concat(one, two)); // two requests in one write
            byte[] r1 = PbWire.readFrame(s.getInputStream());
            byte[] r2 = PbWire.readFrame(s.getInputStream());
            assertThat(hex(r1)).isEqualTo(hex(framed(pbMessage(REPLY, "Echo", 1, echoBody("one")))));
            assertThat(hex(r2)).isEqualTo(hex(framed(pbMessage(REPLY, "Echo", 2, echoBody("two")))));
            // TTHeader|Framed on the same connection (framing is detected per message, as Kitex does)
            s.getOutputStream().write(ttheader(3, framed(pbMessage(CALL, "Echo", 3, echoBody("three")))));
            byte[] r3 = PbWire.readFrame(s.getInputStream());
            assertThat(PbWire.ints(r3)).isEqualTo(Map.of(22, "2"));
            assertThat(PbWire.message(r3)).usingRecursiveComparison()
                    .isEqualTo(new PbWire.PbMessage(0x9001, REPLY, "Echo", 3, echoBody("three")));
            assertThat(awaitClose(s, System.nanoTime(), Duration.ofMillis(300)).closed()).as("kept open").isFalse();
        }
    }

    // ---------------------------------------------------------------- protocol errors: closed, no reply

    private static Map<String, byte[]> protocolErrors() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        byte[] echo = call("Echo", echoBody("hi"));
        m.put("zero name length", framed(PbWire.concat(PbWire.bytes(0x90, 0x01, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1), echoBody("hi"))));
        m.put("name length past the message",
                framed(PbWire.concat(PbWire.bytes(0x90, 0x01, 0x00, 0x01, 0, 0, 1, 0), Arrays.copyOfRange(echo, 8, echo.length))));
        m.put("negative name length",
                framed(PbWire.concat(PbWire.bytes(0x90, 0x01, 0x00, 0x01, 0xFF, 0xFF, 0xFF, 0xFF), Arrays.copyOfRange(echo, 8, echo.length))));
        m.put("message cut inside the name", framed(Arrays.copyOf(echo, 10)));
        m.put("message cut before the seq id", framed(Arrays.copyOf(echo, 12)));
        m.put("message type 0", framed(pbMessage(0, "Echo", 1, echoBody("hi"))));
        m.put("message type 9", framed(pbMessage(9, "Echo", 1, echoBody("hi"))));
        m.put("garbage protobuf body", framed(call("Echo", PbWire.bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF))));
        m.put("truncated protobuf body", framed(call("Echo", PbWire.bytes(0x0a, 0x10, 'h', 'i'))));
        m.put("protobuf body with field 0", framed(call("Echo", PbWire.bytes(0x00, 0x01))));
        m.put("garbage body in TTHeader|Framed", ttheader(1, framed(call("Echo", PbWire.bytes(0x0a, 0x7F)))));
        m.put("oneway with a garbage body", framed(pbMessage(ONEWAY, "Fire", 1, PbWire.bytes(0x0f))));
        m.put("Kitex Protobuf unframed inside TTHeader", ttheader(1, echo));
        m.put("TTHeader|Framed with a wrong inner length",
                ttheader(1, PbWire.concat(PbWire.bytes(0, 0, 0, 0x40), echo)));
        m.put("magic 0x9002", framed(PbWire.concat(PbWire.bytes(0x90, 0x02, 0x00, 0x01), Arrays.copyOfRange(echo, 4, echo.length))));
        m.put("frame larger than the limit", PbWire.concat(PbWire.bytes(0x00, 0x10, 0x00, 0x00), Arrays.copyOf(echo, 64)));
        m.put("frame length with the top bit set", PbWire.concat(PbWire.bytes(0x80, 0x00, 0x00, 0x20), Arrays.copyOf(echo, 32)));
        // a protobuf request for the Thrift service's method (routed by name, no isn)
        m.put("Kitex Protobuf call of Thrift method echo", framed(call("echo", echoBody("hi"))));
        return m;
    }

    @Test
    void protocolErrorsCloseAtOnceWithNoReply() throws Exception {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, byte[]> c : protocolErrors().entrySet()) {
            Outcome o = send(c.getValue(), BOUND);
            if (!o.closed() || o.received().length != 0 || o.millis() >= IMMEDIATE_MS) {
                bad.add(c.getKey() + ": " + o);
            }
        }
        assertThat(bad).as("cases not closed at once without a reply").isEmpty();
        assertThat(handler.seen).as("no bad request reached the handler").isEmpty();
    }

    @Test
    void truncatedFramesAreClosedByTheReadTimeoutNotKeptForever() throws Exception {
        byte[] whole = framed(call("Echo", echoBody("hello")));
        for (int cut : new int[] {1, 3, 6, 9, whole.length - 1}) {
            Outcome o = send(Arrays.copyOf(whole, cut), BOUND);
            assertThat(o.closed()).as("cut at %d: %s", cut, o).isTrue();
            assertThat(o.received()).as("cut at %d: no reply", cut).isEmpty();
            assertThat(o.millis()).as("cut at %d: closed by the read timeout", cut)
                    .isGreaterThanOrEqualTo(READ_WRITE_TIMEOUT.toMillis() - 100);
        }
    }

    // ---------------------------------------------------------------- routed errors: an ErrorProto, then closed

    private static void assertErrorReplyThenClose(String what, Outcome o, boolean ttheader, int type, String message)
            throws IOException {
        assertThat(o.closed()).as("%s: closed after the reply: %s", what, o).isTrue();
        assertThat(o.millis()).as("%s: %s", what, o).isLessThan(IMMEDIATE_MS);
        byte[] r = o.received();
        assertThat(PbWire.isTTHeader(r)).as("%s: reply framing follows the request: %s", what, o).isEqualTo(ttheader);
        PbWire.PbMessage m = PbWire.message(r);
        assertThat(m.magic()).isEqualTo(0x9001);
        assertThat(m.type()).isEqualTo(EXCEPTION);
        assertThat(PbWire.errorProto(m.body())).as(what).isEqualTo(new PbWire.ErrorProto(type, message));
        if (ttheader) {
            assertThat(PbWire.ints(r)).containsEntry(22, "3");
            assertThat(PbWire.strs(r)).containsEntry("crrst", "1");
        }
    }

    @Test
    void unroutableRequestsGetAnErrorProtoThenTheClose() throws Exception {
        assertErrorReplyThenClose("unknown method, no isn", send(framed(call("Nosuch", echoBody("x"))), BOUND),
                false, 20, "unknown service , method Nosuch");
        assertErrorReplyThenClose("unknown method, isn", send(ttheaderWithIsn(1, "PbEchoService", call("Nosuch", echoBody("x"))), BOUND),
                true, 1, "unknown method Nosuch (service PbEchoService)");
        assertErrorReplyThenClose("unknown service", send(ttheaderWithIsn(1, "NoService", call("Echo", echoBody("x"))), BOUND),
                true, 20, "unknown service NoService, method Echo");
        assertErrorReplyThenClose("a REPLY sent to the server", send(framed(pbMessage(REPLY, "Echo", 1, echoBody("x"))), BOUND),
                false, 2, "invalid message type 2 for a request");
        // oneway calls never get a reply, not even an error
        Outcome o = send(framed(pbMessage(ONEWAY, "Nosuch", 1, echoBody("x"))), BOUND);
        assertThat(o.closed()).isTrue();
        assertThat(o.received()).isEmpty();
        assertThat(handler.seen).isEmpty();
    }

    // ---------------------------------------------------------------- random mutations

    @Test
    void randomMutationsOfValidFramesEndInBoundedTime() throws Exception {
        Random r = new Random(0x9001);
        byte[][] seeds = {
            framed(call("Echo", echoBody("hello"))),
            ttheader(1, framed(call("Echo", echoBody("hello")))),
            PbWire.request("pb-ttheader"),
        };
        List<String> bad = new ArrayList<>();
        int closed = 0;
        for (int i = 0; i < 300; i++) {
            byte[] b = seeds[i % seeds.length].clone();
            for (int j = 0; j < 1 + r.nextInt(3); j++) {
                // the frame length stays: every frame is complete, so each case ends at once
                int at = 4 + r.nextInt(b.length - 4);
                b[at] = (byte) r.nextInt();
            }
            Outcome o = send(b, BOUND, true);
            if (o.closed()) {
                closed++;
            } else if (o.received().length == 0 || o.millis() >= IMMEDIATE_MS) {
                // still open is fine only with a reply (a mutation that kept the request valid)
                bad.add(hex(b) + " -> " + o);
            }
        }
        assertThat(bad).as("connections neither answered nor closed at once").isEmpty();
        assertThat(closed).as("most mutations are refused").isGreaterThan(100);
        handler.seen.clear();
    }
}
