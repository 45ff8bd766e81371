package io.kitex4j.it.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kitex4j.client.Calls;
import io.kitex4j.client.Client;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.BizStatusException;
import io.kitex4j.errors.ErrorKind;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.examples.echo.EchoError;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.HandlerExecution;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.service.PayloadKind;
import io.kitex4j.service.ServiceDescriptor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How handler outcomes travel to the client (§2.1, §2.2 of the wire fact sheet). */
class ErrorMappingTest extends SharedEchoServers {

    /** A client-side view of EchoService with one method the server does not have. */
    static final MethodDescriptor<EchoService.EchoArgs, EchoService.EchoResult> NOSUCH =
            MethodDescriptor.of("nosuch", InteractionMode.PING_PONG, EchoService.EchoArgs.CODEC, EchoService.EchoResult.CODEC);
    static final ServiceDescriptor ECHO_WITH_NOSUCH = ServiceDescriptor.builder("EchoService", PayloadKind.THRIFT)
            .packageName("echo")
            .method(EchoService.ECHO)
            .method(NOSUCH)
            .build();

    private static EchoService.EchoResult echoRaw(Client client, String message) {
        return Calls.await(client.invoke(EchoService.ECHO, new EchoService.EchoArgs(new EchoRequest(message))));
    }

    private static Throwable unwrapped(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    // ---------------------------------------------------------------- declared exception

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsTransportsAndExecutions")
    void declaredExceptionArrivesAsEchoErrorWithItsFields(PayloadProtocol p, TransportProtocol t, HandlerExecution e)
            throws Exception {
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, address(e), p, t)) {
            EchoService.Stub stub = new EchoService.Stub(client);
            Throwable sync = catchThrowable(() -> stub.echo(new EchoRequest("error")));
            assertThat(sync).isInstanceOf(EchoError.class);
            assertThat(((EchoError) sync).getCode()).isEqualTo(42);
            assertThat(((EchoError) sync).getReason()).isEqualTo("declared failure");

            Throwable async = catchThrowable(() -> stub.echoAsync(new EchoRequest("error")).get(10, TimeUnit.SECONDS));
            assertThat(unwrapped(async)).isEqualTo(new EchoError(42, "declared failure"));

            // At the RPC level a declared exception is a successful reply carrying field 1.
            EchoService.EchoResult raw = echoRaw(client, "error");
            assertThat(raw.success).isNull();
            assertThat(raw.err).isEqualTo(new EchoError(42, "declared failure"));

            // A reply, not an exception: the connection is reused and the next call works.
            assertThat(stub.echo(new EchoRequest("next")).getMessage()).isEqualTo("next");
            assertThat(handler(e).callers.get("next")).isEqualTo(handler(e).callers.get("error"));
        }
    }

    // ---------------------------------------------------------------- undeclared exception

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsTransportsAndExecutions")
    void undeclaredExceptionBecomesApplicationExceptionType6(PayloadProtocol p, TransportProtocol t, HandlerExecution e)
            throws Exception {
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, address(e), p, t,
                b -> b.longConnection(1, 1, Duration.ofSeconds(30)))) {
            EchoService.Stub stub = new EchoService.Stub(client);
            for (int i = 0; i < 3; i++) {
                Throwable err = catchThrowable(() -> stub.echo(new EchoRequest("boom")));
                assertThat(err).isInstanceOf(RemoteApplicationException.class);
                RemoteApplicationException rae = (RemoteApplicationException) err;
                assertThat(rae.typeId()).isEqualTo(ApplicationException.INTERNAL_ERROR).isEqualTo(6);
                assertThat(rae.remoteMessage()).isEqualTo("biz error: boom");
                assertThat(rae.getMessage()).isEqualTo("remote or network error[remote]: biz error: boom");
                assertThat(rae.kind()).isEqualTo(ErrorKind.REMOTE_OR_NETWORK);
                assertThat(rae.isRemote()).isTrue();
                // The next call on the same client works, on a new connection: like Kitex's client,
                // Kitex4j drops a connection after an exception reply.
                assertThat(stub.echo(new EchoRequest("after-boom-" + i)).getMessage()).isEqualTo("after-boom-" + i);
                assertThat(handler(e).callers.get("after-boom-" + i)).isNotEqualTo(handler(e).callers.get("boom"));
            }
            Throwable async = catchThrowable(() -> stub.echoAsync(new EchoRequest("boom")).get(10, TimeUnit.SECONDS));
            assertThat(unwrapped(async)).isInstanceOf(RemoteApplicationException.class)
                    .hasFieldOrPropertyWithValue("typeId", 6)
                    .hasFieldOrPropertyWithValue("remoteMessage", "biz error: boom");
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsTransportsAndExecutions")
    void applicationExceptionFromHandlerKeepsItsTypeIdAndGetsBizErrorSuffix(PayloadProtocol p, TransportProtocol t,
                                                                           HandlerExecution e) throws Exception {
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, address(e), p, t)) {
            Throwable err = catchThrowable(() -> new EchoService.Stub(client).echo(new EchoRequest("appex")));
            assertThat(err).isInstanceOf(RemoteApplicationException.class)
                    .hasFieldOrPropertyWithValue("typeId", ApplicationException.WRONG_METHOD_NAME)
                    .hasFieldOrPropertyWithValue("remoteMessage", "custom [biz error]");
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsTransportsAndExecutions")
    void handlerErrorIsAType6PanicAndTheServerKeepsServing(PayloadProtocol p, TransportProtocol t, HandlerExecution e)
            throws Exception {
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, address(e), p, t)) {
            EchoService.Stub stub = new EchoService.Stub(client);
            Throwable err = catchThrowable(() -> stub.echo(new EchoRequest("panic")));
            assertThat(err).isInstanceOf(RemoteApplicationException.class).hasFieldOrPropertyWithValue("typeId", 6);
            assertThat(((RemoteApplicationException) err).remoteMessage())
                    .startsWith("panic: [happened in biz handler, method=EchoService.echo]").contains("kaboom");
            assertThat(stub.echo(new EchoRequest("after-panic")).getMessage()).isEqualTo("after-panic");
        }
    }

    /**
     * BUG (kitex4j-core DefaultServer.toApplicationException): an RpcException thrown by a handler
     * (typically a downstream call's failure it lets propagate) is sent without the
     * {@code "biz error: "} prefix. Kitex wraps every handler error in ErrBiz
     * ({@code server.go invokeHandleEndpoint: err = kerrors.ErrBiz.WithCause(err)}), and
     * UnaryHandler's javadoc promises "biz error: ..." for any exception other than the two it names.
     */
    @Test
    void rpcExceptionPropagatedByHandlerIsType6WithBizErrorPrefix() {
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, address(HandlerExecution.DEFAULT),
                PayloadProtocol.THRIFT_BINARY, TransportProtocol.TTHEADER_FRAMED)) {
            Throwable err = catchThrowable(() -> new EchoService.Stub(client).echo(new EchoRequest("rpcex")));
            assertThat(err).isInstanceOf(RemoteApplicationException.class).hasFieldOrPropertyWithValue("typeId", 6);
            assertThat(((RemoteApplicationException) err).remoteMessage())
                    .isEqualTo("biz error: rpc timeout: timeout=10ms, to=Down, method=echo, location=kitex4j.rpcTimeoutMW");
        }
    }

    // ---------------------------------------------------------------- unknown method

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsAndTTHeaderTransports")
    void unknownMethodOverTTHeaderIsType1UnknownMethodAndNextCallWorks(PayloadProtocol p, TransportProtocol t) {
        try (Client client = Matrix.client(ECHO_WITH_NOSUCH, address(HandlerExecution.DEFAULT), p, t,
                b -> b.longConnection(1, 1, Duration.ofSeconds(30)))) {
            for (int i = 0; i < 2; i++) {
                Throwable err = catchThrowable(() -> Calls.await(client.invoke(NOSUCH,
                        new EchoService.EchoArgs(new EchoRequest("x")))));
                assertThat(err).isInstanceOf(RemoteApplicationException.class);
                RemoteApplicationException rae = (RemoteApplicationException) err;
                assertThat(rae.typeId()).isEqualTo(ApplicationException.UNKNOWN_METHOD).isEqualTo(1);
                assertThat(rae.remoteMessage()).isEqualTo("unknown method nosuch (service EchoService)");
                // The server closed that connection; the same client's next call still works.
                assertThat(echoRaw(client, "after-nosuch-" + i).success.getMessage()).isEqualTo("after-nosuch-" + i);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsAndPlainTransports")
    void unknownMethodOverFramedOrBufferedIsType20UnknownServiceAndNextCallWorks(PayloadProtocol p, TransportProtocol t) {
        try (Client client = Matrix.client(ECHO_WITH_NOSUCH, address(HandlerExecution.DEFAULT), p, t,
                b -> b.longConnection(1, 1, Duration.ofSeconds(30)))) {
            for (int i = 0; i < 2; i++) {
                Throwable err = catchThrowable(() -> Calls.await(client.invoke(NOSUCH,
                        new EchoService.EchoArgs(new EchoRequest("x")))));
                assertThat(err).isInstanceOf(RemoteApplicationException.class);
                RemoteApplicationException rae = (RemoteApplicationException) err;
                assertThat(rae.typeId()).isEqualTo(ApplicationException.UNKNOWN_SERVICE).isEqualTo(20);
                assertThat(rae.remoteMessage()).isEqualTo("unknown service , method nosuch");
                assertThat(echoRaw(client, "after-nosuch-" + i).success.getMessage()).isEqualTo("after-nosuch-" + i);
            }
        }
    }

    /** Kitex captures: TTHeader without the client meta handler (no {@code isn}) also answers type 20. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsAndTTHeaderTransports")
    void unknownMethodOverTTHeaderWithoutIsnIsType20UnknownService(PayloadProtocol p, TransportProtocol t) {
        try (Client client = Matrix.client(ECHO_WITH_NOSUCH, address(HandlerExecution.DEFAULT), p, t,
                b -> b.ttheaderMetaKeys(false))) {
            Throwable err = catchThrowable(() -> Calls.await(client.invoke(NOSUCH,
                    new EchoService.EchoArgs(new EchoRequest("x")))));
            assertThat(err).isInstanceOf(RemoteApplicationException.class)
                    .hasFieldOrPropertyWithValue("typeId", 20)
                    .hasFieldOrPropertyWithValue("remoteMessage", "unknown service , method nosuch");
            assertThat(echoRaw(client, "after").success.getMessage()).isEqualTo("after");
        }
    }

    /**
     * On the wire: after the exception reply to an unknown method the server closes the connection
     * (and marks the reply {@code crrst=1} over TTHeader). Raw bytes, binary Thrift, no {@code isn}.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(value = TransportProtocol.class, names = {"FRAMED", "TTHEADER_FRAMED"})
    void serverClosesTheConnectionAfterItsUnknownMethodReply(TransportProtocol t) throws Exception {
        java.io.ByteArrayOutputStream call = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream d = new java.io.DataOutputStream(call);
        d.writeInt(0x80010001); // strict binary CALL
        d.writeInt(6);
        d.writeBytes("nosuch");
        d.writeInt(7); // seq id
        d.writeByte(0); // empty args struct
        byte[] message = call.toByteArray();
        java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream f = new java.io.DataOutputStream(frame);
        if (t == TransportProtocol.TTHEADER_FRAMED) {
            f.writeInt(10 + 4 + 4 + message.length); // LENGTH
            f.writeShort(0x1000); // magic
            f.writeShort(0); // flags
            f.writeInt(7); // seq id
            f.writeShort(1); // header size: 4 bytes
            f.writeInt(0); // protocol 0 (binary), 0 transforms, 2 bytes padding
        }
        f.writeInt(message.length);
        f.write(message);

        InetSocketAddress addr = address(HandlerExecution.DEFAULT);
        try (java.net.Socket s = new java.net.Socket(addr.getAddress(), addr.getPort())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(frame.toByteArray());
            s.getOutputStream().flush();
            java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
            int len = in.readInt();
            byte[] reply = new byte[len];
            in.readFully(reply);
            String text = new String(reply, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(text).contains("unknown service , method nosuch");
            int exceptionAt = text.indexOf("\u0080\u0001\u0000\u0003");
            assertThat(exceptionAt).as("an EXCEPTION message in the reply").isGreaterThanOrEqualTo(0);
            if (t.isTTHeader()) {
                assertThat(text).contains("crrst");
            }
            assertThat(in.read()).as("end of stream: the server closed the connection").isEqualTo(-1);
        }
    }

    @Test
    void onewayToAnUnknownMethodIsDroppedSilentlyAndTheClientCarriesOn() throws Exception {
        MethodDescriptor<EchoService.FireArgs, EchoService.FireResult> nosuchOneway = MethodDescriptor.of("nosuchFire",
                InteractionMode.ONEWAY, EchoService.FireArgs.CODEC, EchoService.FireResult.CODEC);
        ServiceDescriptor svc = ServiceDescriptor.builder("EchoService", PayloadKind.THRIFT)
                .method(EchoService.ECHO).method(nosuchOneway).build();
        for (TransportProtocol t : Matrix.TRANSPORTS) {
            try (Client client = Matrix.client(svc, address(HandlerExecution.DEFAULT), PayloadProtocol.THRIFT_BINARY, t)) {
                assertThat(client.invoke(nosuchOneway, new EchoService.FireArgs(new EchoRequest("x")))
                        .get(10, TimeUnit.SECONDS)).isNull();
                assertThat(echoRaw(client, "after").success.getMessage()).isEqualTo("after");
            }
        }
    }

    // ---------------------------------------------------------------- business status

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsTTHeaderTransportsAndExecutions")
    void bizStatusErrorOverTTHeaderArrivesAsBizStatusException(PayloadProtocol p, TransportProtocol t, HandlerExecution e)
            throws Exception {
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, address(e), p, t,
                b -> b.longConnection(1, 1, Duration.ofSeconds(30)))) {
            EchoService.Stub stub = new EchoService.Stub(client);
            Throwable err = catchThrowable(() -> stub.echo(new EchoRequest("biz")));
            assertThat(err).isInstanceOf(BizStatusException.class);
            BizStatusException biz = (BizStatusException) err;
            assertThat(biz.statusCode()).isEqualTo(404);
            assertThat(biz.statusMessage()).isEqualTo("not found");
            assertThat(biz.extra()).isEqualTo(Map.of("k", "v"));

            Throwable async = catchThrowable(() -> stub.echoAsync(new EchoRequest("biz")).get(10, TimeUnit.SECONDS));
            assertThat(unwrapped(async)).isInstanceOf(BizStatusException.class)
                    .hasFieldOrPropertyWithValue("statusCode", 404);

            // A successful RPC: the connection is reused and the next call answers normally.
            assertThat(stub.echo(new EchoRequest("after-biz")).getMessage()).isEqualTo("after-biz");
            assertThat(handler(e).callers.get("after-biz")).isEqualTo(handler(e).callers.get("biz"));
        }
    }

    /**
     * Over Framed/Buffered a business status cannot be carried: the server sends an empty REPLY.
     * Kitex's client then returns a silent null response with no error; Kitex4j's stub reports
     * MISSING_RESULT (type 5) instead, never a silent null.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsPlainTransportsAndExecutions")
    void bizStatusErrorOverFramedOrBufferedIsMissingResultNotKitexSilentNull(PayloadProtocol p, TransportProtocol t,
                                                                            HandlerExecution e) throws Exception {
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, address(e), p, t)) {
            EchoService.Stub stub = new EchoService.Stub(client);
            Throwable err = catchThrowable(() -> stub.echo(new EchoRequest("biz")));
            assertThat(err).isInstanceOf(RemoteApplicationException.class).isNotInstanceOf(BizStatusException.class);
            RemoteApplicationException rae = (RemoteApplicationException) err;
            assertThat(rae.typeId()).isEqualTo(ApplicationException.MISSING_RESULT).isEqualTo(5);
            assertThat(rae.remoteMessage()).isEqualTo("echo failed: unknown result");

            // Underneath, the wire carried an empty result struct (what Kitex turns into a silent null).
            EchoService.EchoResult raw = echoRaw(client, "biz");
            assertThat(raw.success).isNull();
            assertThat(raw.err).isNull();

            assertThatThrownBy(() -> stub.echoAsync(new EchoRequest("biz")).join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(RemoteApplicationException.class);
            assertThat(stub.echo(new EchoRequest("after-biz")).getMessage()).isEqualTo("after-biz");
        }
    }
}
