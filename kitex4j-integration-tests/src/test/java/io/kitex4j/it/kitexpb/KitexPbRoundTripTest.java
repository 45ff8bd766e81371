package io.kitex4j.it.kitexpb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.client.Calls;
import io.kitex4j.client.Client;
import io.kitex4j.client.ClientBuilder;
import io.kitex4j.context.RpcContext;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.InternalException;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.it.kitexpb.PbEcho.Seen;
import io.kitex4j.it.kitexpb.pbecho.EchoResponse;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.RpcInfo;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.kitex4j.service.ServiceDescriptor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Kitex4j client and a Kitex4j server speaking Kitex Protobuf, bare Framed and TTHeader|Framed:
 * ping-pong, oneway, Kitex's error mapping (§2.1; ErrorProto instead of TApplicationException),
 * unknown methods, business status and metainfo over TTHeader, and a Thrift and a protobuf service
 * answering on one port.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KitexPbRoundTripTest {
    private static PbEcho.Handler handler;
    private static Server server;
    private static String hostPort;
    private final List<Client> clients = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        handler = new PbEcho.Handler();
        server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .exitWaitTime(Duration.ofSeconds(1))
                .service(handler.definition())
                .build();
        InetSocketAddress a = server.start();
        hostPort = "127.0.0.1:" + a.getPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void clearSeen() {
        handler.seen.clear();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
    }

    private Client client(ServiceDescriptor service, String hostPort, Consumer<ClientBuilder> more) {
        ClientBuilder b = Client.builder(service).hostPorts(hostPort).clientServiceName("pb-it")
                .rpcTimeout(Duration.ofSeconds(5));
        more.accept(b);
        Client c = b.build();
        clients.add(c);
        return c;
    }

    private Client client(TransportProtocol t) {
        return client(PbEcho.DESCRIPTOR, hostPort, b -> b.transportProtocol(t));
    }

    private static Seen seen() throws InterruptedException {
        Seen s = handler.seen.poll(5, TimeUnit.SECONDS);
        assertThat(s).as("the handler was called").isNotNull();
        return s;
    }

    // ---------------------------------------------------------------- ping-pong and oneway

    @ParameterizedTest
    @EnumSource(value = TransportProtocol.class, names = {"FRAMED", "TTHEADER_FRAMED"})
    void pingPongEchoesEveryMessage(TransportProtocol t) throws Exception {
        Client c = client(t);
        for (String m : new String[] {"hello", "", "ünïcødé ☃ 😀", "x".repeat(1 << 20)}) {
            assertThat(PbEcho.echo(c, m).getMessage()).isEqualTo(m);
        }
        List<CompletableFuture<EchoResponse>> async = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            async.add(c.invoke(PbEcho.ECHO, PbEcho.request("async-" + i)));
        }
        for (int i = 0; i < 100; i++) {
            assertThat(async.get(i).get(5, TimeUnit.SECONDS).getMessage()).isEqualTo("async-" + i);
        }
        Seen s = seen();
        assertThat(s.transport()).isEqualTo(t);
        assertThat(s.payload()).isEqualTo(PayloadProtocol.KITEX_PROTOBUF);
        assertThat(s.toService()).isEqualTo("EchoService");
        assertThat(s.toMethod()).isEqualTo("Echo");
        // FromService travels only in TTHeader's int keys
        assertThat(s.fromService()).isEqualTo(t == TransportProtocol.TTHEADER_FRAMED ? "pb-it" : "");
    }

    @ParameterizedTest
    @EnumSource(value = TransportProtocol.class, names = {"FRAMED", "TTHEADER_FRAMED"})
    void onewayReachesTheHandlerWithoutAReply(TransportProtocol t) throws Exception {
        Client c = client(t);
        assertThat(c.invoke(PbEcho.FIRE, PbEcho.request("fire-and-forget")).get(5, TimeUnit.SECONDS)).isNull();
        Seen s = seen();
        assertThat(s.method()).isEqualTo("Fire");
        assertThat(s.message()).isEqualTo("fire-and-forget");
        assertThat(s.transport()).isEqualTo(t);
        assertThat(PbEcho.echo(c, "after-oneway").getMessage()).isEqualTo("after-oneway");
    }

    @Test
    void aProtobufClientDefaultsToTTHeaderFramedAsKitexDoes() throws Exception {
        AtomicReference<RpcInfo> info = new AtomicReference<>();
        Client c = client(PbEcho.DESCRIPTOR, hostPort, b -> b.middleware(next -> (ctx, req) -> {
            info.set(ctx.rpcInfo());
            return next.invoke(ctx, req);
        }));
        assertThat(PbEcho.echo(c, "default").getMessage()).isEqualTo("default");
        assertThat(info.get().config().transportProtocol()).isEqualTo(TransportProtocol.TTHEADER_FRAMED);
        assertThat(info.get().config().payloadProtocol()).isEqualTo(PayloadProtocol.KITEX_PROTOBUF);
        assertThat(seen().transport()).isEqualTo(TransportProtocol.TTHEADER_FRAMED);
    }

    @ParameterizedTest
    @EnumSource(value = TransportProtocol.class, names = {"BUFFERED", "TTHEADER"})
    void unframedTransportsAreRefusedOnTheClientAsKitexRefusesThem(TransportProtocol t) {
        Client c = client(t);
        assertThatThrownBy(() -> PbEcho.echo(c, "never sent"))
                .isInstanceOf(InternalException.class)
                .hasMessageContaining("Kitex Protobuf is always framed");
        assertThat(handler.seen).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = TransportProtocol.class, names = {"FRAMED", "TTHEADER_FRAMED"})
    void aNullResponseIsAnEmptyMessage(TransportProtocol t) {
        assertThat(PbEcho.echo(client(t), PbEcho.EMPTY_REPLY)).isEqualTo(EchoResponse.getDefaultInstance());
    }

    // ---------------------------------------------------------------- errors

    @ParameterizedTest
    @EnumSource(value = TransportProtocol.class, names = {"FRAMED", "TTHEADER_FRAMED"})
    void aHandlerFailureIsErrorProtoType6AndTheConnectionServesOn(TransportProtocol t) {
        Client c = client(t);
        assertThatThrownBy(() -> PbEcho.echo(c, PbEcho.PLAIN_ERROR))
                .isInstanceOfSatisfying(RemoteApplicationException.class, e -> {
                    assertThat(e.typeId()).isEqualTo(ApplicationException.INTERNAL_ERROR);
                    assertThat(e.remoteMessage()).isEqualTo("biz error: something failed");
                    assertThat(e.getMessage()).isEqualTo("remote or network error[remote]: biz error: something failed");
                });
        assertThat(PbEcho.echo(c, "after-error").getMessage()).isEqualTo("after-error");
    }

    @ParameterizedTest
    @EnumSource(value = TransportProtocol.class, names = {"FRAMED", "TTHEADER_FRAMED"})
    void anApplicationExceptionKeepsItsTypeId(TransportProtocol t) {
        assertThatThrownBy(() -> PbEcho.echo(client(t), PbEcho.APP_ERROR))
                .isInstanceOfSatisfying(RemoteApplicationException.class, e -> {
                    assertThat(e.typeId()).isEqualTo(ApplicationException.UNKNOWN_METHOD);
                    assertThat(e.remoteMessage()).isEqualTo("picked by the handler [biz error]");
                });
    }

    /** As with Thrift: type 1 when the request names its service ({@code isn}), type 20 without. */
    @ParameterizedTest
    @EnumSource(value = TransportProtocol.class, names = {"FRAMED", "TTHEADER_FRAMED"})
    void anUnknownMethodIsType1WithIsnAnd20Without(TransportProtocol t) {
        Client c = client(PbEcho.WITH_NOSUCH, hostPort, b -> b.transportProtocol(t));
        assertThatThrownBy(() -> Calls.await(c.invoke(PbEcho.NOSUCH, PbEcho.request("x"))))
                .isInstanceOfSatisfying(RemoteApplicationException.class, e -> {
                    if (t == TransportProtocol.TTHEADER_FRAMED) {
                        assertThat(e.typeId()).isEqualTo(ApplicationException.UNKNOWN_METHOD);
                        assertThat(e.remoteMessage()).isEqualTo("unknown method Nosuch (service EchoService)");
                    } else {
                        assertThat(e.typeId()).isEqualTo(ApplicationException.UNKNOWN_SERVICE);
                        assertThat(e.remoteMessage()).isEqualTo("unknown service , method Nosuch");
                    }
                });
        // the server closed that connection; the client's next call gets a new one
        assertThat(Calls.await(c.invoke(PbEcho.ECHO, PbEcho.request("after"))).getMessage()).isEqualTo("after");
        assertThat(handler.seen).extracting(Seen::method).containsExactly("Echo");
    }

    @Test
    void aBusinessStatusTravelsInTTHeader() {
        assertThatThrownBy(() -> PbEcho.echo(client(TransportProtocol.TTHEADER_FRAMED), PbEcho.BIZ_ERROR))
                .isInstanceOfSatisfying(BizStatusException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.statusMessage()).isEqualTo("not found");
                    assertThat(e.extra()).isEqualTo(Map.of("k", "v"));
                });
    }

    /**
     * Framed cannot carry a business status: the reply is an empty REPLY, which a Kitex client
     * returns as a nil response and no error; ours returns the empty message.
     */
    @Test
    void aBusinessStatusOverFramedIsLostAsWithKitex() {
        assertThat(PbEcho.echo(client(TransportProtocol.FRAMED), PbEcho.BIZ_ERROR)).isEqualTo(EchoResponse.getDefaultInstance());
    }

    // ---------------------------------------------------------------- metainfo

    @Test
    void metainfoTravelsInTTHeaderBothWays() throws Exception {
        Client c = client(TransportProtocol.TTHEADER_FRAMED);
        RpcContext ctx = RpcContext.current().withValue("Transient_Key", "tv").withPersistentValue("Persist_Key", "pv")
                .withBackwardReceiver();
        EchoResponse r = ctx.call(() -> PbEcho.echo(c, PbEcho.BACKWARD));
        assertThat(r.getMessage()).isEqualTo(PbEcho.BACKWARD);
        Seen s = seen();
        assertThat(s.transientValues()).isEqualTo(Map.of("Transient_Key", "tv"));
        assertThat(s.persistentValues()).isEqualTo(Map.of("Persist_Key", "pv"));
        assertThat(ctx.receivedBackwardValues()).containsEntry("Backward_Key", "bv");
    }

    @Test
    void framedCarriesNoMetainfo() throws Exception {
        Client c = client(TransportProtocol.FRAMED);
        RpcContext ctx = RpcContext.current().withValue("Transient_Key", "tv").withBackwardReceiver();
        ctx.call(() -> PbEcho.echo(c, PbEcho.BACKWARD));
        assertThat(seen().transientValues()).isEmpty();
        assertThat(ctx.receivedBackwardValues()).isEmpty();
    }

    // ---------------------------------------------------------------- Thrift and protobuf on one port

    @ParameterizedTest
    @EnumSource(value = TransportProtocol.class, names = {"FRAMED", "TTHEADER_FRAMED"})
    void aThriftAndAProtobufServiceAnswerOnOnePort(TransportProtocol t) throws Exception {
        PbEcho.Handler pb = new PbEcho.Handler();
        ServiceDescriptor pbService = PbEcho.descriptor("PbEchoService", false);
        Server both = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .exitWaitTime(Duration.ofSeconds(1))
                .service(EchoService.definition(new EchoService.Iface() {
                    @Override
                    public io.kitex4j.examples.echo.EchoResponse echo(io.kitex4j.examples.echo.EchoRequest req) {
                        return new io.kitex4j.examples.echo.EchoResponse("thrift:" + req.getMessage());
                    }

                    @Override
                    public void fire(io.kitex4j.examples.echo.EchoRequest req) {}
                }))
                .service(pb.definition(pbService))
                .build();
        InetSocketAddress a = both.start();
        try {
            String hp = "127.0.0.1:" + a.getPort();
            EchoService.Stub thrift = new EchoService.Stub(client(EchoService.DESCRIPTOR, hp, b -> b.transportProtocol(t)));
            Client proto = client(pbService, hp, b -> b.transportProtocol(t));
            for (int i = 0; i < 20; i++) {
                assertThat(thrift.echo(new io.kitex4j.examples.echo.EchoRequest("t" + i)).getMessage()).isEqualTo("thrift:t" + i);
                assertThat(PbEcho.echo(proto, "p" + i).getMessage()).isEqualTo("p" + i);
            }
            Seen s = pb.seen.poll(5, TimeUnit.SECONDS);
            assertThat(s.toService()).isEqualTo("PbEchoService");
            assertThat(s.payload()).isEqualTo(PayloadProtocol.KITEX_PROTOBUF);
            assertThat(s.transport()).isEqualTo(t);
        } finally {
            both.stop();
        }
    }
}
