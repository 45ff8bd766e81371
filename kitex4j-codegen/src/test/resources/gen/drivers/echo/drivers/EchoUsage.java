package drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.client.CallOptions;
import io.kitex4j.client.Calls;
import io.kitex4j.client.Client;
import io.kitex4j.examples.echo.EchoError;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.kitex4j.service.ServiceDefinition;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The generated echo classes used the way the integration tests and the demo use the hand-written ones. */
public final class EchoUsage {
    private EchoUsage() {}

    static final class Handler implements EchoService.Iface {
        final CountDownLatch fired = new CountDownLatch(1);

        @Override
        public EchoResponse echo(EchoRequest req) throws EchoError {
            if (req.getMessage().equals("error")) {
                throw new EchoError(42, "declared failure");
            }
            return new EchoResponse(req.getMessage());
        }

        @Override
        public void fire(EchoRequest req) {
            fired.countDown();
        }
    }

    static final class AsyncHandler implements EchoService.AsyncIface {
        @Override
        public CompletableFuture<EchoResponse> echo(EchoRequest req) {
            if (req.getMessage().equals("error")) {
                return CompletableFuture.failedFuture(new EchoError(7, "async failure"));
            }
            return CompletableFuture.completedFuture(new EchoResponse("async:" + req.getMessage()));
        }

        @Override
        public CompletableFuture<Void> fire(EchoRequest req) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** A server bound by hand from the descriptors, as the integration tests do. */
    static ServiceDefinition byHand() {
        return ServiceDefinition.builder(EchoService.DESCRIPTOR)
                .unary(EchoService.ECHO, args -> {
                    EchoService.EchoResult r = new EchoService.EchoResult();
                    r.success = new EchoResponse("hand:" + args.req.getMessage());
                    return r;
                })
                .unary(EchoService.FIRE, args -> null)
                .build();
    }

    public static void blockingAsyncAndHandBoundServersServeTheGeneratedStub() throws Exception {
        Handler handler = new Handler();
        for (ServiceDefinition definition : new ServiceDefinition[] {
                EchoService.definition(handler), EchoService.definition(new AsyncHandler()), byHand()}) {
            Server server = Server.builder().address(new InetSocketAddress("127.0.0.1", 0)).service(definition).build();
            InetSocketAddress addr = server.start();
            try {
                for (PayloadProtocol p : new PayloadProtocol[] {PayloadProtocol.THRIFT_BINARY, PayloadProtocol.THRIFT_COMPACT}) {
                    try (Client client = Client.builder(EchoService.DESCRIPTOR)
                            .hostPorts(addr.getHostString() + ":" + addr.getPort())
                            .payloadProtocol(p)
                            .transportProtocol(TransportProtocol.TTHEADER)
                            .rpcTimeout(Duration.ofSeconds(10))
                            .build()) {
                        EchoService.Stub stub = new EchoService.Stub(client, CallOptions.DEFAULT);
                        String prefix = stub.echo(new EchoRequest("probe")).getMessage().replace("probe", "");
                        assertThat(stub.echo(new EchoRequest("hi")).getMessage()).isEqualTo(prefix + "hi");
                        assertThat(stub.echoAsync(new EchoRequest("later")).get(10, TimeUnit.SECONDS).getMessage()).isEqualTo(prefix + "later");
                        assertThat(stub.withOptions(CallOptions.DEFAULT.withRpcTimeout(Duration.ofSeconds(5)))
                                .echo(new EchoRequest("opt")).getMessage()).isEqualTo(prefix + "opt");
                        if (!prefix.equals("hand:")) {
                            assertThatThrownBy(() -> stub.echo(new EchoRequest("error"))).isInstanceOf(EchoError.class);
                            assertThatThrownBy(() -> stub.echoAsync(new EchoRequest("error")).join())
                                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(EchoError.class);
                        }
                        stub.fire(new EchoRequest("oneway"));
                        stub.fireAsync(new EchoRequest("oneway")).get(10, TimeUnit.SECONDS);
                        EchoService.EchoResult raw = Calls.await(client.invoke(EchoService.ECHO, new EchoService.EchoArgs(new EchoRequest("raw"))));
                        assertThat(raw.success.getMessage()).isEqualTo(prefix + "raw");
                        assertThat(raw.err).isNull();
                    }
                }
            } finally {
                server.stop();
            }
        }
        assertThat(handler.fired.await(10, TimeUnit.SECONDS)).isTrue();
    }

    public static void codecsAndValueSemanticsMatchTheHandWrittenClasses() {
        EchoRequest req = new EchoRequest("m");
        assertThat(req.isSetMessage()).isTrue();
        assertThat(req).isEqualTo(new EchoRequest().setMessage("m")).hasSameHashCodeAs(new EchoRequest("m"));
        assertThat(req).hasToString("EchoRequest(message=m)");
        assertThat(new EchoRequest()).hasToString("EchoRequest(message=null)");
        EchoError e = new EchoError(42, "declared failure");
        assertThat(e.getMessage()).isEqualTo("EchoError(code=42, reason=declared failure)");
        assertThat(e).hasToString(e.getMessage());
        Wire.assertRoundTrips(EchoError.CODEC, e);
        Wire.assertRoundTrips(EchoRequest.CODEC, req);
        Wire.assertRoundTrips(EchoResponse.CODEC, new EchoResponse("r"));
        EchoService.EchoResult result = new EchoService.EchoResult();
        result.err = e;
        EchoService.EchoResult back = Wire.roundTrip(EchoService.EchoResult.CODEC, result, Wire.Protocol.BINARY);
        assertThat(back.err).isEqualTo(e);
        assertThat(back.success).isNull();
        assertThat(Wire.encode(EchoService.FireResult.CODEC, new EchoService.FireResult(), Wire.Protocol.BINARY)).containsExactly(0);
        assertThat(EchoService.DESCRIPTOR.packageName()).isEqualTo("echo");
        assertThat(EchoService.FIRE.isOneway()).isTrue();
    }
}
