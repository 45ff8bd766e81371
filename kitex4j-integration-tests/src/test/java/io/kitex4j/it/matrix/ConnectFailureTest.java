package io.kitex4j.it.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kitex4j.client.CallOptions;
import io.kitex4j.client.Client;
import io.kitex4j.errors.ConnectionException;
import io.kitex4j.errors.ErrorKind;
import io.kitex4j.errors.ServiceDiscoveryException;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.HandlerExecution;
import io.kitex4j.server.Server;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Failing to get a connection (§7.2: ErrGetConnection). */
class ConnectFailureTest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.kitex4j.it.matrix.Matrix#payloadsAndTransports")
    void connectingToAPortNobodyListensOnFailsWithConnectionException(PayloadProtocol p, TransportProtocol t)
            throws Exception {
        InetSocketAddress nobody = new InetSocketAddress("127.0.0.1", Matrix.unusedPort());
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, nobody, p, t)) {
            EchoService.Stub stub = new EchoService.Stub(client);
            long start = System.nanoTime();
            Throwable err = catchThrowable(() -> stub.echo(new EchoRequest("x")));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
            assertThat(err).isInstanceOf(ConnectionException.class);
            ConnectionException ce = (ConnectionException) err;
            assertThat(ce.kind()).isEqualTo(ErrorKind.GET_CONNECTION);
            assertThat(ce.getMessage()).startsWith("get connection error: ").contains(String.valueOf(nobody.getPort()));

            Throwable async = catchThrowable(() -> stub.echoAsync(new EchoRequest("x")).get(5, TimeUnit.SECONDS));
            assertThat(async).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConnectionException.class);
            // Oneway calls cannot connect either.
            assertThat(catchThrowable(() -> stub.fire(new EchoRequest("x")))).isInstanceOf(ConnectionException.class);
        }
    }

    @Test
    void perCallHostPortOverridesTheConfiguredAddress() throws Exception {
        Server server = Matrix.startServer(HandlerExecution.DEFAULT, EchoService.definition(new ScriptedEcho()));
        InetSocketAddress nobody = new InetSocketAddress("127.0.0.1", Matrix.unusedPort());
        try (Client client = Matrix.client(EchoService.DESCRIPTOR, nobody, PayloadProtocol.THRIFT_BINARY,
                TransportProtocol.FRAMED)) {
            assertThat(catchThrowable(() -> new EchoService.Stub(client).echo(new EchoRequest("x"))))
                    .isInstanceOf(ConnectionException.class);
            EchoService.Stub direct = new EchoService.Stub(client, CallOptions.DEFAULT.withHostPort(server.address()));
            assertThat(direct.echo(new EchoRequest("direct")).getMessage()).isEqualTo("direct");
        } finally {
            server.stop();
        }
    }

    @Test
    void aClientWithNoAddressFailsWithServiceDiscoveryException() {
        try (Client client = Client.builder(EchoService.DESCRIPTOR).build()) {
            Throwable err = catchThrowable(() -> new EchoService.Stub(client).echo(new EchoRequest("x")));
            assertThat(err).isInstanceOf(ServiceDiscoveryException.class);
            assertThat(((ServiceDiscoveryException) err).kind()).isEqualTo(ErrorKind.SERVICE_DISCOVERY);
        }
    }

    @Test
    void aClosedClientFailsFast() {
        Client client = Client.builder(EchoService.DESCRIPTOR).hostPorts("127.0.0.1:1").build();
        client.close();
        client.close(); // idempotent
        Throwable err = catchThrowable(() -> new EchoService.Stub(client).echo(new EchoRequest("x")));
        assertThat(err).isInstanceOf(io.kitex4j.errors.RpcException.class).hasMessageContaining("closed");
    }
}
