package io.kitex4j.it.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.client.Calls;
import io.kitex4j.client.Client;
import io.kitex4j.errors.ApplicationException;
import io.kitex4j.errors.RemoteApplicationException;
import io.kitex4j.examples.echo.EchoError;
import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.service.InteractionMode;
import io.kitex4j.service.MethodDescriptor;
import io.kitex4j.service.PayloadKind;
import io.kitex4j.service.ServiceDescriptor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Part 1b: a Kitex4j client calls an Apache Thrift Java server (libthrift 0.22's
 * {@code TThreadPoolServer} with a processor written as the Thrift compiler generates it), over
 * binary and compact Thrift, buffered and framed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Kitex4jClientToLibthriftServerTest {

    /** {@code EchoService} as seen by a client whose IDL has one more method, {@code nosuch}. */
    static final MethodDescriptor<EchoService.EchoArgs, EchoService.EchoResult> NOSUCH =
            MethodDescriptor.of("nosuch", InteractionMode.PING_PONG, EchoService.EchoArgs.CODEC, EchoService.EchoResult.CODEC);
    static final ServiceDescriptor WITH_NOSUCH = ServiceDescriptor.builder("EchoService", PayloadKind.THRIFT)
            .packageName("echo")
            .method(EchoService.ECHO)
            .method(EchoService.FIRE)
            .method(NOSUCH)
            .build();

    private final List<AutoCloseable> resources = new ArrayList<>();
    private LibthriftEchoServer server;

    @AfterEach
    void tearDown() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        resources.clear();
        if (server != null) {
            assertThat(server.awaitConnectionsClosed(5000))
                    .as("Client.close() closed every connection the libthrift server accepted").isTrue();
            List<Thread> threads = server.threads();
            server.close();
            assertThat(threads).allSatisfy(t -> assertThat(t.isAlive()).as(t.getName()).isFalse());
        }
    }

    private InetSocketAddress startServer(Combo combo) throws Exception {
        server = new LibthriftEchoServer(combo);
        return server.start();
    }

    private Client client(Combo combo, ServiceDescriptor service, InetSocketAddress addr) {
        Client c = Client.builder(service)
                .hostPorts(addr.getHostString() + ":" + addr.getPort())
                .clientServiceName("kitex4j-interop")
                .transportProtocol(combo.transport())
                .payloadProtocol(combo.payload())
                .rpcTimeout(Duration.ofSeconds(10))
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        resources.add(c);
        return c;
    }

    private EchoService.Stub stub(Combo combo) throws Exception {
        InetSocketAddress addr = startServer(combo);
        return new EchoService.Stub(client(combo, EchoService.DESCRIPTOR, addr));
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void echo(Combo combo) throws Exception {
        EchoService.Stub echo = stub(combo);
        for (String m : new String[] {"hello", "", InteropMessages.NON_ASCII, InteropMessages.HUNDRED_KB}) {
            assertThat(echo.echo(new EchoRequest(m)).getMessage()).isEqualTo(m);
        }
        // an unset optional field stays unset both ways
        assertThat(echo.echo(new EchoRequest(null)).getMessage()).isNull();
        assertThat(server.echoed).hasSize(5).last().isEqualTo("null");
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void unknownFieldsOfANewerServerAreSkipped(Combo combo) throws Exception {
        EchoService.Stub echo = stub(combo);
        for (int i = 0; i < 3; i++) {
            assertThat(echo.echo(new EchoRequest("unknown:" + i)).getMessage()).isEqualTo("unknown:" + i);
        }
        assertThat(echo.echo(new EchoRequest("plain")).getMessage()).isEqualTo("plain");
        assertThat(server.accepted.get()).as("the connection stayed in sync").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void declaredException(Combo combo) throws Exception {
        EchoService.Stub echo = stub(combo);
        assertThatThrownBy(() -> echo.echo(new EchoRequest("error")))
                .isInstanceOfSatisfying(EchoError.class, e -> {
                    assertThat(e.getCode()).isEqualTo(LibthriftEchoServer.DECLARED_CODE);
                    assertThat(e.getReason()).isEqualTo(LibthriftEchoServer.DECLARED_REASON);
                });
        assertThat(echo.echo(new EchoRequest("after")).getMessage()).isEqualTo("after");
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void unknownMethodArrivesAsRemoteApplicationException(Combo combo) throws Exception {
        InetSocketAddress addr = startServer(combo);
        Client c = client(combo, WITH_NOSUCH, addr);
        CompletableFuture<EchoService.EchoResult> call = c.invoke(NOSUCH, new EchoService.EchoArgs(new EchoRequest("hello")));
        assertThatThrownBy(() -> Calls.await(call))
                .isInstanceOfSatisfying(RemoteApplicationException.class, e -> {
                    assertThat(e.typeId()).isEqualTo(ApplicationException.UNKNOWN_METHOD);
                    assertThat(e.remoteMessage()).isEqualTo("Invalid method name: 'nosuch'");
                    assertThat(e.isRemote()).isTrue();
                });
        // libthrift keeps the connection; the client's next call works either way
        EchoService.EchoResult r = Calls.await(c.invoke(EchoService.ECHO, new EchoService.EchoArgs(new EchoRequest("ok"))));
        assertThat(r.success.getMessage()).isEqualTo("ok");
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void undeclaredServerFailureArrivesAsInternalError(Combo combo) throws Exception {
        EchoService.Stub echo = stub(combo);
        assertThatThrownBy(() -> echo.echo(new EchoRequest("boom")))
                .isInstanceOfSatisfying(RemoteApplicationException.class, e -> {
                    assertThat(e.typeId()).isEqualTo(ApplicationException.INTERNAL_ERROR);
                    assertThat(e.remoteMessage()).isEqualTo("Internal error processing echo");
                });
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void onewayIsDelivered(Combo combo) throws Exception {
        EchoService.Stub echo = stub(combo);
        echo.fire(new EchoRequest("fire " + InteropMessages.NON_ASCII));
        assertThat(server.fired.poll(5, TimeUnit.SECONDS)).isEqualTo("fire " + InteropMessages.NON_ASCII);
        echo.fire(new EchoRequest("again"));
        assertThat(server.fired.poll(5, TimeUnit.SECONDS)).isEqualTo("again");
        assertThat(echo.echo(new EchoRequest("after fire")).getMessage()).isEqualTo("after fire");
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void manySequentialCallsReuseOnePooledConnection(Combo combo) throws Exception {
        EchoService.Stub echo = stub(combo);
        for (int i = 0; i < 300; i++) {
            String m = i % 50 == 0 ? InteropMessages.NON_ASCII + i : "call " + i;
            assertThat(echo.echo(new EchoRequest(m)).getMessage()).isEqualTo(m);
        }
        assertThat(server.echoed).hasSize(300);
        assertThat(server.accepted.get()).as("connections accepted by the libthrift server").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void aPooledConnectionTheServerClosedIsNotReused(Combo combo) throws Exception {
        EchoService.Stub echo = stub(combo);
        assertThat(echo.echo(new EchoRequest("first")).getMessage()).isEqualTo("first");
        server.dropConnections();
        Thread.sleep(500); // let the client notice the FIN on its idle connection
        assertThat(echo.echo(new EchoRequest("second")).getMessage()).isEqualTo("second");
        assertThat(server.accepted.get()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Combo.class)
    void concurrentCallsAreAllAnswered(Combo combo) throws Exception {
        EchoService.Stub echo = stub(combo);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String m = "c" + i;
            calls.add(echo.echoAsync(new EchoRequest(m)).thenApply(r -> r.getMessage()));
        }
        for (int i = 0; i < calls.size(); i++) {
            assertThat(calls.get(i).get(20, TimeUnit.SECONDS)).isEqualTo("c" + i);
        }
        assertThat(server.echoed).hasSize(64);
    }
}
