package io.kitex4j.it.badinput;

import static io.kitex4j.it.badinput.BadInputServer.MAX_FRAME_SIZE;
import static io.kitex4j.it.badinput.BadInputServer.READ_WRITE_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.it.badinput.RawConn.Outcome;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input against a running Kitex4j server, over raw sockets. Every case must end with the
 * server answering a clear error or closing the connection within a bounded time (never a hang),
 * while well-behaved Kitex4j clients keep getting correct echoes from the same server, both
 * concurrently (two background loads) and afterwards (a probe after every case, and 100+ calls
 * at the end). After every case the server's connection count must fall back to the clients'
 * own connections: bad connections are never kept.
 *
 * <p>The random cases are seeded. For a longer hunt run e.g.
 * {@code mvn -o -pl kitex4j-integration-tests test -Dtest=BadInputTest -Dkitex4j.badinput.fuzz=25
 * -Djunit.jupiter.execution.timeout.mode=disabled} (10,000 random and 7,500 mutated connections;
 * about a minute).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BadInputTest {
    /** How long any bad connection may live: the read timeout plus a margin for a loaded machine. */
    private static final Duration BOUND = READ_WRITE_TIMEOUT.plusMillis(2000);
    /**
     * A complete bad frame must be refused at once, not by the read timeout: closes later than
     * this (a bit under the 1 s read timeout) mean the server waited for bytes it should not want.
     */
    private static final long IMMEDIATE_MS = 900;
    private static final int BATCH = 200;
    /** Scales the random cases: -Dkitex4j.badinput.fuzz=20 for a longer hunt (default 1). */
    private static final int FUZZ = Integer.getInteger("kitex4j.badinput.fuzz", 1);

    private static BadInputServer server;
    private static BadInputServer.Load framedLoad;
    private static BadInputServer.Load ttheaderLoad;
    private static EchoService.Stub probe;
    private static int baselineConnections;
    private static int probes;
    private static ExecutorService readers;

    @BeforeAll
    static void start() throws Exception {
        readers = Executors.newFixedThreadPool(BATCH, r -> {
            Thread t = new Thread(r, "badinput-reader");
            t.setDaemon(true);
            return t;
        });
        server = new BadInputServer();
        probe = server.stub(TransportProtocol.FRAMED, PayloadProtocol.THRIFT_BINARY);
        assertThat(probe.echo(new EchoRequest("warm-up")).getMessage()).isEqualTo("warm-up");
        framedLoad = server.startLoad("framed-binary", TransportProtocol.FRAMED, PayloadProtocol.THRIFT_BINARY);
        ttheaderLoad = server.startLoad("ttheader-compact", TransportProtocol.TTHEADER_FRAMED, PayloadProtocol.THRIFT_COMPACT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((framedLoad.ok.get() == 0 || ttheaderLoad.ok.get() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(framedLoad.ok.get()).as("background load %s", framedLoad).isPositive();
        assertThat(ttheaderLoad.ok.get()).as("background load %s", ttheaderLoad).isPositive();
        baselineConnections = server.connectionCount();
        assertThat(baselineConnections).as("connections of the 3 well-behaved clients").isBetween(3, 6);
    }

    @AfterAll
    static void stop() throws Exception {
        if (readers != null) {
            readers.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    /** After every case: the same server still answers, and no bad connection is left open. */
    @AfterEach
    void serverStillServes() throws Exception {
        String m = "probe-" + probes++;
        assertThat(probe.echo(new EchoRequest(m)).getMessage()).isEqualTo(m);
        int n = server.awaitConnectionCount(c -> c <= baselineConnections, Duration.ofSeconds(3));
        assertThat(n).as("server connections after the case (the well-behaved clients hold %d)", baselineConnections)
                .isLessThanOrEqualTo(baselineConnections);
        assertThat(framedLoad.failed.get()).as("%s", framedLoad).isZero();
        assertThat(ttheaderLoad.failed.get()).as("%s", ttheaderLoad).isZero();
    }

    // ------------------------------------------------------------------ valid requests

    private static final byte[] FRAMED = Frames.vector("framed.req.hex");
    private static final byte[] TTHEADER_FRAMED = Frames.vector("ttheader-framed.req.hex");
    private static final byte[] TTHEADER_UNFRAMED = Frames.vector("ttheader-unframed.req.hex");
    private static final byte[] BUFFERED = Frames.vector("buffered.req.hex");
    private static final byte[] COMPACT_FRAMED = Frames.framed(Frames.compactEchoCall("hello", 1));
    private static final byte[] COMPACT_BUFFERED = Frames.compactEchoCall("hello", 1);

    private static Map<String, byte[]> validRequests() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("framed", FRAMED);
        m.put("ttheader-framed", TTHEADER_FRAMED);
        m.put("ttheader-unframed", TTHEADER_UNFRAMED);
        m.put("buffered", BUFFERED);
        m.put("compact-framed", COMPACT_FRAMED);
        m.put("compact-buffered", COMPACT_BUFFERED);
        return m;
    }

    @Test
    @Order(0)
    void theValidRequestsAreServed() throws Exception {
        for (Map.Entry<String, byte[]> e : validRequests().entrySet()) {
            if (e.getKey().startsWith("compact")) {
                continue; // the reply reader only reads binary; the compact load covers compact
            }
            try (RawConn c = RawConn.open(server.address)) {
                c.write(e.getValue());
                byte[] got = c.readReply(Duration.ofSeconds(3));
                Frames.Message reply = Frames.readReply(got);
                assertThat(reply).as("%s: reply %s", e.getKey(), Frames.hex(got, 200)).isNotNull();
                assertThat(reply.type()).as(e.getKey()).isEqualTo(Frames.REPLY);
                assertThat(reply.name()).isEqualTo("echo");
                assertThat(new String(got, StandardCharsets.ISO_8859_1)).contains("hello");
            }
        }
    }

    // ------------------------------------------------------------------ garbage

    @Test
    @Order(1)
    void randomBytesOnManyConnections() throws Exception {
        Random r = new Random(0x5EED_0001L);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 400 * FUZZ; i++) {
            byte[] b = new byte[1 + r.nextInt(i % 4 == 0 ? 8 : 300)];
            r.nextBytes(b);
            if (i % 3 == 0) {
                b[0] = (byte) r.nextInt(0x80); // looks like the high byte of a frame length
            }
            inputs.add(b);
        }
        List<Outcome> outcomes = sendAll(inputs, c -> { }, BOUND);
        assertAllRejected("random bytes", inputs, outcomes);
    }

    @Test
    @Order(2)
    void randomMutationsOfValidRequests() throws Exception {
        Random r = new Random(0x5EED_0002L);
        List<byte[]> valid = new ArrayList<>(validRequests().values());
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 300 * FUZZ; i++) {
            byte[] b = valid.get(i % valid.size()).clone();
            int flips = 1 + r.nextInt(4);
            for (int f = 0; f < flips; f++) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            inputs.add(b);
        }
        // Half-close: a mutation may still be a valid request (the server then answers and
        // closes at end of input) or a valid prefix (closed at end of input or by the read timeout).
        List<Outcome> outcomes = sendAll(inputs, RawConn::shutdownOutput, BOUND);
        assertAllRejected("mutated request", inputs, outcomes);
    }

    // ------------------------------------------------------------------ truncations

    @Test
    @Order(3)
    void everyTruncationFollowedByClose() throws Exception {
        int opened = 0;
        for (Map.Entry<String, byte[]> e : validRequests().entrySet()) {
            byte[] req = e.getValue();
            for (int n = 0; n < req.length; n++) {
                try (RawConn c = RawConn.open(server.address)) {
                    c.write(Frames.prefix(req, n));
                    if (n % 2 == 1) {
                        c.abort(); // RST instead of FIN
                    }
                }
                opened++;
            }
        }
        assertThat(opened).isGreaterThan(250);
        // serverStillServes() checks that every one of these connections is gone on the server.
    }

    @Test
    @Order(4)
    void everyTruncationHeldOpenIsClosedByTheReadTimeout() throws Exception {
        List<byte[]> inputs = new ArrayList<>();
        for (byte[] req : validRequests().values()) {
            for (int n = 1; n < req.length; n++) {
                inputs.add(Frames.prefix(req, n));
            }
        }
        List<Outcome> outcomes = sendAll(inputs, c -> { }, BOUND);
        assertAllRejected("truncated request held open", inputs, outcomes);
        // A prefix of a valid request must not be refused before the read timeout.
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(outcomes.get(i).millis()).as("prefix %s closed too early: %s", Frames.hex(inputs.get(i), 64), outcomes.get(i))
                    .isGreaterThanOrEqualTo(READ_WRITE_TIMEOUT.toMillis() - 300);
            assertThat(outcomes.get(i).received()).as("no reply to a prefix %s", Frames.hex(inputs.get(i), 64)).isEmpty();
        }
    }

    @Test
    @Order(5)
    void completeFramesHoldingTruncatedMessagesAreRefusedAtOnce() throws Exception {
        byte[] binary = Frames.binaryEchoCall("hello", 1);
        byte[] compact = Frames.compactEchoCall("hello", 1);
        List<byte[]> inputs = new ArrayList<>();
        // Framed needs 8 bytes (length and thrift magic) before it can be told from TTHeader, so
        // a Framed frame starts at 4 bytes of message; TTHeader frames are recognisable at once.
        for (int n = 0; n < binary.length; n++) {
            byte[] msg = Frames.prefix(binary, n);
            if (n >= 4) {
                inputs.add(Frames.framed(msg));
            }
            inputs.add(Frames.ttheaderFramed(msg));
            inputs.add(Frames.ttheader(0, 0, 1, msg));
        }
        for (int n = 4; n < compact.length; n++) {
            inputs.add(Frames.framed(Frames.prefix(compact, n)));
        }
        List<Outcome> outcomes = sendAll(inputs, c -> { }, BOUND);
        assertAllRejected("frame holding a truncated message", inputs, outcomes);
        assertAllImmediate("frame holding a truncated message", inputs, outcomes);
    }

    // ------------------------------------------------------------------ lengths

    @Test
    @Order(6)
    void absurdFrameLengths() throws Exception {
        byte[] rest = Frames.binaryEchoCall("hello", 1);
        Map<String, byte[]> complete = new LinkedHashMap<>();
        complete.put("framed length 0x7FFFFFFF", Frames.concat(Frames.bytes(0x7F, 0xFF, 0xFF, 0xFF), rest));
        complete.put("framed length -1", Frames.concat(Frames.bytes(0xFF, 0xFF, 0xFF, 0xFF), rest));
        complete.put("framed length 0x80000000", Frames.concat(Frames.bytes(0x80, 0x00, 0x00, 0x00), rest));
        complete.put("framed length 0x7FFFFFFF, no thrift magic", Frames.concat(Frames.bytes(0x7F, 0xFF, 0xFF, 0xFF), new byte[16]));
        complete.put("framed length 0", Frames.concat(Frames.bytes(0, 0, 0, 0), rest));
        complete.put("framed length 3 (shorter than a header)", Frames.concat(Frames.bytes(0, 0, 0, 3), rest));
        byte[] ttMax = TTHEADER_FRAMED.clone();
        ByteBuffer.wrap(ttMax).putInt(0, 0x7FFF_FFFF);
        complete.put("TTHeader LENGTH 0x7FFFFFFF", ttMax);
        byte[] ttNeg = TTHEADER_FRAMED.clone();
        ByteBuffer.wrap(ttNeg).putInt(0, -1);
        complete.put("TTHeader LENGTH -1", ttNeg);
        byte[] ttInner = TTHEADER_FRAMED.clone();
        ByteBuffer.wrap(ttInner).putInt(TTHEADER_FRAMED.length - 37, 0x7FFF_FFFF);
        complete.put("TTHeader|Framed inner length 0x7FFFFFFF", ttInner);
        byte[] ttInnerNeg = TTHEADER_FRAMED.clone();
        ByteBuffer.wrap(ttInnerNeg).putInt(TTHEADER_FRAMED.length - 37, -5);
        complete.put("TTHeader|Framed inner length -5", ttInnerNeg);
        byte[] ttShort = TTHEADER_FRAMED.clone();
        ByteBuffer.wrap(ttShort).putInt(0, 6);
        complete.put("TTHeader LENGTH 6 (shorter than the fixed header)", ttShort);
        checkEach(complete, true);

        // Only the 4 length bytes: the server cannot tell Framed from TTHeader yet, so the read
        // timeout may be what closes it, but it must close.
        Map<String, byte[]> bare = new LinkedHashMap<>();
        bare.put("bare length 0x7FFFFFFF", Frames.bytes(0x7F, 0xFF, 0xFF, 0xFF));
        bare.put("bare length -1", Frames.bytes(0xFF, 0xFF, 0xFF, 0xFF));
        checkEach(bare, false);
    }

    @Test
    @Order(7)
    void ttheaderWithBadHeaderSize() throws Exception {
        // ttheader-framed.req.hex: HEADER SIZE 0x0015 (84 bytes of header info) at offset 12.
        assertThat(ByteBuffer.wrap(TTHEADER_FRAMED).getShort(12)).isEqualTo((short) 0x15);
        Map<String, byte[]> cases = new LinkedHashMap<>();
        for (int size : new int[] {0, 1, 2, 20, 22, 23, 24, 0x7FFF, 0xFFFF}) {
            byte[] b = TTHEADER_FRAMED.clone();
            ByteBuffer.wrap(b).putShort(12, (short) size);
            cases.put("HEADER SIZE " + size, b);
        }
        byte[] manyTransforms = TTHEADER_FRAMED.clone();
        manyTransforms[15] = (byte) 0xFF; // NUM TRANSFORMS 255 > the 82 info bytes left
        cases.put("NUM TRANSFORMS 255", manyTransforms);
        byte[] badProto = TTHEADER_FRAMED.clone();
        badProto[14] = (byte) 0x7E;
        cases.put("PROTOCOL ID 0x7e", badProto);
        byte[] badKv = TTHEADER_FRAMED.clone();
        badKv[19] = (byte) 0xFF; // first key length 0x0003 -> 0xFF03 (runs past the header)
        cases.put("string key length past the header", badKv);
        checkEach(cases, true);
    }

    @Test
    @Order(8)
    void oversizeFramesAreRefused() throws Exception {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        byte[] msg = Frames.binaryEchoCall("hello", 1);
        cases.put("framed length max+1 (header only)",
                Frames.concat(ByteBuffer.allocate(4).putInt(MAX_FRAME_SIZE - 4 + 1).array(), msg));
        cases.put("framed length 1 MiB (header only)", Frames.concat(ByteBuffer.allocate(4).putInt(1 << 20).array(), msg));
        byte[] tt = TTHEADER_FRAMED.clone();
        ByteBuffer.wrap(tt).putInt(0, MAX_FRAME_SIZE - 4 + 1);
        cases.put("TTHeader LENGTH max+1 (header only)", tt);
        checkEach(cases, true);

        // The whole oversize frame actually sent: refused (the write may fail once it is refused).
        String big = "x".repeat(MAX_FRAME_SIZE);
        for (byte[] b : List.of(Frames.framed(Frames.binaryEchoCall(big, 1)), Frames.ttheaderFramed(Frames.binaryEchoCall(big, 1)))) {
            try (RawConn c = RawConn.open(server.address)) {
                c.write(b);
                Outcome o = c.awaitClose(BOUND, c.firstWriteNanos);
                assertRejected("whole oversize frame " + Frames.hex(b, 16), o);
            }
        }
    }

    @Test
    @Order(9)
    void aFrameOfExactlyMaxFrameSizeIsServed() throws Exception {
        // 4 (length) + 16 (header "echo") + 12 (args) + m = MAX_FRAME_SIZE
        String m = "y".repeat(MAX_FRAME_SIZE - 32);
        byte[] req = Frames.framed(Frames.binaryEchoCall(m, 9));
        assertThat(req.length).isEqualTo(MAX_FRAME_SIZE);
        try (RawConn c = RawConn.open(server.address)) {
            c.write(req);
            byte[] got = c.readAtLeast(MAX_FRAME_SIZE, Duration.ofSeconds(3));
            Frames.Message reply = Frames.readReply(got);
            assertThat(reply).as("reply to a frame of exactly maxFrameSize: %s", Frames.hex(got, 200)).isNotNull();
            assertThat(reply.type()).as("reply %s", reply).isEqualTo(Frames.REPLY);
            assertThat(reply.seq()).isEqualTo(9);
            assertThat(got.length).isEqualTo(MAX_FRAME_SIZE);
        }
    }

    @Test
    @Order(10)
    void bufferedMessagesThatKeepGrowingAreCut() throws Exception {
        // (a) a string announced as 16 MiB, streamed in 8 KiB chunks
        byte[] head = Frames.concat(Frames.binaryHeader(Frames.CALL, "echo", 1),
                Frames.bytes(0x0C, 0, 1, 0x0B, 0, 1), ByteBuffer.allocate(4).putInt(16 << 20).array());
        // (b) a struct of i32 fields that never ends
        byte[] fieldsHead = Frames.concat(Frames.binaryHeader(Frames.CALL, "echo", 1), Frames.bytes(0x0C, 0, 1));
        byte[] field = Frames.bytes(0x08, 0, 7, 0, 0, 0, 1);
        // (c) the same in compact
        byte[] compactHead = Frames.concat(Frames.compactHeader(Frames.CALL, "echo", 1), Frames.bytes(0x1C));
        byte[] compactField = Frames.bytes(0x05, 0x0E, 0x02); // long-form header: i32 field 7 (zigzag 0x0E) = 1
        byte[] letters = new byte[8192];
        Arrays.fill(letters, (byte) 'z');
        Object[][] cases = {{"growing string", head, letters}, {"endless i32 fields", fieldsHead, repeat(field, 1170)},
            {"endless compact i32 fields", compactHead, repeat(compactField, 2730)}};
        for (Object[] cs : cases) {
            byte[] chunk = (byte[]) cs[2];
            try (RawConn c = RawConn.open(server.address)) {
                c.write((byte[]) cs[1]);
                long sent = ((byte[]) cs[1]).length;
                long deadline = System.nanoTime() + BOUND.toNanos();
                Outcome o = null;
                while (System.nanoTime() < deadline && sent < 8L * MAX_FRAME_SIZE) {
                    if (!c.write(chunk)) {
                        break;
                    }
                    sent += chunk.length;
                    o = c.awaitClose(Duration.ofMillis(5), c.firstWriteNanos);
                    if (o.closed()) {
                        break;
                    }
                }
                if (o == null || !o.closed()) {
                    o = c.awaitCloseUntil(deadline, c.firstWriteNanos);
                }
                assertRejected(cs[0] + " (" + sent + " bytes sent)", o);
                assertThat(o.received()).as("%s: no reply", cs[0]).isEmpty();
            }
        }
    }

    // ------------------------------------------------------------------ payload abuse

    @Test
    @Order(11)
    void deeplyNestedArgs() throws Exception {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        byte[] lists = Frames.concat(Frames.binaryHeader(Frames.CALL, "echo", 1), Frames.binaryNestedListArgs(10_000));
        byte[] structs = Frames.concat(Frames.binaryHeader(Frames.CALL, "echo", 1), Frames.binaryNestedStructArgs(10_000));
        byte[] compactLists = Frames.concat(Frames.compactHeader(Frames.CALL, "echo", 1), Frames.compactNestedListArgs(10_000));
        cases.put("framed binary, 10000 nested lists", Frames.framed(lists));
        cases.put("buffered binary, 10000 nested lists", lists);
        cases.put("TTHeader|Framed binary, 10000 nested lists", Frames.ttheaderFramed(lists));
        cases.put("framed binary, 10000 nested structs", Frames.framed(structs));
        cases.put("buffered binary, 10000 nested structs", structs);
        cases.put("framed compact, 10000 nested lists", Frames.framed(compactLists));
        cases.put("buffered compact, 10000 nested lists", compactLists);
        cases.put("oneway framed binary, 10000 nested lists",
                Frames.framed(Frames.concat(Frames.binaryHeader(Frames.ONEWAY, "fire", 1), Frames.binaryNestedListArgs(10_000))));
        for (byte[] b : cases.values()) {
            assertThat(b.length).isLessThan(MAX_FRAME_SIZE);
        }
        checkEach(cases, true);
    }

    @Test
    @Order(12)
    void stringLengthOf2Pow31Minus1() throws Exception {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        byte[] bin = Frames.concat(Frames.binaryHeader(Frames.CALL, "echo", 1), Frames.binaryHugeStringArgs(Integer.MAX_VALUE, 8));
        byte[] cmp = Frames.concat(Frames.compactHeader(Frames.CALL, "echo", 1), Frames.compactHugeStringArgs(Integer.MAX_VALUE));
        cases.put("framed binary", Frames.framed(bin));
        cases.put("buffered binary", bin);
        cases.put("TTHeader|Framed binary", Frames.ttheaderFramed(bin));
        cases.put("TTHeader binary", Frames.ttheader(0, 0, 1, bin));
        cases.put("framed compact", Frames.framed(cmp));
        cases.put("buffered compact", cmp);
        byte[] name = Frames.concat(Frames.bytes(0x80, 0x01, 0x00, 0x01, 0x7F, 0xFF, 0xFF, 0xFF), "echo".getBytes(StandardCharsets.US_ASCII),
                new byte[8]);
        cases.put("framed binary, method name length 2^31-1", Frames.framed(name));
        cases.put("buffered binary, method name length 2^31-1", name);
        byte[] negative = Frames.concat(Frames.binaryHeader(Frames.CALL, "echo", 1), Frames.binaryHugeStringArgs(-2, 8));
        cases.put("framed binary, string length -2", Frames.framed(negative));
        cases.put("buffered binary, string length -2", negative);
        checkEach(cases, true);
    }

    @Test
    @Order(13)
    void nonCallMessageTypesGetInvalidMessageTypeThenClose() throws Exception {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        for (int type : new int[] {Frames.REPLY, Frames.EXCEPTION}) {
            byte[] msg = Frames.concat(Frames.binaryHeader(type, "echo", 77), Frames.binaryEchoArgs("hello"));
            cases.put("framed, type " + type, Frames.framed(msg));
            cases.put("buffered, type " + type, msg);
            cases.put("TTHeader|Framed, type " + type, Frames.ttheaderFramed(msg));
        }
        for (Map.Entry<String, byte[]> e : cases.entrySet()) {
            try (RawConn c = RawConn.open(server.address)) {
                c.write(e.getValue());
                Outcome o = c.awaitClose(BOUND, c.firstWriteNanos);
                assertThat(o.closed()).as("%s: closed after the error: %s", e.getKey(), o).isTrue();
                Frames.Message reply = Frames.readReply(o.received());
                assertThat(reply).as("%s: an exception reply: %s", e.getKey(), o).isNotNull();
                assertThat(reply.type()).as("%s: %s", e.getKey(), reply).isEqualTo(Frames.EXCEPTION);
                assertThat(reply.exceptionType()).as("%s: TApplicationException type INVALID_MESSAGE_TYPE: %s", e.getKey(), reply)
                        .isEqualTo(2);
                assertThat(reply.seq()).isEqualTo(77);
                assertThat(reply.name()).isEqualTo("echo");
                assertThat(reply.wireBytes()).as("%s: nothing after the exception", e.getKey()).isEqualTo(o.received().length);
            }
        }
        // Types outside CALL..ONEWAY are not thrift messages at all: closed.
        Map<String, byte[]> invalid = new LinkedHashMap<>();
        for (int type : new int[] {0, 5, 0x7F}) {
            invalid.put("framed, type " + type,
                    Frames.framed(Frames.concat(Frames.binaryHeader(type, "echo", 1), Frames.binaryEchoArgs("hello"))));
        }
        checkEach(invalid, true);
    }

    // ------------------------------------------------------------------ slow clients

    @Test
    @Order(14)
    void slowlorisIsClosedAfterTheReadTimeout() throws Exception {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("framed", FRAMED);
        cases.put("ttheader-framed", TTHEADER_FRAMED);
        cases.put("buffered", BUFFERED);
        ExecutorService pool = Executors.newFixedThreadPool(cases.size());
        try {
            Map<String, Future<Outcome>> results = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> e : cases.entrySet()) {
                results.put(e.getKey(), pool.submit(() -> slowloris(e.getValue())));
            }
            for (Map.Entry<String, Future<Outcome>> e : results.entrySet()) {
                Outcome o = e.getValue().get(10, TimeUnit.SECONDS);
                assertThat(o.closed()).as("%s slowloris: %s", e.getKey(), o).isTrue();
                assertThat(o.millis()).as("%s slowloris closed about the read timeout after its first byte: %s", e.getKey(), o)
                        .isBetween(READ_WRITE_TIMEOUT.toMillis() - 300, READ_WRITE_TIMEOUT.toMillis() + 1500);
                assertThat(o.received()).as("%s slowloris: no reply", e.getKey()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends one byte of {@code req} every 200 ms until the server closes the connection. */
    private static Outcome slowloris(byte[] req) throws IOException {
        try (RawConn c = RawConn.open(server.address)) {
            for (int i = 0; i < req.length; i++) {
                if (!c.write(req, i, 1)) {
                    return c.awaitClose(Duration.ofMillis(200), c.firstWriteNanos);
                }
                Outcome o = c.awaitClose(Duration.ofMillis(200), c.firstWriteNanos);
                if (o.closed()) {
                    return o;
                }
            }
            return c.awaitClose(BOUND, c.firstWriteNanos);
        }
    }

    // ------------------------------------------------------------------ other protocols

    @Test
    @Order(15)
    void http2IsServedAndGarbageAfterThePrefaceGetsGoaway() throws Exception {
        byte[] preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] clientSettings = Frames.bytes(0, 0, 6, 0x4, 0, 0, 0, 0, 0, 0, 0x4, 0, 0, 0xFF, 0xFF); // INITIAL_WINDOW_SIZE
        byte[] garbage = "this is not an HTTP/2 frame at all....".getBytes(StandardCharsets.US_ASCII);
        // The preface is gRPC's h2c prior knowledge: the server answers with its SETTINGS and keeps
        // the connection; garbage after it is a connection error: GOAWAY with an error code, then close.
        try (RawConn c = RawConn.open(server.address)) {
            c.write(Frames.concat(preface, clientSettings));
            byte[] settings = c.readAtLeast(9, BOUND);
            List<int[]> frames = http2Frames(settings);
            assertThat(frames).as("the server's first frames").isNotEmpty();
            assertThat(frames.get(0)[0]).as("first frame is SETTINGS").isEqualTo(0x4);
            c.write(garbage);
            Outcome o = c.awaitClose(BOUND, c.firstWriteNanos);
            assertThat(o.closed()).as("%s", o).isTrue();
            List<int[]> all = http2Frames(o.received());
            int[] last = all.get(all.size() - 1);
            assertThat(last[0]).as("last frame is GOAWAY in %s", o).isEqualTo(0x7);
            assertThat(last[2]).as("GOAWAY on stream 0").isZero();
            int errorCode = ByteBuffer.wrap(o.received(), o.received().length - last[1] + 4, 4).getInt();
            assertThat(errorCode).as("GOAWAY error code").isNotZero();
        }
        // Kitex's real gRPC request for /echo.EchoService/Echo: this server's echo service has no
        // method "Echo" (the Thrift one is "echo"), so a trailers-only UNIMPLEMENTED comes back on
        // stream 1, and the connection is not torn down.
        try (RawConn c = RawConn.open(server.address)) {
            c.write(Frames.vector("grpc-pb.req.hex"));
            long deadline = System.nanoTime() + BOUND.toNanos();
            int[] headers = null;
            byte[] got = new byte[0];
            while (headers == null && System.nanoTime() < deadline) {
                got = c.readAtLeast(got.length + 1, BOUND);
                for (int[] f : http2Frames(got)) {
                    if (f[0] == 0x1 && f[2] == 1) {
                        headers = f;
                    }
                    assertThat(f[0]).as("no GOAWAY for an unknown method").isNotEqualTo(0x7);
                }
            }
            assertThat(headers).as("a HEADERS frame on stream 1 in %d bytes", got.length).isNotNull();
            assertThat(firstHeaderBlock(got, 1).get("grpc-status")).as("grpc-status of the trailers-only reply")
                    .hasToString("12");
        }
        // Something that only starts like the preface is not HTTP/2.
        checkEach(Map.of("PRX garbage", "PRX * garbage\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), true);
    }

    /** The first HEADERS block the server sent on {@code streamId}, HPACK-decoded (the connection's first block). */
    private static io.netty.handler.codec.http2.Http2Headers firstHeaderBlock(byte[] b, int streamId) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(b);
        while (in.remaining() >= 9) {
            int len = ((in.get() & 0xFF) << 16) | ((in.get() & 0xFF) << 8) | (in.get() & 0xFF);
            int type = in.get() & 0xFF;
            in.get(); // flags: the server sends neither padding nor priority
            int stream = in.getInt() & 0x7FFF_FFFF;
            if (type == 0x1 && stream == streamId) {
                io.netty.buffer.ByteBuf block = io.netty.buffer.Unpooled.wrappedBuffer(b, in.position(), len);
                try {
                    return new io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder(false).decodeHeaders(streamId, block);
                } finally {
                    block.release();
                }
            }
            in.position(in.position() + len);
        }
        throw new AssertionError("no HEADERS frame on stream " + streamId);
    }

    /** (type, payload length, stream id) of each whole HTTP/2 frame in {@code b}. */
    private static List<int[]> http2Frames(byte[] b) {
        List<int[]> out = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(b);
        while (in.remaining() >= 9) {
            int len = ((in.get() & 0xFF) << 16) | ((in.get() & 0xFF) << 8) | (in.get() & 0xFF);
            int type = in.get() & 0xFF;
            in.get(); // flags
            int stream = in.getInt() & 0x7FFF_FFFF;
            if (in.remaining() < len) {
                break;
            }
            in.position(in.position() + len);
            out.add(new int[] {type, len, stream});
        }
        return out;
    }

    /**
     * Kitex Protobuf is served now. This server hosts only the Thrift EchoService (method
     * {@code echo}), so Kitex's {@code Echo} calls are answered in Kitex Protobuf, in the framing of
     * the request, with an unknown-method exception (ErrorProto type 20 without {@code isn}, 1 with
     * it), and the connection is closed, as for Thrift. (kitexpb.KitexPbBadInputTest covers a server
     * that hosts the protobuf service.)
     */
    @Test
    @Order(16)
    void kitexProtobufIsAnsweredInKitexProtobuf() throws Exception {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("Framed Kitex Protobuf (sec8-v8.hex)", Frames.vector("sec8-v8.hex"));
        cases.put("TTHeader|Framed Kitex Protobuf (sec8-v10.hex)", Frames.vector("sec8-v10.hex"));
        cases.put("TTHeader|Framed Kitex Protobuf with meta (pb-ttheader.req.hex)", Frames.vector("pb-ttheader.req.hex"));
        String[] expected = {
            "20 unknown service , method Echo",
            "20 unknown service , method Echo",
            "1 unknown method Echo (service EchoService)"};
        List<byte[]> inputs = new ArrayList<>(cases.values());
        List<Outcome> outcomes = sendAll(inputs, c -> { }, BOUND);
        List<String> names = new ArrayList<>(cases.keySet());
        for (int i = 0; i < inputs.size(); i++) {
            Outcome o = outcomes.get(i);
            assertThat(o.closed()).as("%s: closed after the answer: %s", names.get(i), o).isTrue();
            assertThat(o.millis()).as("%s: %s", names.get(i), o).isLessThan(IMMEDIATE_MS);
            byte[] r = o.received();
            boolean ttheader = i > 0;
            assertThat(r.length > 8 && (r[4] == 0x10 && r[5] == 0) == ttheader)
                    .as("%s: reply framing matches the request: %s", names.get(i), o).isTrue();
            int msg = ttheader ? 14 + 4 * (((r[12] & 0xFF) << 8) | (r[13] & 0xFF)) + 4 : 4;
            ByteBuffer b = ByteBuffer.wrap(r);
            assertThat(b.getInt(msg - 4)).as("%s: Framed length", names.get(i)).isEqualTo(r.length - msg);
            assertThat(b.getInt(msg)).as("%s: Kitex Protobuf EXCEPTION", names.get(i)).isEqualTo(0x9001_0003);
            int nameLen = b.getInt(msg + 4);
            assertThat(new String(r, msg + 8, nameLen, StandardCharsets.UTF_8)).isEqualTo("Echo");
            assertThat(b.getInt(msg + 8 + nameLen)).as("seq id").isEqualTo(1);
            assertThat(errorProto(Arrays.copyOfRange(r, msg + 12 + nameLen, r.length))).as(names.get(i))
                    .isEqualTo(expected[i]);
        }
    }

    /** {@code ErrorProto{int32 TypeID = 1; string Message = 2;}} as "type message", read by hand. */
    private static String errorProto(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        int type = 0;
        String message = "";
        while (in.hasRemaining()) {
            int tag = in.get();
            if (tag == 0x08) {
                type = in.get(); // small positive type ids: one varint byte
            } else if (tag == 0x12) {
                byte[] m = new byte[in.get()]; // short messages: one varint byte
                in.get(m);
                message = new String(m, StandardCharsets.UTF_8);
            } else {
                throw new AssertionError("unexpected ErrorProto tag " + tag + " in " + Frames.hex(body, 64));
            }
        }
        return type + " " + message;
    }

    @Test
    @Order(17)
    void ttheaderStreamingIsClosed() throws Exception {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("TTHeader Streaming header frame (sec8-v11.hex)", Frames.vector("sec8-v11.hex"));
        cases.put("TTHeader Streaming data frame (sec8-v12.hex)", Frames.vector("sec8-v12.hex"));
        cases.put("TTHeader Streaming bidi stream (ttstream-bidi.req.hex)", Frames.vector("ttstream-bidi.req.hex"));
        checkEach(cases, true);
    }

    @Test
    @Order(18)
    void validRequestThenGarbageInOneWrite() throws Exception {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("framed + garbage", Frames.concat(FRAMED, Frames.bytes(0xDE, 0xAD, 0xBE, 0xEF, 0xDE, 0xAD, 0xBE, 0xEF)));
        cases.put("buffered + garbage", Frames.concat(BUFFERED, Frames.bytes(0x7F, 0xFF, 0xFF, 0xFF, 0x80, 0x01, 0x00, 0x01)));
        checkEach(cases, true);
    }

    // ------------------------------------------------------------------ after all of that

    @Test
    @Order(100)
    void serverIsHealthyAfterAllOfThat() throws Exception {
        // The background loads ran through every case above without a single failure.
        framedLoad.stop();
        ttheaderLoad.stop();
        assertThat(framedLoad.failed.get()).as("%s", framedLoad).isZero();
        assertThat(ttheaderLoad.failed.get()).as("%s", ttheaderLoad).isZero();
        assertThat(framedLoad.ok.get()).as("%s", framedLoad).isGreaterThan(10);
        assertThat(ttheaderLoad.ok.get()).as("%s", ttheaderLoad).isGreaterThan(10);

        // Every connection, good or bad, is gone once its client is.
        server.closeClients();
        int n = server.awaitConnectionCount(c -> c == 0, Duration.ofSeconds(3));
        assertThat(n).as("server connections after every client closed").isZero();

        // A fresh client, over every transport, still gets 100 correct echoes each.
        for (TransportProtocol t : new TransportProtocol[] {TransportProtocol.FRAMED, TransportProtocol.TTHEADER_FRAMED,
                TransportProtocol.TTHEADER, TransportProtocol.BUFFERED}) {
            EchoService.Stub stub = server.stub(t, PayloadProtocol.THRIFT_BINARY);
            for (int i = 0; i < 100; i++) {
                String m = t + "-" + i;
                assertThat(stub.echo(new EchoRequest(m)).getMessage()).isEqualTo(m);
            }
            List<CompletableFuture<EchoResponse>> async = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                async.add(stub.echoAsync(new EchoRequest(t + "-async-" + i)));
            }
            for (int i = 0; i < 100; i++) {
                assertThat(async.get(i).get(5, TimeUnit.SECONDS).getMessage()).isEqualTo(t + "-async-" + i);
            }
        }
        assertThat(server.connectionCount()).as("connections of the fresh clients").isPositive();

        // Pipelined raw requests are answered in order.
        try (RawConn c = RawConn.open(server.address)) {
            List<byte[]> reqs = new ArrayList<>();
            int total = 0;
            for (int i = 0; i < 100; i++) {
                byte[] r = Frames.framed(Frames.binaryEchoCall("pipelined-" + i, 1000 + i));
                reqs.add(r);
                total += r.length;
            }
            c.write(Frames.concat(reqs.toArray(new byte[0][])));
            byte[] got = c.readAtLeast(total, Duration.ofSeconds(5)); // a reply is as long as its request here
            assertThat(got.length).as("bytes of 100 pipelined replies").isEqualTo(total);
            int at = 0;
            for (int i = 0; i < 100; i++) {
                Frames.Message reply = Frames.readReply(Arrays.copyOfRange(got, at, got.length));
                assertThat(reply).isNotNull();
                assertThat(reply.type()).isEqualTo(Frames.REPLY);
                assertThat(reply.seq()).as("reply %d in order", i).isEqualTo(1000 + i);
                at += reply.wireBytes();
            }
        }
        server.closeClients();
        probe = server.stub(TransportProtocol.FRAMED, PayloadProtocol.THRIFT_BINARY); // for serverStillServes()
        baselineConnections = 1;
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] repeat(byte[] unit, int times) {
        byte[] out = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }

    /**
     * Opens one connection per input (at most {@link #BATCH} at a time), writes it, runs
     * {@code after}, then waits for every connection of the batch to end, all against one
     * deadline ({@code bound} after the batch was written). Outcome times count from each write.
     */
    private static List<Outcome> sendAll(List<byte[]> inputs, Consumer<RawConn> after, Duration bound) throws Exception {
        List<Outcome> out = new ArrayList<>(inputs.size());
        for (int from = 0; from < inputs.size(); from += BATCH) {
            List<RawConn> conns = new ArrayList<>();
            try {
                for (byte[] b : inputs.subList(from, Math.min(inputs.size(), from + BATCH))) {
                    RawConn c = RawConn.open(server.address);
                    conns.add(c);
                    c.write(b);
                    after.accept(c);
                }
                // One reader per connection, so that each close is timed when it happens.
                long deadline = System.nanoTime() + bound.toNanos();
                List<Future<Outcome>> waits = new ArrayList<>();
                for (RawConn c : conns) {
                    waits.add(readers.submit(() -> c.awaitCloseUntil(deadline, c.firstWriteNanos)));
                }
                for (Future<Outcome> w : waits) {
                    out.add(w.get(bound.toMillis() + 5000, TimeUnit.MILLISECONDS));
                }
            } finally {
                conns.forEach(RawConn::close);
            }
        }
        return out;
    }

    /** Each case on its own connection; {@code immediate}: refused well before the read timeout. */
    private static void checkEach(Map<String, byte[]> cases, boolean immediate) throws Exception {
        List<byte[]> inputs = new ArrayList<>(cases.values());
        List<Outcome> outcomes = sendAll(inputs, c -> { }, BOUND);
        List<String> names = new ArrayList<>(cases.keySet());
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Outcome o = outcomes.get(i);
            if (!rejected(o)) {
                bad.add(names.get(i) + ": " + o);
            } else if (immediate && o.millis() >= IMMEDIATE_MS) {
                bad.add(names.get(i) + ": closed only by the read timeout, not refused at once: " + o);
            }
        }
        assertThat(bad).as("cases the server did not refuse").isEmpty();
    }

    /** Closed, or answered with a whole exception message. */
    private static boolean rejected(Outcome o) {
        if (o.closed()) {
            return true;
        }
        try {
            Frames.Message m = Frames.readReply(o.received());
            return m != null && m.type() == Frames.EXCEPTION;
        } catch (RuntimeException | AssertionError e) {
            return false;
        }
    }

    private static void assertRejected(String what, Outcome o) {
        assertThat(rejected(o)).as("%s: the server neither closed nor answered an error: %s", what, o).isTrue();
    }

    private static void assertAllRejected(String what, List<byte[]> inputs, List<Outcome> outcomes) {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!rejected(outcomes.get(i))) {
                bad.add(Frames.hex(inputs.get(i), 64) + " -> " + outcomes.get(i));
            }
        }
        assertThat(bad).as("%s: connections neither closed nor answered with an error within %s", what, BOUND).isEmpty();
    }

    private static void assertAllImmediate(String what, List<byte[]> inputs, List<Outcome> outcomes) {
        List<String> slow = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (outcomes.get(i).millis() >= IMMEDIATE_MS) {
                slow.add(Frames.hex(inputs.get(i), 64) + " -> " + outcomes.get(i));
            }
        }
        assertThat(slow).as("%s: closed only by the read timeout, not refused at once", what).isEmpty();
    }
}
