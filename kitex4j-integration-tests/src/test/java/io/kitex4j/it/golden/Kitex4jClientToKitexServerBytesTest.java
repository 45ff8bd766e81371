package io.kitex4j.it.golden;

import static io.kitex4j.it.golden.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.client.Calls;
import io.kitex4j.client.Client;
import io.kitex4j.client.ClientBuilder;
import io.kitex4j.context.RpcContext;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.rpcinfo.RpcInfo;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.service.PayloadKind;
import io.kitex4j.service.ServiceDescriptor;
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
 * Part 2b: a Kitex4j client, configured like the Kitex client of each capture, talks to a fake
 * server that answers with the bytes the real Kitex v0.16.1 server sent. Checked: the request
 * decodes to the same TTHeader keys as the captured Kitex request and its Thrift payload is
 * byte-identical (after writing the captured seq id 1 into ours; the Kitex4j seq id is
 * process-global, the captures come from fresh processes), and the client surfaces the same
 * outcome as the Kitex client did.
 *
 * <p>Values of our request that legitimately differ from the captured ones: only the sequence
 * ids (TTHeader SEQ ID and Thrift SEQ ID), normalised as described. Everything else, every
 * TTHeader key and value included, is equal.
 *
 * <p><b>Intentional differences</b> in outcome, each asserted by its test:
 * <ul>
 *   <li>{@code ttheader-nometa-bizerror}, {@code framed-bizerror}: the reply is an empty REPLY
 *       with no business status. The Kitex client returns a nil response and a nil error (the
 *       failure is lost silently). Kitex4j's {@link Client#invoke} likewise completes normally
 *       with an empty result, but the generated stub then throws
 *       {@link RemoteApplicationException} {@code MISSING_RESULT} (5) "echo failed: unknown
 *       result" instead of returning null (documented on {@link BizStatusException}).</li>
 * </ul>
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class Kitex4jClientToKitexServerBytesTest {

    /** The client IDL of the unknown-method captures: EchoService plus {@code nosuch}. */
    static final MethodDescriptor<EchoService.EchoArgs, EchoService.EchoResult> NOSUCH =
            MethodDescriptor.of("nosuch", InteractionMode.PING_PONG, EchoService.EchoArgs.CODEC, EchoService.EchoResult.CODEC);
    static final ServiceDescriptor WITH_NOSUCH = ServiceDescriptor.builder("EchoService", PayloadKind.THRIFT)
            .packageName("echo")
            .method(EchoService.ECHO)
            .method(EchoService.FIRE)
            .method(NOSUCH)
            .build();

    private final List<AutoCloseable> resources = new ArrayList<>();
    /** The rpcinfo of the last call, captured by a middleware (Kitex's "client rpcinfo after the call"). */
    private volatile RpcInfo lastCall;

    @AfterEach
    void tearDown() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private FakeKitexServer fake(String name, boolean closeAfterReply) throws Exception {
        FakeKitexServer f = new FakeKitexServer(name, closeAfterReply);
        resources.add(f);
        return f;
    }

    /** A builder that records each call's rpcinfo. */
    private ClientBuilder builder(FakeKitexServer f, ServiceDescriptor service) {
        return Client.builder(service)
                .hostPorts(f.hostPort())
                .middleware(next -> (ctx, req) -> {
                    lastCall = ctx.rpcInfo();
                    return next.invoke(ctx, req);
                });
    }

    /** A client like the capture's: WithHostPorts, WithTransportProtocol, WithClientBasicInfo("echo-client"). */
    private Client client(FakeKitexServer f, ServiceDescriptor service, TransportProtocol transport,
                          Consumer<ClientBuilder> more) {
        ClientBuilder b = builder(f, service)
                .transportProtocol(transport)
                .clientServiceName("echo-client");
        more.accept(b);
        Client c = b.build();
        resources.add(0, c); // closed after the assertions, before the fake server
        return c;
    }

    private EchoService.Stub stub(FakeKitexServer f, TransportProtocol transport) {
        return new EchoService.Stub(client(f, EchoService.DESCRIPTOR, transport, b -> { }));
    }

    private EchoService.Stub stub(FakeKitexServer f, TransportProtocol transport, Consumer<ClientBuilder> more) {
        return new EchoService.Stub(client(f, EchoService.DESCRIPTOR, transport, more));
    }

    /**
     * Our request, seq ids normalised to the captured 1, compared with the Kitex client's: exactly
     * for Framed/Buffered, semantically (keys in any order, payload exactly) for TTHeader.
     * Returns the normalised request.
     */
    private byte[] assertRequestLikeKitex(FakeKitexServer f, String name) throws Exception {
        byte[] ours = f.request.get(10, TimeUnit.SECONDS);
        assertClientRpcInfoLikeKitex(name, Wire.thriftSeqId(ours));
        byte[] kitex = KitexCaptures.request(name);
        int seq = Wire.thriftSeqId(ours);
        assertThat(seq).as("seq id").isNotZero();
        if (Wire.isTTHeader(ours)) {
            assertThat(Wire.decode(ours).header().seqId()).as("TTHeader SEQ ID = payload seq id").isEqualTo(seq);
        }
        byte[] normalised = Wire.withSeqId(ours, Wire.thriftSeqId(kitex));
        if (Wire.isTTHeader(kitex)) {
            Wire.assertSameTTHeader(normalised, kitex);
        } else {
            assertThat(hex(normalised)).isEqualTo(hex(kitex));
        }
        return normalised;
    }

    /**
     * Compares our client's rpcinfo with the capture's line "client rpcinfo after the call:
     * transport=TTHeader|Framed seqID=1 rpcTimeout=0s connectTimeout=50ms" (seqID: ours).
     */
    private void assertClientRpcInfoLikeKitex(String name, int ourSeq) {
        String line = KitexCaptures.observed(name, "client rpcinfo after the call: ");
        assertThat(line).as("capture %s reports the client rpcinfo", name).isNotNull();
        Map<String, String> kv = new java.util.HashMap<>();
        for (String part : line.split(" ")) {
            int eq = part.indexOf('=');
            kv.put(part.substring(0, eq), part.substring(eq + 1));
        }
        RpcInfo info = lastCall;
        assertThat(info).as("the call went through the client chain").isNotNull();
        TransportProtocol transport = switch (kv.get("transport")) {
            case "PurePayload" -> TransportProtocol.BUFFERED;
            case "Framed" -> TransportProtocol.FRAMED;
            case "TTHeader" -> TransportProtocol.TTHEADER;
            case "TTHeader|Framed" -> TransportProtocol.TTHEADER_FRAMED;
            default -> throw new AssertionError("unknown transport " + kv.get("transport"));
        };
        assertThat(info.config().transportProtocol()).as("transport").isEqualTo(transport);
        assertThat(info.config().rpcTimeout()).as("rpcTimeout").isEqualTo(goDuration(kv.get("rpcTimeout")));
        assertThat(info.config().connectTimeout()).as("connectTimeout").isEqualTo(goDuration(kv.get("connectTimeout")));
        assertThat(kv.get("seqID")).isEqualTo("1");
        assertThat(info.invocation().seqId()).as("seqID (ours is process-global)").isEqualTo(ourSeq);
    }

    /** Go's time.Duration.String() for the values in the captures: "0s", "50ms", "1.5s". */
    private static Duration goDuration(String s) {
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        if (s.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
        }
        throw new AssertionError("unexpected duration " + s);
    }

    /** The error text the Kitex client reported ("client call returned error: ..."). */
    private static String kitexError(String name) {
        String e = KitexCaptures.observed(name, "client call returned error: ");
        assertThat(e).as("capture %s reports a client error", name).isNotNull();
        return e;
    }

    private static void assertKitexReturnedHello(String name) {
        assertThat(KitexCaptures.observed(name, "client call returned: ")).isEqualTo("EchoResponse({Message:hello})");
    }

    private static void assertClientClosesConnection(FakeKitexServer f) throws Exception {
        assertThat(f.clientClosed.get(5, TimeUnit.SECONDS)).as("bytes after the request").isEmpty();
    }

    private static EchoRequest hello() {
        return new EchoRequest("hello");
    }

    // ---- plain echo over every framing ------------------------------------------------------

    @Test
    void buffered() throws Exception {
        FakeKitexServer f = fake("buffered", false);
        EchoResponse r = stub(f, TransportProtocol.BUFFERED).echo(hello());
        assertKitexReturnedHello("buffered");
        assertThat(r.getMessage()).isEqualTo("hello");
        assertRequestLikeKitex(f, "buffered");
    }

    @Test
    void framed() throws Exception {
        FakeKitexServer f = fake("framed", false);
        EchoResponse r = stub(f, TransportProtocol.FRAMED).echo(hello());
        assertKitexReturnedHello("framed");
        assertThat(r.getMessage()).isEqualTo("hello");
        assertRequestLikeKitex(f, "framed");
    }

    @Test
    void theDefaultTransportIsFramedLikeKitex() throws Exception {
        FakeKitexServer f = fake("framed", false);
        Client c = builder(f, EchoService.DESCRIPTOR).clientServiceName("echo-client").build();
        resources.add(0, c);
        assertThat(new EchoService.Stub(c).echo(hello()).getMessage()).isEqualTo("hello");
        assertRequestLikeKitex(f, "framed");
    }

    @Test
    void ttheaderFramed() throws Exception {
        FakeKitexServer f = fake("ttheader-framed", false);
        EchoResponse r = stub(f, TransportProtocol.TTHEADER_FRAMED).echo(hello());
        assertKitexReturnedHello("ttheader-framed");
        assertThat(r.getMessage()).isEqualTo("hello");
        assertRequestLikeKitex(f, "ttheader-framed");
    }

    @Test
    void ttheaderUnframed() throws Exception {
        FakeKitexServer f = fake("ttheader-unframed", false);
        EchoResponse r = stub(f, TransportProtocol.TTHEADER).echo(hello());
        assertKitexReturnedHello("ttheader-unframed");
        assertThat(r.getMessage()).isEqualTo("hello");
        byte[] ours = assertRequestLikeKitex(f, "ttheader-unframed");
        assertThat(Wire.ints(Wire.decode(ours).header())).containsEntry(1, "unframed");
    }

    // ---- TTHeader keys and metainfo --------------------------------------------------------

    @Test
    void ttheaderMetaMetainfo() throws Exception {
        FakeKitexServer f = fake("ttheader-meta-metainfo", false);
        EchoService.Stub echo = stub(f, TransportProtocol.TTHEADER_FRAMED);
        RpcContext ctx = RpcContext.current()
                .withValue("Transient_Key", "tv")
                .withPersistentValue("Persist_Key", "pv")
                .withBackwardReceiver();
        EchoResponse r = ctx.call(() -> echo.echo(hello()));
        assertThat(r.getMessage()).isEqualTo("hello");
        assertRequestLikeKitex(f, "ttheader-meta-metainfo");
        // Kitex: "client metainfo.RecvAllBackwardValues: {"Backward_Key": "bv"}"
        assertThat(KitexCaptures.observed("ttheader-meta-metainfo", "client metainfo.RecvAllBackwardValues: "))
                .isEqualTo("{\"Backward_Key\": \"bv\"}");
        assertThat(ctx.receivedBackwardValues()).isEqualTo(Map.of("Backward_Key", "bv"));
    }

    @Test
    void ttheaderNometaMetainfo() throws Exception {
        FakeKitexServer f = fake("ttheader-nometa-metainfo", false);
        // Kitex without ClientTTHeaderHandler: no int keys and no isn, metainfo only
        EchoService.Stub echo = stub(f, TransportProtocol.TTHEADER_FRAMED, b -> b.ttheaderMetaKeys(false));
        RpcContext ctx = RpcContext.current()
                .withValue("Transient_Key", "tv")
                .withPersistentValue("Persist_Key", "pv")
                .withBackwardReceiver();
        EchoResponse r = ctx.call(() -> echo.echo(hello()));
        assertThat(r.getMessage()).isEqualTo("hello");
        byte[] ours = assertRequestLikeKitex(f, "ttheader-nometa-metainfo");
        assertThat(Wire.ints(Wire.decode(ours).header())).isEmpty();
        assertThat(ctx.receivedBackwardValues()).isEqualTo(Map.of("Backward_Key", "bv"));
    }

    @Test
    void ttheaderMetaTimeouts() throws Exception {
        FakeKitexServer f = fake("ttheader-meta-timeouts", false);
        EchoService.Stub echo = stub(f, TransportProtocol.TTHEADER_FRAMED,
                b -> b.rpcTimeout(Duration.ofMillis(1500)).connectTimeout(Duration.ofMillis(500)));
        assertThat(echo.echo(hello()).getMessage()).isEqualTo("hello");
        byte[] ours = assertRequestLikeKitex(f, "ttheader-meta-timeouts");
        assertThat(Wire.ints(Wire.decode(ours).header())).containsEntry(12, "1500").containsEntry(17, "500");
    }

    @Test
    void ttheaderMetaDefaults() throws Exception {
        FakeKitexServer f = fake("ttheader-meta-defaults", false);
        // no WithClientBasicInfo: FromService "" is still sent
        Client c = builder(f, EchoService.DESCRIPTOR)
                .transportProtocol(TransportProtocol.TTHEADER_FRAMED)
                .build();
        resources.add(0, c);
        assertThat(new EchoService.Stub(c).echo(hello()).getMessage()).isEqualTo("hello");
        byte[] ours = assertRequestLikeKitex(f, "ttheader-meta-defaults");
        assertThat(Wire.ints(Wire.decode(ours).header())).containsEntry(3, "").containsEntry(20, "");
    }

    @Test
    void ttheaderAclToken() throws Exception {
        FakeKitexServer f = fake("ttheader-acl-token", false);
        EchoService.Stub echo = stub(f, TransportProtocol.TTHEADER_FRAMED);
        EchoResponse r = RpcContext.current().withValue("gdpr-token", "tok123").call(() -> echo.echo(hello()));
        assertThat(r.getMessage()).isEqualTo("hello");
        byte[] ours = assertRequestLikeKitex(f, "ttheader-acl-token");
        // the token travels as the 0x11 ACL block, written first (the key maps alone would not show it)
        byte[] kitexInfo = Wire.decode(KitexCaptures.request("ttheader-acl-token")).headerInfo();
        byte[] ourInfo = Wire.decode(ours).headerInfo();
        assertThat(kitexInfo[2]).isEqualTo((byte) 0x11);
        assertThat(ourInfo[2]).as("first INFO id").isEqualTo((byte) 0x11);
        assertThat(hex(java.util.Arrays.copyOfRange(ourInfo, 2, 11)))
                .isEqualTo(hex(java.util.Arrays.copyOfRange(kitexInfo, 2, 11)));
    }

    // ---- errors -----------------------------------------------------------------------------

    @Test
    void ttheaderBizError() throws Exception {
        FakeKitexServer f = fake("ttheader-bizerror", false);
        EchoService.Stub echo = stub(f, TransportProtocol.TTHEADER_FRAMED);
        assertThatThrownBy(() -> echo.echo(hello()))
                .isInstanceOfSatisfying(BizStatusException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.statusMessage()).isEqualTo("not found");
                    assertThat(e.extra()).isEqualTo(Map.of("k", "v"));
                    assertThat(e.getMessage()).isEqualTo(kitexError("ttheader-bizerror"));
                });
        assertRequestLikeKitex(f, "ttheader-bizerror");
    }

    /** Difference: Kitex returns (nil, nil); the Kitex4j stub reports a missing result. */
    @Test
    void ttheaderNometaBizError() throws Exception {
        FakeKitexServer f = fake("ttheader-nometa-bizerror", false);
        Client c = client(f, EchoService.DESCRIPTOR, TransportProtocol.TTHEADER_FRAMED, b -> b.ttheaderMetaKeys(false));
        assertThat(KitexCaptures.observed("ttheader-nometa-bizerror", "client call returned: ")).isEqualTo("<nil>");
        EchoService.EchoResult raw = Calls.await(c.invoke(EchoService.ECHO, new EchoService.EchoArgs(hello())));
        assertThat(raw.success).as("like Kitex: no response ...").isNull();
        assertThat(raw.err).as("... and no error at the RPC level").isNull();
        assertRequestLikeKitex(f, "ttheader-nometa-bizerror");
    }

    @Test
    void ttheaderNometaBizErrorThroughTheStub() throws Exception {
        FakeKitexServer f = fake("ttheader-nometa-bizerror", false);
        EchoService.Stub echo = stub(f, TransportProtocol.TTHEADER_FRAMED, b -> b.ttheaderMetaKeys(false));
        assertThatThrownBy(() -> echo.echo(hello()))
                .isInstanceOfSatisfying(RemoteApplicationException.class,
                        e -> assertThat(e.typeId()).isEqualTo(ApplicationException.MISSING_RESULT));
    }

    /** Difference: Kitex returns (nil, nil); the Kitex4j stub reports a missing result. */
    @Test
    void framedBizError() throws Exception {
        FakeKitexServer f = fake("framed-bizerror", false);
        assertThat(KitexCaptures.observed("framed-bizerror", "client call returned: ")).isEqualTo("<nil>");
        EchoService.Stub echo = stub(f, TransportProtocol.FRAMED);
        assertThatThrownBy(() -> echo.echo(hello()))
                .isInstanceOfSatisfying(RemoteApplicationException.class, e -> {
                    assertThat(e.typeId()).isEqualTo(ApplicationException.MISSING_RESULT);
                    assertThat(e.remoteMessage()).isEqualTo("echo failed: unknown result");
                });
        assertRequestLikeKitex(f, "framed-bizerror");
    }

    @Test
    void framedPlainError() throws Exception {
        FakeKitexServer f = fake("framed-plainerror", false);
        EchoService.Stub echo = stub(f, TransportProtocol.FRAMED);
        assertThatThrownBy(() -> echo.echo(hello()))
                .isInstanceOfSatisfying(RemoteApplicationException.class, e -> {
                    assertThat(e.typeId()).isEqualTo(ApplicationException.INTERNAL_ERROR);
                    assertThat(e.remoteMessage()).isEqualTo("biz error: something failed");
                    assertThat(e.getMessage()).isEqualTo(kitexError("framed-plainerror"));
                });
        assertRequestLikeKitex(f, "framed-plainerror");
        // like the Kitex client, ours closes the connection after an exception reply
        assertClientClosesConnection(f);
    }

    @Test
    void ttheaderPlainError() throws Exception {
        FakeKitexServer f = fake("ttheader-plainerror", false);
        EchoService.Stub echo = stub(f, TransportProtocol.TTHEADER_FRAMED);
        assertThatThrownBy(() -> echo.echo(hello()))
                .isInstanceOfSatisfying(RemoteApplicationException.class, e -> {
                    assertThat(e.typeId()).isEqualTo(ApplicationException.INTERNAL_ERROR);
                    assertThat(e.remoteMessage()).isEqualTo("biz error: something failed");
                    assertThat(e.getMessage()).isEqualTo(kitexError("ttheader-plainerror"));
                });
        assertRequestLikeKitex(f, "ttheader-plainerror");
        assertClientClosesConnection(f);
    }

    @Test
    void framedUnknownMethod() throws Exception {
        FakeKitexServer f = fake("framed-unknownmethod", true);
        Client c = client(f, WITH_NOSUCH, TransportProtocol.FRAMED, b -> { });
        assertThatThrownBy(() -> Calls.await(c.invoke(NOSUCH, new EchoService.EchoArgs(hello()))))
                .isInstanceOfSatisfying(RemoteApplicationException.class, e -> {
                    assertThat(e.typeId()).isEqualTo(ApplicationException.UNKNOWN_SERVICE);
                    assertThat(e.remoteMessage()).isEqualTo("unknown service , method nosuch");
                    assertThat(e.getMessage()).isEqualTo(kitexError("framed-unknownmethod"));
                });
        assertRequestLikeKitex(f, "framed-unknownmethod");
    }

    @Test
    void ttheaderUnknownMethod() throws Exception {
        FakeKitexServer f = fake("ttheader-unknownmethod", true);
        Client c = client(f, WITH_NOSUCH, TransportProtocol.TTHEADER_FRAMED, b -> { });
        assertThatThrownBy(() -> Calls.await(c.invoke(NOSUCH, new EchoService.EchoArgs(hello()))))
                .isInstanceOfSatisfying(RemoteApplicationException.class, e -> {
                    assertThat(e.typeId()).isEqualTo(ApplicationException.UNKNOWN_METHOD);
                    assertThat(e.remoteMessage()).isEqualTo("unknown method nosuch (service EchoService)");
                    assertThat(e.getMessage()).isEqualTo(kitexError("ttheader-unknownmethod"));
                });
        byte[] ours = assertRequestLikeKitex(f, "ttheader-unknownmethod");
        assertThat(Wire.ints(Wire.decode(ours).header())).containsEntry(9, "nosuch");
        assertThat(Wire.strs(Wire.decode(ours).header())).containsEntry("isn", "EchoService");
    }

    // ---- oneway -----------------------------------------------------------------------------

    @Test
    void ttheaderOneway() throws Exception {
        FakeKitexServer f = fake("ttheader-oneway", false);
        stub(f, TransportProtocol.TTHEADER_FRAMED).fire(hello());
        byte[] ours = assertRequestLikeKitex(f, "ttheader-oneway");
        assertThat(Wire.messageType(ours)).isEqualTo(4);
        assertThat(Wire.ints(Wire.decode(ours).header())).containsEntry(22, "4");
        // like the Kitex client, ours closes the connection right after sending
        assertClientClosesConnection(f);
    }

    @Test
    void framedOneway() throws Exception {
        FakeKitexServer f = fake("framed-oneway", false);
        stub(f, TransportProtocol.FRAMED).fire(hello());
        byte[] ours = assertRequestLikeKitex(f, "framed-oneway");
        assertThat(Wire.messageType(ours)).isEqualTo(4);
        assertClientClosesConnection(f);
    }

    /**
     * Not captured as such: a successful TTHeader reply carrying {@code crrst=1} (what a Kitex
     * server sends while shutting down; key shape as in {@code ttheader-unknownmethod}). The call
     * succeeds, and the client must not reuse the connection: it closes it.
     */
    @Test
    void replyWithCrrstSucceedsAndTheConnectionIsNotReused() throws Exception {
        byte[] resp = Wire.reencode(KitexCaptures.response("ttheader-framed"), h -> h.putStr("crrst", "1"));
        FakeKitexServer f = new FakeKitexServer("ttheader-framed", resp, false, false);
        resources.add(f);
        EchoService.Stub echo = stub(f, TransportProtocol.TTHEADER_FRAMED);
        assertThat(echo.echo(hello()).getMessage()).isEqualTo("hello");
        assertRequestLikeKitex(f, "ttheader-framed");
        assertClientClosesConnection(f);
    }

    // ---- replies that arrive in pieces --------------------------------------------------------

    @Test
    void repliesTrickledByteByByteAreReassembled() throws Exception {
        String[] cases = {"buffered", "framed", "ttheader-unframed", "ttheader-meta-metainfo"};
        TransportProtocol[] transports = {TransportProtocol.BUFFERED, TransportProtocol.FRAMED, TransportProtocol.TTHEADER,
            TransportProtocol.TTHEADER_FRAMED};
        for (int i = 0; i < cases.length; i++) {
            FakeKitexServer f = new FakeKitexServer(cases[i], false, true);
            resources.add(f);
            EchoService.Stub echo = stub(f, transports[i]);
            RpcContext ctx = RpcContext.current().withBackwardReceiver();
            assertThat(ctx.call(() -> echo.echo(hello())).getMessage()).as(cases[i]).isEqualTo("hello");
            if (cases[i].equals("ttheader-meta-metainfo")) {
                assertThat(ctx.receivedBackwardValues()).isEqualTo(Map.of("Backward_Key", "bv"));
            }
        }
    }

    // ---- the seq id rewrite itself -----------------------------------------------------------

    @Test
    void theSeqIdRewriteTouchesTheTTHeaderAndTheThriftSeqIds() {
        // sanity check of the harness used above, for every framing of the captures
        byte[] resp = KitexCaptures.response("ttheader-framed");
        byte[] patched = Wire.withSeqId(resp, 77);
        assertThat(Wire.thriftSeqId(patched)).isEqualTo(77);
        assertThat(Wire.decode(patched).header().seqId()).isEqualTo(77);
        assertThat(Wire.withSeqId(patched, 1)).isEqualTo(resp);
        byte[] framed = Wire.withSeqId(KitexCaptures.response("framed"), 77);
        assertThat(Wire.thriftSeqId(framed)).isEqualTo(77);
        byte[] buffered = Wire.withSeqId(KitexCaptures.response("buffered"), 77);
        assertThat(Wire.thriftSeqId(buffered)).isEqualTo(77);
        byte[] unframed = Wire.withSeqId(KitexCaptures.response("ttheader-unframed"), 77);
        assertThat(Wire.thriftSeqId(unframed)).isEqualTo(77);
    }
}
