package io.kitex4j.it.badinput;

import static io.kitex4j.it.badinput.BadInputServer.READ_WRITE_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.it.badinput.RawConn.Outcome;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The other side of the slowloris defence: the read timeout (1 s here) must bound how long one
 * message may take to arrive, and must not cut a well-behaved client whose every message arrives
 * promptly. Both cases pipeline requests on one raw connection, which the server supports (it
 * queues frames that arrive while a request is being handled).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReadTimeoutTest {
    private static BadInputServer server;
    private static EchoService.Stub probe;

    @BeforeAll
    static void start() throws Exception {
        server = new BadInputServer();
        probe = server.stub(TransportProtocol.FRAMED, PayloadProtocol.THRIFT_BINARY);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void serverStillServes() throws Exception {
        assertThat(probe.echo(new EchoRequest("probe")).getMessage()).isEqualTo("probe");
    }

    /**
     * A client streams 30 pipelined requests for about 2.4 s, one write every 80 ms; each write
     * ends in the middle of a request, so every request is complete 80 ms after its first byte.
     * No request is slow, so the server must answer all 30 and keep the connection.
     */
    @Test
    void aSteadyPipelinedStreamIsNotCutByTheReadTimeout() throws Exception {
        int n = 30;
        List<byte[]> reqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reqs.add(Frames.framed(Frames.binaryEchoCall("stream-" + (100 + i), 500 + i)));
        }
        byte[] all = Frames.concat(reqs.toArray(new byte[0][]));
        int each = reqs.get(0).length; // all requests have the same length
        try (RawConn c = RawConn.open(server.address)) {
            // Write k covers the second half of request k-1 and the first half of request k.
            int at = 0;
            for (int k = 0; k <= n && at < all.length; k++) {
                int end = Math.min(all.length, k * each + each / 2);
                if (!c.write(all, at, end - at)) {
                    break; // the server is gone; the assertions below say when
                }
                at = end;
                Thread.sleep(80);
            }
            long sentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - c.firstWriteNanos);
            byte[] got = c.readAtLeast(all.length, Duration.ofSeconds(3));
            Outcome o = c.awaitClose(Duration.ofMillis(200), c.firstWriteNanos);
            assertThat(at).as("bytes written before the server cut the connection (after %d ms; %d of %d replies; %s)",
                    sentMs, got.length / each, n, o).isEqualTo(all.length);
            assertThat(o.closed()).as("the server closed a connection whose every request arrived within 80 ms: %s"
                    + " (%d of %d replies)", o, got.length / each, n).isFalse();
            assertThat(got.length).as("bytes of %d replies", n).isEqualTo(all.length);
        }
    }

    /**
     * The server stops reading while 64 requests wait in its queue; the time it spends not
     * reading must not count against the client. 70 requests and half of a 71st arrive in one
     * write, the rest 20 ms later; each request takes 40 ms to handle, so the server pauses
     * reading for about 1.5 s, longer than the read timeout.
     */
    @Test
    void timeTheServerSpendsNotReadingIsNotAReadTimeout() throws Exception {
        int n = 80;
        List<byte[]> reqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reqs.add(Frames.framed(Frames.binaryEchoCall(BadInputServer.SLOW_PREFIX + "40/" + (100 + i), 900 + i)));
        }
        byte[] all = Frames.concat(reqs.toArray(new byte[0][]));
        int each = reqs.get(0).length;
        int cut = 70 * each + each / 2;
        try (RawConn c = RawConn.open(server.address)) {
            assertThat(c.write(all, 0, cut)).isTrue();
            Thread.sleep(20);
            assertThat(c.write(all, cut, all.length - cut)).as("second write: %s", c.writeFailure()).isTrue();
            byte[] got = c.readAtLeast(all.length, Duration.ofSeconds(8));
            assertThat(got.length / each).as("replies to %d pipelined requests, all sent at once (read timeout %s)", n,
                    READ_WRITE_TIMEOUT).isEqualTo(n);
            assertThat(Arrays.copyOfRange(got, 0, each)).isNotEmpty();
        }
    }
}
