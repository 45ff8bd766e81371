package io.kitex4j.it.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kitex4j.client.Calls;
import io.kitex4j.client.Client;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.HandlerExecution;
import io.kitex4j.server.Server;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.service.PayloadKind;
import io.kitex4j.service.ServiceDefinition;
import io.kitex4j.service.ServiceDescriptor;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Several services on one server: TTHeader {@code isn} routes; without it the first registered service answers. */
class MultiServiceTest {
    static final MethodDescriptor<EchoService.EchoArgs, EchoService.EchoResult> OTHER_ECHO =
            MethodDescriptor.of("echo", InteractionMode.PING_PONG, EchoService.EchoArgs.CODEC, EchoService.EchoResult.CODEC);
    static final ServiceDescriptor OTHER = ServiceDescriptor.builder("OtherService", PayloadKind.THRIFT)
            .packageName("other").method(OTHER_ECHO).build();

    static final MethodDescriptor<EchoService.EchoArgs, EchoService.EchoResult> NOPE_ECHO =
            MethodDescriptor.of("echo", InteractionMode.PING_PONG, EchoService.EchoArgs.CODEC, EchoService.EchoResult.CODEC);
    static final ServiceDescriptor NOPE = ServiceDescriptor.builder("NopeService", PayloadKind.THRIFT).method(NOPE_ECHO).build();

    static ServiceDefinition otherDefinition() {
        return ServiceDefinition.builder(OTHER)
                .unary(OTHER_ECHO, args -> {
                    EchoService.EchoResult r = new EchoService.EchoResult();
                    r.success = new EchoResponse("other:" + args.req.getMessage());
                    return r;
                })
                .build();
    }

    /** Echo first, then Other. */
    static Server echoFirst;
    /** Other first, then Echo. */
    static Server otherFirst;

    @BeforeAll
    static void startServers() throws Exception {
        echoFirst = Matrix.startServer(HandlerExecution.DEFAULT,
                EchoService.definition(new ScriptedEcho("echo:")), otherDefinition());
        otherFirst = Matrix.startServer(HandlerExecution.DEFAULT,
                otherDefinition(), EchoService.definition(new ScriptedEcho("echo:")));
    }

    @AfterAll
    static void stopServers() {
        Matrix.stopQuietly(echoFirst);
        Matrix.stopQuietly(otherFirst);
    }

    static String callOther(Client client, String m) {
        return Calls.await(client.invoke(OTHER_ECHO, new EchoService.EchoArgs(new EchoRequest(m)))).success.getMessage();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsAndTTHeaderTransports")
    void overTTHeaderTheIsnRoutesToTheNamedService(PayloadProtocol p, TransportProtocol t) throws Exception {
        for (Server server : new Server[] {echoFirst, otherFirst}) {
            InetSocketAddress addr = server.address();
            try (Client echo = Matrix.client(EchoService.DESCRIPTOR, addr, p, t);
                 Client other = Matrix.client(OTHER, addr, p, t)) {
                for (int i = 0; i < 3; i++) {
                    assertThat(new EchoService.Stub(echo).echo(new EchoRequest("x" + i)).getMessage()).isEqualTo("echo:x" + i);
                    assertThat(callOther(other, "x" + i)).isEqualTo("other:x" + i);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsAndPlainTransports")
    void overFramedOrBufferedTheFirstRegisteredServiceAnswers(PayloadProtocol p, TransportProtocol t) throws Exception {
        try (Client echo = Matrix.client(EchoService.DESCRIPTOR, echoFirst.address(), p, t);
             Client other = Matrix.client(OTHER, echoFirst.address(), p, t)) {
            assertThat(new EchoService.Stub(echo).echo(new EchoRequest("x")).getMessage()).isEqualTo("echo:x");
            assertThat(callOther(other, "x")).as("no isn: EchoService was registered first").isEqualTo("echo:x");
        }
        try (Client echo = Matrix.client(EchoService.DESCRIPTOR, otherFirst.address(), p, t);
             Client other = Matrix.client(OTHER, otherFirst.address(), p, t)) {
            assertThat(new EchoService.Stub(echo).echo(new EchoRequest("x")).getMessage())
                    .as("no isn: OtherService was registered first").isEqualTo("other:x");
            assertThat(callOther(other, "x")).isEqualTo("other:x");
            // A method only the second service has is still found.
            new EchoService.Stub(echo).fire(new EchoRequest("f"));
            assertThat(new EchoService.Stub(echo).echo(new EchoRequest("y")).getMessage()).isEqualTo("other:y");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsAndTTHeaderTransports")
    void overTTHeaderAnUnhostedServiceIsType20UnknownService(PayloadProtocol p, TransportProtocol t) throws Exception {
        try (Client nope = Matrix.client(NOPE, echoFirst.address(), p, t)) {
            Throwable err = catchThrowable(() -> Calls.await(nope.invoke(NOPE_ECHO,
                    new EchoService.EchoArgs(new EchoRequest("x")))));
            assertThat(err).isInstanceOf(RemoteApplicationException.class)
                    .hasFieldOrPropertyWithValue("typeId", 20)
                    .hasFieldOrPropertyWithValue("remoteMessage", "unknown service NopeService, method echo");
        }
    }

    @Test
    void aServiceCannotBeRegisteredTwiceAndAServerNeedsOne() {
        assertThatThrownBy(() -> Server.builder().service(otherDefinition()).service(otherDefinition()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OtherService");
        assertThatThrownBy(() -> Server.builder().build()).isInstanceOf(IllegalStateException.class);
    }
}
