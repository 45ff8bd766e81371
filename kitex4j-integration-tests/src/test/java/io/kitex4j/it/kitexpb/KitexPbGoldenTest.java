package io.kitex4j.it.kitexpb;

import static io.kitex4j.it.kitexpb.PbWire.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.client.Client;
import io.kitex4j.client.ClientBuilder;
import io.kitex4j.it.kitexpb.PbEcho.Seen;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.RpcInfo;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kitex Protobuf against the bytes of real Kitex v0.16.1 ({@code pb-ttheader} with the TTHeader
 * meta handlers on both sides, {@code pb-ttheader-nometa} with Kitex's default handlers).
 *
 * <p>Server side: the captured Kitex client bytes are written to a Kitex4j server over a plain
 * socket; the handler must see the call the Kitex handler saw, and the reply must equal the Kitex
 * server's (TTHeader keys compared ignoring entry order, then byte for byte: these replies have at
 * most one key). Client side: a Kitex4j client configured like the Kitex client talks to a fake
 * server that answers with the captured reply; its request must equal the captured request once
 * the sequence ids (ours are process-global; the captures come from fresh processes) are set to
 * the captured 1, and the call must return the echo.
 *
 * <p><b>Intentional difference</b>: {@code pb-ttheader-nometa}'s Kitex server ran without
 * {@code ServerTTHeaderHandler} and replied with no int keys. A Kitex4j server always behaves as if
 * that handler were installed, so its reply also carries key 22 (MsgType) = "2", and then equals
 * byte for byte the reply Kitex sends with the handler ({@code pb-ttheader.resp}). The Kitex Protobuf
 * payload is identical either way.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KitexPbGoldenTest {
    private final List<AutoCloseable> resources = new ArrayList<>();
    private PbEcho.Handler handler;
    private volatile RpcInfo lastCall;

    @AfterEach
    void tearDown() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    // ---------------------------------------------------------------- Kitex client bytes → our server

    record Exchange(byte[] response, boolean connectionKept, Seen seen) {}

    private Exchange exchange(byte[] request) throws Exception {
        handler = new PbEcho.Handler();
        Server server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .exitWaitTime(Duration.ofSeconds(1))
                .service(handler.definition())
                .build();
        resources.add(server::stop);
        InetSocketAddress addr = server.start();
        try (Socket s = new Socket()) {
            s.connect(addr, 2000);
            s.setSoTimeout(5000);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            byte[] response = PbWire.readFrame(in);
            s.setSoTimeout(300);
            boolean kept;
            try {
                in.read(); // a byte more or EOF: the connection did not stay quietly open
                kept = false;
            } catch (SocketTimeoutException e) {
                kept = true; // silent and open, as after Kitex's reply
            }
            Seen seen = handler.seen.poll(5, TimeUnit.SECONDS);
            assertThat(seen).as("the handler was called").isNotNull();
            return new Exchange(response, kept, seen);
        }
    }

    /** The handler saw what the Kitex handler saw ("server handler Echo called: message=hello", the rpcinfo line). */
    private static void assertSeenLikeKitex(Seen s, TransportProtocol transport, String fromService) {
        assertThat(s.method()).isEqualTo("Echo");
        assertThat(s.message()).isEqualTo("hello");
        assertThat(s.transport()).as("transport").isEqualTo(transport);
        assertThat(s.payload()).as("payload").isEqualTo(PayloadProtocol.KITEX_PROTOBUF);
        assertThat(s.fromService()).as("from.service").isEqualTo(fromService);
        assertThat(s.fromMethod()).as("from.method").isEmpty();
        assertThat(s.toService()).as("to.service").isEqualTo("EchoService");
        assertThat(s.toMethod()).as("to.method").isEqualTo("Echo");
        assertThat(s.seqId()).as("seqID").isEqualTo(1);
        assertThat(s.rpcTimeout()).as("rpcTimeout").isEqualTo(Duration.ZERO);
        assertThat(s.transientValues()).as("transient metainfo").isEmpty();
        assertThat(s.persistentValues()).as("persistent metainfo").isEmpty();
    }

    @Test
    void ourServerAnswersKitexsClientWithMetaHandlersByteForByte() throws Exception {
        Exchange x = exchange(PbWire.request("pb-ttheader"));
        byte[] kitex = PbWire.response("pb-ttheader");
        PbWire.assertSameTTHeader(x.response(), kitex);
        assertThat(hex(x.response())).isEqualTo(hex(kitex));
        assertThat(x.connectionKept()).as("connection kept open after the reply").isTrue();
        assertSeenLikeKitex(x.seen(), TransportProtocol.TTHEADER_FRAMED, "echo-client");
    }

    @Test
    void ourServerAnswersKitexsDefaultClientWithKeyMsgTypeAdded() throws Exception {
        byte[] request = PbWire.request("pb-ttheader-nometa");
        assertThat(hex(request)).as("the capture is §8 V10 byte for byte").isEqualTo(hex(PbWire.vector("sec8-v10.hex")));
        Exchange x = exchange(request);
        byte[] kitex = PbWire.response("pb-ttheader-nometa");
        assertThat(PbWire.ints(kitex)).as("Kitex's default server sends no int keys").isEmpty();
        assertThat(PbWire.ints(x.response())).as("ours adds MsgType").isEqualTo(Map.of(22, "2"));
        assertThat(PbWire.strs(x.response())).isEqualTo(PbWire.strs(kitex));
        assertThat(PbWire.message(x.response())).usingRecursiveComparison().isEqualTo(PbWire.message(kitex));
        // ... which is exactly what Kitex sends with ServerTTHeaderHandler
        assertThat(hex(x.response())).isEqualTo(hex(PbWire.response("pb-ttheader")));
        assertThat(x.connectionKept()).isTrue();
        // no int keys in the request: from.service stays empty, as Kitex reports
        assertSeenLikeKitex(x.seen(), TransportProtocol.TTHEADER_FRAMED, "");
    }

    /** §8 V8 is Kitex Protobuf bare Framed; Kitex replies in the framing of the request (§1.11). */
    @Test
    void ourServerAnswersBareFramedKitexProtobufInTheSameFraming() throws Exception {
        Exchange x = exchange(PbWire.vector("sec8-v8.hex"));
        assertThat(hex(x.response())).isEqualTo(
                "00 00 00 17 90 01 00 02 00 00 00 04 45 63 68 6f 00 00 00 01 0a 05 68 65 6c 6c 6f");
        assertThat(x.connectionKept()).isTrue();
        assertSeenLikeKitex(x.seen(), TransportProtocol.FRAMED, "");
    }

    // ---------------------------------------------------------------- our client → Kitex server bytes

    private Client client(FakeKitexPbServer fake, Consumer<ClientBuilder> more) {
        ClientBuilder b = Client.builder(PbEcho.DESCRIPTOR)
                .hostPorts(fake.hostPort())
                .clientServiceName("echo-client")
                .middleware(next -> (ctx, req) -> {
                    lastCall = ctx.rpcInfo();
                    return next.invoke(ctx, req);
                });
        more.accept(b);
        Client c = b.build();
        resources.add(c);
        return c;
    }

    private FakeKitexPbServer fake(byte[] reply) throws Exception {
        FakeKitexPbServer f = new FakeKitexPbServer(reply);
        resources.add(0, f); // closed after the clients
        return f;
    }

    /** Our request with its seq ids set to the captured 1; checks the two ids agree first. */
    private static byte[] normalised(byte[] ours) {
        int seq = PbWire.seqId(ours);
        assertThat(seq).as("seq id").isNotZero();
        assertThat(PbWire.header(ours).seqId()).as("TTHeader SEQ ID = message seq id").isEqualTo(seq);
        return PbWire.withSeqId(ours, 1);
    }

    /** Kitex's "client rpcinfo after the call: transport=TTHeader|Framed seqID=1 rpcTimeout=0s connectTimeout=50ms". */
    private void assertClientRpcInfoLikeKitex() {
        RpcInfo info = lastCall;
        assertThat(info).isNotNull();
        assertThat(info.config().transportProtocol()).isEqualTo(TransportProtocol.TTHEADER_FRAMED);
        assertThat(info.config().payloadProtocol()).isEqualTo(PayloadProtocol.KITEX_PROTOBUF);
        assertThat(info.config().rpcTimeout()).isEqualTo(Duration.ZERO);
        assertThat(info.config().connectTimeout()).isEqualTo(Duration.ofMillis(50));
    }

    /**
     * The capture's client set {@code WithTransportProtocol(TTHeader)}; ours keeps the default,
     * which for protobuf services is TTHeader|Framed, as Kitex's.
     */
    @Test
    void ourClientWithMetaKeysSendsWhatKitexsClientSent() throws Exception {
        FakeKitexPbServer f = fake(PbWire.response("pb-ttheader"));
        Client c = client(f, b -> { });
        assertThat(PbEcho.echo(c, "hello").getMessage()).isEqualTo("hello");
        PbWire.assertSameTTHeader(normalised(f.request.get(10, TimeUnit.SECONDS)), PbWire.request("pb-ttheader"));
        assertClientRpcInfoLikeKitex();
    }

    @Test
    void ourClientWithoutMetaKeysSendsKitexsDefaultRequestByteForByte() throws Exception {
        FakeKitexPbServer f = fake(PbWire.response("pb-ttheader-nometa"));
        Client c = client(f, b -> b.ttheaderMetaKeys(false).transportProtocol(TransportProtocol.TTHEADER_FRAMED));
        assertThat(PbEcho.echo(c, "hello").getMessage()).isEqualTo("hello");
        assertThat(hex(normalised(f.request.get(10, TimeUnit.SECONDS)))).isEqualTo(hex(PbWire.request("pb-ttheader-nometa")));
        assertClientRpcInfoLikeKitex();
    }
}
