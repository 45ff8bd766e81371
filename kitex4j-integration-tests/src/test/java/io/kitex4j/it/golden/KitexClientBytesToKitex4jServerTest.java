package io.kitex4j.it.golden;

import static io.kitex4j.it.golden.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.it.golden.GoldenEchoHandler.Behaviour;
import io.kitex4j.it.golden.GoldenEchoHandler.Seen;
import io.kitex4j.it.golden.Wire.Next;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Part 2a: the bytes a real Kitex v0.16.1 client sent ({@code NAME.req.hex}) are written to a
 * Kitex4j server over a plain socket; its reply is compared with what the real Kitex server sent
 * ({@code NAME.resp.hex}), and what the handler saw with what the Kitex handler saw.
 *
 * <p>TTHeader replies are compared semantically (FLAGS, SEQ ID, PROTOCOL ID, int and string keys
 * ignoring entry order, payload bytes exactly); where the Kitex reply is deterministic (at most
 * one entry per key block) they must also be byte-identical.
 *
 * <p><b>Intentional differences</b>, each asserted by the test of its case:
 * <ul>
 *   <li>{@code ttheader-nometa-metainfo}, {@code ttheader-nometa-bizerror}: the Kitex server of
 *       these captures ran with default options (no {@code ServerTTHeaderHandler}). A Kitex4j
 *       server always behaves as if that handler were installed, so its reply also carries int
 *       key 22 (MsgType) and, for a business error, {@code biz-status} / {@code biz-message} /
 *       {@code biz-extra}. The reply then equals the one Kitex sends with the handler
 *       ({@code ttheader-meta-metainfo} / {@code ttheader-bizerror}), which is checked too.</li>
 * </ul>
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KitexClientBytesToKitex4jServerTest {

    private Server server;
    private GoldenEchoHandler handler;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** What happened on the connection. */
    record Exchange(byte[] response, Next after, byte[] extra, Seen seen) {}

    private InetSocketAddress start(Behaviour behaviour) throws Exception {
        handler = new GoldenEchoHandler(behaviour);
        server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .exitWaitTime(Duration.ofSeconds(1))
                .service(EchoService.definition(handler))
                .build();
        return server.start();
    }

    /**
     * Writes the captured request of {@code name}, reads one reply frame (none for an empty
     * capture), then watches the connection for 300 ms.
     */
    private Exchange exchange(String name, Behaviour behaviour, boolean handlerRuns) throws Exception {
        InetSocketAddress addr = start(behaviour);
        byte[] request = KitexCaptures.request(name);
        byte[] expected = KitexCaptures.response(name);
        try (Socket s = new Socket()) {
            s.connect(addr, 2000);
            s.setSoTimeout(5000);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            byte[] response = expected.length == 0 ? new byte[0] : Wire.readFrame(in, Wire.isBuffered(request), expected.length);
            ByteArrayOutputStream extra = new ByteArrayOutputStream();
            Next after = Wire.next(s, 300, extra);
            Seen seen = handler.seen.poll(handlerRuns ? 5000 : 200, TimeUnit.MILLISECONDS);
            if (handlerRuns) {
                assertThat(seen).as("the handler was called").isNotNull();
            } else {
                assertThat(seen).as("the handler was not called").isNull();
            }
            return new Exchange(response, after, extra.toByteArray(), seen);
        }
    }

    private static void assertExact(byte[] actual, byte[] expected) {
        assertThat(hex(actual)).isEqualTo(hex(expected));
    }

    /** The handler saw the capture's "server handler echo called: message=hello" and the usual rpcinfo. */
    private static void assertSeen(Seen s, String method, TransportProtocol transport, String fromService) {
        assertThat(s.method()).isEqualTo(method);
        assertThat(s.message()).isEqualTo("hello");
        assertThat(s.transport()).isEqualTo(transport);
        assertThat(s.payload()).isEqualTo(PayloadProtocol.THRIFT_BINARY);
        assertThat(s.fromService()).as("from.service").isEqualTo(fromService);
        assertThat(s.fromMethod()).as("from.method").isEqualTo("");
        assertThat(s.toService()).as("to.service").isEqualTo("EchoService");
        assertThat(s.toMethod()).as("to.method").isEqualTo(method);
        assertThat(s.seqId()).as("seqID").isEqualTo(1);
    }

    private static void assertNoMetainfo(Seen s) {
        assertThat(s.transientValues()).as("transient metainfo").isEmpty();
        assertThat(s.persistentValues()).as("persistent metainfo").isEmpty();
        assertThat(s.rpcTimeout()).as("rpcTimeout").isEqualTo(Duration.ZERO);
    }

    private static void assertConnectionKept(Exchange x) {
        assertThat(x.after()).as("nothing more, connection open (extra bytes: %s)", hex(x.extra())).isEqualTo(Next.SILENT);
    }

    // ---- plain echo over every framing ------------------------------------------------------

    @Test
    void buffered() throws Exception {
        Exchange x = exchange("buffered", Behaviour.ECHO, true);
        assertExact(x.response(), KitexCaptures.response("buffered"));
        assertConnectionKept(x);
        assertSeen(x.seen(), "echo", TransportProtocol.BUFFERED, "");
        assertNoMetainfo(x.seen());
    }

    @Test
    void framed() throws Exception {
        Exchange x = exchange("framed", Behaviour.ECHO, true);
        assertExact(x.response(), KitexCaptures.response("framed"));
        assertConnectionKept(x);
        assertSeen(x.seen(), "echo", TransportProtocol.FRAMED, "");
        assertNoMetainfo(x.seen());
    }

    @Test
    void ttheaderFramed() throws Exception {
        Exchange x = exchange("ttheader-framed", Behaviour.ECHO, true);
        Wire.assertSameTTHeader(x.response(), KitexCaptures.response("ttheader-framed"));
        assertExact(x.response(), KitexCaptures.response("ttheader-framed"));
        assertConnectionKept(x);
        assertSeen(x.seen(), "echo", TransportProtocol.TTHEADER_FRAMED, "echo-client");
        assertNoMetainfo(x.seen());
    }

    @Test
    void ttheaderUnframed() throws Exception {
        Exchange x = exchange("ttheader-unframed", Behaviour.ECHO, true);
        Wire.assertSameTTHeader(x.response(), KitexCaptures.response("ttheader-unframed"));
        assertExact(x.response(), KitexCaptures.response("ttheader-unframed"));
        assertConnectionKept(x);
        assertSeen(x.seen(), "echo", TransportProtocol.TTHEADER, "echo-client");
        assertNoMetainfo(x.seen());
    }

    // ---- TTHeader keys and metainfo --------------------------------------------------------

    @Test
    void ttheaderMetaMetainfo() throws Exception {
        Exchange x = exchange("ttheader-meta-metainfo", Behaviour.ECHO_SEND_BACKWARD, true);
        Wire.assertSameTTHeader(x.response(), KitexCaptures.response("ttheader-meta-metainfo"));
        assertExact(x.response(), KitexCaptures.response("ttheader-meta-metainfo"));
        assertConnectionKept(x);
        Seen s = x.seen();
        assertSeen(s, "echo", TransportProtocol.TTHEADER_FRAMED, "echo-client");
        assertThat(s.transientValues()).isEqualTo(Map.of("Transient_Key", "tv"));
        assertThat(s.persistentValues()).isEqualTo(Map.of("Persist_Key", "pv"));
        assertThat(s.backwardSent()).as("SendBackwardValue returned true").isTrue();
    }

    /**
     * Difference: Kitex's default server (no ServerTTHeaderHandler) replies with the backward
     * value only; ours also sends int key 22 (MsgType) = "2".
     */
    @Test
    void ttheaderNometaMetainfo() throws Exception {
        Exchange x = exchange("ttheader-nometa-metainfo", Behaviour.ECHO_SEND_BACKWARD, true);
        byte[] kitex = KitexCaptures.response("ttheader-nometa-metainfo");
        assertThat(Wire.ints(Wire.decode(kitex).header())).as("Kitex's default server sends no int keys").isEmpty();
        Wire.assertSameTTHeader(x.response(), kitex, k -> k.ints.put(22, "2"));
        // ... which is exactly what Kitex sends with ServerTTHeaderHandler
        Wire.assertSameTTHeader(x.response(), KitexCaptures.response("ttheader-meta-metainfo"));
        assertConnectionKept(x);
        Seen s = x.seen();
        // no int keys in the request: from.service stays empty, as Kitex reports
        assertSeen(s, "echo", TransportProtocol.TTHEADER_FRAMED, "");
        assertThat(s.transientValues()).isEqualTo(Map.of("Transient_Key", "tv"));
        assertThat(s.persistentValues()).isEqualTo(Map.of("Persist_Key", "pv"));
        assertThat(s.backwardSent()).isTrue();
    }

    @Test
    void ttheaderMetaTimeouts() throws Exception {
        Exchange x = exchange("ttheader-meta-timeouts", Behaviour.ECHO, true);
        Wire.assertSameTTHeader(x.response(), KitexCaptures.response("ttheader-meta-timeouts"));
        assertExact(x.response(), KitexCaptures.response("ttheader-meta-timeouts"));
        assertConnectionKept(x);
        Seen s = x.seen();
        assertSeen(s, "echo", TransportProtocol.TTHEADER_FRAMED, "echo-client");
        // key 12 = "1500": the server rpcinfo's RPC timeout is 1.5 s
        assertThat(s.rpcTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.transientValues()).isEmpty();
    }

    @Test
    void ttheaderMetaDefaults() throws Exception {
        Exchange x = exchange("ttheader-meta-defaults", Behaviour.ECHO, true);
        Wire.assertSameTTHeader(x.response(), KitexCaptures.response("ttheader-meta-defaults"));
        assertExact(x.response(), KitexCaptures.response("ttheader-meta-defaults"));
        assertConnectionKept(x);
        // key 3 (FromService) = "": from.service is empty
        assertSeen(x.seen(), "echo", TransportProtocol.TTHEADER_FRAMED, "");
        assertNoMetainfo(x.seen());
    }

    @Test
    void ttheaderAclToken() throws Exception {
        Exchange x = exchange("ttheader-acl-token", Behaviour.ECHO, true);
        Wire.assertSameTTHeader(x.response(), KitexCaptures.response("ttheader-acl-token"));
        assertExact(x.response(), KitexCaptures.response("ttheader-acl-token"));
        assertConnectionKept(x);
        Seen s = x.seen();
        assertSeen(s, "echo", TransportProtocol.TTHEADER_FRAMED, "echo-client");
        // the 0x11 block is handed to the handler as transient metainfo "gdpr-token"
        assertThat(s.transientValues()).isEqualTo(Map.of("gdpr-token", "tok123"));
        assertThat(s.persistentValues()).isEmpty();
    }

    // ---- errors -----------------------------------------------------------------------------

    @Test
    void ttheaderBizError() throws Exception {
        Exchange x = exchange("ttheader-bizerror", Behaviour.BIZ_ERROR, true);
        // three string keys: Kitex's entry order is not deterministic, compare semantically
        Wire.assertSameTTHeader(x.response(), KitexCaptures.response("ttheader-bizerror"));
        assertThat(Wire.strs(Wire.decode(x.response()).header())).containsEntry("biz-extra", "{\"k\":\"v\"}");
        assertConnectionKept(x);
        assertSeen(x.seen(), "echo", TransportProtocol.TTHEADER_FRAMED, "echo-client");
    }

    /**
     * Difference: Kitex's default server loses the business error (empty header, empty REPLY);
     * ours sends int key 22 = "2" and the biz-* keys, as Kitex does with ServerTTHeaderHandler.
     */
    @Test
    void ttheaderNometaBizError() throws Exception {
        Exchange x = exchange("ttheader-nometa-bizerror", Behaviour.BIZ_ERROR, true);
        byte[] kitex = KitexCaptures.response("ttheader-nometa-bizerror");
        assertThat(Wire.decode(kitex).headerInfo()).as("Kitex: header info 00 00 00 00").containsExactly(0, 0, 0, 0);
        Wire.assertSameTTHeader(x.response(), kitex, k -> {
            k.ints.put(22, "2");
            k.strs.put("biz-status", "404");
            k.strs.put("biz-message", "not found");
            k.strs.put("biz-extra", "{\"k\":\"v\"}");
        });
        Wire.assertSameTTHeader(x.response(), KitexCaptures.response("ttheader-bizerror"));
        assertConnectionKept(x);
        assertSeen(x.seen(), "echo", TransportProtocol.TTHEADER_FRAMED, "");
    }

    /** Framed cannot carry the business status: Kitex sends an empty REPLY (a lone STOP); so do we. */
    @Test
    void framedBizError() throws Exception {
        Exchange x = exchange("framed-bizerror", Behaviour.BIZ_ERROR, true);
        assertExact(x.response(), KitexCaptures.response("framed-bizerror"));
        assertThat(x.response()[x.response().length - 1]).as("result struct = STOP").isEqualTo((byte) 0);
        assertConnectionKept(x);
        assertSeen(x.seen(), "echo", TransportProtocol.FRAMED, "");
    }

    @Test
    void framedPlainError() throws Exception {
        Exchange x = exchange("framed-plainerror", Behaviour.PLAIN_ERROR, true);
        assertExact(x.response(), KitexCaptures.response("framed-plainerror"));
        // the Kitex server kept the connection open (its client closed first)
        assertConnectionKept(x);
        assertSeen(x.seen(), "echo", TransportProtocol.FRAMED, "");
    }

    @Test
    void framedPlainErrorKeepsTheConnectionUsable() throws Exception {
        InetSocketAddress addr = start(Behaviour.PLAIN_ERROR);
        try (Socket s = new Socket()) {
            s.connect(addr, 2000);
            s.setSoTimeout(5000);
            for (int i = 0; i < 3; i++) {
                s.getOutputStream().write(KitexCaptures.request("framed-plainerror"));
                byte[] r = Wire.readFrame(s.getInputStream(), false, 0);
                assertExact(r, KitexCaptures.response("framed-plainerror"));
            }
        }
    }

    @Test
    void ttheaderPlainError() throws Exception {
        Exchange x = exchange("ttheader-plainerror", Behaviour.PLAIN_ERROR, true);
        Wire.assertSameTTHeader(x.response(), KitexCaptures.response("ttheader-plainerror"));
        assertExact(x.response(), KitexCaptures.response("ttheader-plainerror"));
        assertConnectionKept(x);
        assertSeen(x.seen(), "echo", TransportProtocol.TTHEADER_FRAMED, "echo-client");
    }

    @Test
    void framedUnknownMethod() throws Exception {
        Exchange x = exchange("framed-unknownmethod", Behaviour.ECHO, false);
        // no isn on the wire: type 20, "unknown service , method nosuch"
        assertExact(x.response(), KitexCaptures.response("framed-unknownmethod"));
        assertThat(x.after()).as("the server closes the connection").isEqualTo(Next.CLOSED);
    }

    @Test
    void ttheaderUnknownMethod() throws Exception {
        Exchange x = exchange("ttheader-unknownmethod", Behaviour.ECHO, false);
        // isn present: type 1, "unknown method nosuch (service EchoService)", crrst=1, 22=3
        Wire.assertSameTTHeader(x.response(), KitexCaptures.response("ttheader-unknownmethod"));
        assertExact(x.response(), KitexCaptures.response("ttheader-unknownmethod"));
        assertThat(x.after()).as("the server closes the connection").isEqualTo(Next.CLOSED);
    }

    // ---- oneway -----------------------------------------------------------------------------

    @Test
    void ttheaderOneway() throws Exception {
        assertThat(KitexCaptures.response("ttheader-oneway")).isEmpty();
        Exchange x = exchange("ttheader-oneway", Behaviour.ECHO, true);
        assertThat(x.after()).as("no bytes within 300 ms (got %s)", hex(x.extra())).isEqualTo(Next.SILENT);
        assertSeen(x.seen(), "fire", TransportProtocol.TTHEADER_FRAMED, "echo-client");
        assertNoMetainfo(x.seen());
    }

    @Test
    void framedOneway() throws Exception {
        assertThat(KitexCaptures.response("framed-oneway")).isEmpty();
        Exchange x = exchange("framed-oneway", Behaviour.ECHO, true);
        assertThat(x.after()).as("no bytes within 300 ms (got %s)", hex(x.extra())).isEqualTo(Next.SILENT);
        assertSeen(x.seen(), "fire", TransportProtocol.FRAMED, "");
        assertNoMetainfo(x.seen());
    }

    /**
     * Not captured (the Kitex server was never stopped during a call): a graceful stop answers
     * the call in flight with the captured reply plus {@code crrst=1}, the key Kitex uses to tell
     * TTHeader clients not to reuse the connection (its shape as in {@code ttheader-unknownmethod}),
     * then closes the connection.
     */
    @Test
    void gracefulStopMarksTheReplyInFlightWithCrrst() throws Exception {
        InetSocketAddress addr = start(Behaviour.SLOW_ECHO);
        try (Socket s = new Socket()) {
            s.connect(addr, 2000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(KitexCaptures.request("ttheader-framed"));
            assertThat(handler.seen.poll(5, TimeUnit.SECONDS)).isNotNull(); // the handler is running
            Server stopping = server;
            server = null;
            Thread stopper = new Thread(stopping::stop, "stopper");
            stopper.start();
            byte[] r = Wire.readFrame(s.getInputStream(), false, 0);
            Wire.assertSameTTHeader(r, KitexCaptures.response("ttheader-framed"), k -> k.strs.put("crrst", "1"));
            assertThat(Wire.next(s, 3000, new ByteArrayOutputStream())).isEqualTo(Next.CLOSED);
            stopper.join(5000);
            assertThat(stopper.isAlive()).isFalse();
        }
    }

    /** Captured requests written one byte at a time (flushed, 1 ms apart) are reassembled. */
    @Test
    void capturedRequestsTrickledByteByByte() throws Exception {
        InetSocketAddress addr = start(Behaviour.ECHO_SEND_BACKWARD);
        for (String c : new String[] {"buffered", "framed", "ttheader-unframed", "ttheader-meta-metainfo"}) {
            try (Socket s = new Socket()) {
                s.connect(addr, 2000);
                s.setSoTimeout(5000);
                s.setTcpNoDelay(true);
                OutputStream out = s.getOutputStream();
                byte[] req = KitexCaptures.request(c);
                for (byte b : req) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(1);
                }
                byte[] expected = KitexCaptures.response(c);
                byte[] r = Wire.readFrame(s.getInputStream(), Wire.isBuffered(req), expected.length);
                if (Wire.isTTHeader(r)) {
                    // the handler sends Backward_Key=bv, so compare with the metainfo capture's keys
                    Wire.assertSameTTHeader(r, expected, k -> k.strs.put("Backward_Key", "bv"));
                } else {
                    assertThat(hex(r)).as(c).isEqualTo(hex(expected));
                }
            }
        }
    }

    /** All the TTHeader request frames of one connection, back to back: each gets its own reply. */
    @Test
    void capturedRequestsPipelinedOnOneConnection() throws Exception {
        InetSocketAddress addr = start(Behaviour.ECHO);
        String[] cases = {"ttheader-framed", "ttheader-unframed", "ttheader-meta-defaults", "ttheader-meta-timeouts",
            "ttheader-acl-token", "framed", "buffered", "framed-oneway", "ttheader-oneway", "ttheader-framed", "buffered"};
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String c : cases) {
            all.write(KitexCaptures.request(c));
        }
        try (Socket s = new Socket()) {
            s.connect(addr, 2000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(all.toByteArray());
            for (String c : cases) {
                byte[] expected = KitexCaptures.response(c);
                if (expected.length == 0) {
                    continue;
                }
                byte[] r = Wire.readFrame(s.getInputStream(), Wire.isBuffered(KitexCaptures.request(c)), expected.length);
                assertThat(hex(r)).as(c).isEqualTo(hex(expected));
            }
            assertThat(Wire.next(s, 300, new ByteArrayOutputStream())).isEqualTo(Next.SILENT);
        }
    }
}
