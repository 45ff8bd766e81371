package io.kitex4j.interop.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.interop.thrift.WireOptions.Protocol;
import io.kitex4j.interop.thrift.WireOptions.Transport;
import io.kitex4j.interop.thrift.libthrift.LibthriftTestClient;
import io.kitex4j.interop.thrift.libthrift.LibthriftTestServer;
import io.kitex4j.server.Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Apache Thrift's cross test between Kitex4j and libthrift 0.17.0: our ThriftTest client passes
 * every check against the libthrift ThriftTest server, the libthrift client passes every check
 * against our server, for binary and compact × buffered and framed; our client and server also
 * pass against each other over TTHeader (and the other transports).
 */
class CrossTest {
    private static final ByteArrayOutputStream OUR_SERVER_LOG = new ByteArrayOutputStream();
    private static Server ourServer;

    @BeforeAll
    static void startOurServer() throws Exception {
        ourServer = ThriftTestServer.start(new InetSocketAddress("127.0.0.1", 0),
                new PrintStream(OUR_SERVER_LOG, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopOurServer() {
        if (ourServer != null) {
            ourServer.stop();
        }
    }

    static Stream<Arguments> apacheCombinations() {
        return Stream.of(Protocol.values()).flatMap(p ->
                Stream.of(Transport.BUFFERED, Transport.FRAMED).map(t -> Arguments.of(p, t)));
    }

    static Stream<Arguments> allCombinations() {
        return Stream.of(Protocol.values()).flatMap(p -> Stream.of(Transport.values()).map(t -> Arguments.of(p, t)));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("apacheCombinations")
    void ourClientAgainstLibthriftServer(Protocol protocol, Transport transport) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        CrossTestReport report;
        try (LibthriftTestServer server = new LibthriftTestServer(protocol, transport, out)) {
            InetSocketAddress a = server.start();
            report = ThriftTestClient.run("127.0.0.1", a.getPort(), protocol, transport, 1, Duration.ofSeconds(5), out);
        }
        assertPassed(report, log);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("apacheCombinations")
    void libthriftClientAgainstOurServer(Protocol protocol, Transport transport) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        CrossTestReport report = LibthriftTestClient.run("127.0.0.1", ourServer.address().getPort(), protocol,
                transport, 1, out);
        assertPassed(report, log);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("allCombinations")
    void ourClientAgainstOurServer(Protocol protocol, Transport transport) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        CrossTestReport report = ThriftTestClient.run("127.0.0.1", ourServer.address().getPort(), protocol, transport,
                1, Duration.ofSeconds(5), out);
        assertPassed(report, log);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void ourClientLoopsOverTTHeader(Protocol protocol) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        CrossTestReport report = ThriftTestClient.run("127.0.0.1", ourServer.address().getPort(), protocol,
                Transport.HEADER, 2, Duration.ofSeconds(5), out);
        assertPassed(report, log);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Test #2");
    }

    private static void assertPassed(CrossTestReport report, ByteArrayOutputStream log) {
        String transcript = log.toString(StandardCharsets.UTF_8) + "\n--- our server ---\n"
                + OUR_SERVER_LOG.toString(StandardCharsets.UTF_8);
        assertThat(report.failures()).as(transcript).isEmpty();
        assertThat(report.returnCode()).isZero();
        assertThat(report.checks()).as("checks made").isGreaterThanOrEqualTo(40);
    }
}
