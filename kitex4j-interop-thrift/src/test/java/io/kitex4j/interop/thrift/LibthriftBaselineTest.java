package io.kitex4j.interop.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.interop.thrift.WireOptions.Protocol;
import io.kitex4j.interop.thrift.WireOptions.Transport;
import io.kitex4j.interop.thrift.libthrift.LibthriftTestClient;
import io.kitex4j.interop.thrift.libthrift.LibthriftTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The reference pair on its own: the libthrift client passes every check against the libthrift
 * server, so a failure in the cross tests is a difference of ours, not of the reference code.
 */
class LibthriftBaselineTest {

    @Test
    void libthriftClientPassesAgainstLibthriftServer() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        try (LibthriftTestServer server = new LibthriftTestServer(Protocol.COMPACT, Transport.FRAMED, out)) {
            InetSocketAddress a = server.start();
            CrossTestReport report = LibthriftTestClient.run("127.0.0.1", a.getPort(), Protocol.COMPACT,
                    Transport.FRAMED, 1, out);
            assertThat(report.failures()).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(report.checks()).isGreaterThan(30);
        }
    }
}
