package io.kitex4j.it.matrix;

import io.kitex4j.client.Client;
import io.kitex4j.client.ClientBuilder;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.HandlerExecution;
import io.kitex4j.server.Server;
import io.kitex4j.service.ServiceDefinition;
import io.kitex4j.service.ServiceDescriptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Shared plumbing of the client/server matrix: the parameter sets, and servers and clients bound
 * to the loopback interface with settings that keep the suite fast.
 */
final class Matrix {
    private Matrix() {}

    static final PayloadProtocol[] PAYLOADS = {PayloadProtocol.THRIFT_BINARY, PayloadProtocol.THRIFT_COMPACT};
    static final TransportProtocol[] TRANSPORTS = {
        TransportProtocol.BUFFERED, TransportProtocol.FRAMED, TransportProtocol.TTHEADER, TransportProtocol.TTHEADER_FRAMED};
    static final TransportProtocol[] TTHEADER_TRANSPORTS = {TransportProtocol.TTHEADER, TransportProtocol.TTHEADER_FRAMED};
    static final TransportProtocol[] PLAIN_TRANSPORTS = {TransportProtocol.BUFFERED, TransportProtocol.FRAMED};
    static final HandlerExecution[] EXECUTIONS = {HandlerExecution.DEFAULT, HandlerExecution.IO_THREAD};

    /** How long any single wait in these tests may take before the test fails instead of hanging. */
    static final Duration WAIT = Duration.ofSeconds(10);

    /** payload × transport. */
    static Stream<Arguments> payloadsAndTransports() {
        return cross(PAYLOADS, TRANSPORTS);
    }

    /** payload × TTHeader transports. */
    static Stream<Arguments> payloadsAndTTHeaderTransports() {
        return cross(PAYLOADS, TTHEADER_TRANSPORTS);
    }

    /** payload × Buffered/Framed. */
    static Stream<Arguments> payloadsAndPlainTransports() {
        return cross(PAYLOADS, PLAIN_TRANSPORTS);
    }

    /** payload × transport × handler execution. */
    static Stream<Arguments> payloadsTransportsAndExecutions() {
        return cross3(TRANSPORTS);
    }

    /** payload × TTHeader transports × handler execution. */
    static Stream<Arguments> payloadsTTHeaderTransportsAndExecutions() {
        return cross3(TTHEADER_TRANSPORTS);
    }

    /** payload × Buffered/Framed × handler execution. */
    static Stream<Arguments> payloadsPlainTransportsAndExecutions() {
        return cross3(PLAIN_TRANSPORTS);
    }

    private static Stream<Arguments> cross3(TransportProtocol[] transports) {
        List<Arguments> out = new ArrayList<>();
        for (PayloadProtocol p : PAYLOADS) {
            for (TransportProtocol t : transports) {
                for (HandlerExecution e : EXECUTIONS) {
                    out.add(Arguments.of(p, t, e));
                }
            }
        }
        return out.stream();
    }

    private static Stream<Arguments> cross(PayloadProtocol[] payloads, TransportProtocol[] transports) {
        List<Arguments> out = new ArrayList<>();
        for (PayloadProtocol p : payloads) {
            for (TransportProtocol t : transports) {
                out.add(Arguments.of(p, t));
            }
        }
        return out.stream();
    }

    /** A started server on 127.0.0.1, port 0, with a short exit wait so that teardown is quick. */
    static Server startServer(HandlerExecution execution, ServiceDefinition... services) throws Exception {
        return startServer(execution, b -> {}, services);
    }

    static Server startServer(HandlerExecution execution, Consumer<io.kitex4j.server.ServerBuilder> custom,
                              ServiceDefinition... services) throws Exception {
        io.kitex4j.server.ServerBuilder b = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .handlerExecution(execution)
                .exitWaitTime(Duration.ofSeconds(2));
        for (ServiceDefinition s : services) {
            b.service(s);
        }
        custom.accept(b);
        Server server = b.build();
        server.start();
        return server;
    }

    /** A client of {@code service} at {@code server}, with generous timeouts (tests add their own). */
    static Client client(ServiceDescriptor service, InetSocketAddress server, PayloadProtocol payload,
                         TransportProtocol transport) {
        return client(service, server, payload, transport, b -> {});
    }

    static Client client(ServiceDescriptor service, InetSocketAddress server, PayloadProtocol payload,
                         TransportProtocol transport, Consumer<ClientBuilder> custom) {
        ClientBuilder b = Client.builder(service)
                .addresses(server)
                .payloadProtocol(payload)
                .transportProtocol(transport)
                .connectTimeout(Duration.ofSeconds(2))
                .rpcTimeout(Duration.ofSeconds(5));
        custom.accept(b);
        return b.build();
    }

    /** A loopback port nobody listens on (bound, then released). */
    static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stops a server, ignoring null. */
    static void stopQuietly(Server server) {
        if (server != null) {
            server.stop();
        }
    }
}
