package io.kitex4j.it.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoResponse;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.it.badinput.RawConn.Outcome;
import io.kitex4j.server.Server;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's idle timeout ({@code maxConnectionIdleTime}, 1 s here) on Kitex connections: a
 * quiet connection is closed once it has been idle for the timeout, never before; one that keeps
 * calling is kept; and a call in flight is never cut by it, however long it takes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IdleTimeoutTest {
    private static final Duration IDLE = Duration.ofSeconds(1);
    private static Server server;
    private static InetSocketAddress address;

    @BeforeAll
    static void start() throws Exception {
        server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .service(EchoService.definition(new EchoService.Iface() {
                    @Override
                    public EchoResponse echo(EchoRequest req) {
                        String m = req.getMessage();
                        if (m.startsWith(BadInputServer.SLOW_PREFIX)) {
                            try {
                                Thread.sleep(Long.parseLong(m.substring(BadInputServer.SLOW_PREFIX.length(), m.indexOf('/'))));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return new EchoResponse(m);
                    }

                    @Override
                    public void fire(EchoRequest req) {}
                }))
                .maxConnectionIdleTime(IDLE)
                .readWriteTimeout(Duration.ofSeconds(10))
                .exitWaitTime(Duration.ofSeconds(1))
                .build();
        address = server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aConnectionIdleAfterACallIsClosedOnceTheIdleTimeoutHasPassed() throws Exception {
        try (RawConn c = RawConn.open(address)) {
            long beforeCall = System.nanoTime();
            assertThat(c.write(Frames.framed(Frames.binaryEchoCall("once", 1)))).isTrue();
            byte[] reply = c.readReply(Duration.ofSeconds(5));
            assertThat(Frames.readReply(reply)).as("the reply").isNotNull();
            // The server's last activity (writing the reply) came after beforeCall.
            Outcome o = c.awaitClose(Duration.ofSeconds(10), beforeCall);
            assertThat(o.closed()).as("%s", o).isTrue();
            assertThat(o.millis()).as("ms from the call to the close (idle timeout %s): %s", IDLE, o)
                    .isGreaterThanOrEqualTo(IDLE.toMillis());
        }
    }

    @Test
    void aConnectionThatKeepsCallingIsNotClosed() throws Exception {
        try (RawConn c = RawConn.open(address)) {
            // Calls every 150 ms for three idle timeouts; every call and reply has the same length.
            int n = 20;
            int replyLength = -1;
            for (int i = 0; i < n; i++) {
                assertThat(c.write(Frames.framed(Frames.binaryEchoCall("keep-" + (10 + i), 100 + i))))
                        .as("write %d: %s", i, c.writeFailure()).isTrue();
                if (replyLength < 0) {
                    replyLength = c.readReply(Duration.ofSeconds(5)).length;
                    assertThat(replyLength).isPositive();
                } else {
                    assertThat(c.readAtLeast((i + 1) * replyLength, Duration.ofSeconds(5)).length)
                            .as("bytes of %d replies", i + 1).isEqualTo((i + 1) * replyLength);
                }
                Thread.sleep(150);
            }
            // Quiet from now on: closed.
            assertThat(c.awaitClose(Duration.ofSeconds(10)).closed()).isTrue();
        }
    }

    @Test
    void aCallInFlightLongerThanTheIdleTimeoutIsNotCut() throws Exception {
        try (RawConn c = RawConn.open(address)) {
            String slow = BadInputServer.SLOW_PREFIX + (3 * IDLE.toMillis()) + "/in-flight";
            assertThat(c.write(Frames.framed(Frames.binaryEchoCall(slow, 7)))).isTrue();
            byte[] reply = c.readReply(Duration.ofSeconds(10));
            assertThat(Frames.readReply(reply)).as("the reply to a call that took three idle timeouts").isNotNull();
            long afterReply = System.nanoTime();
            Outcome o = c.awaitClose(Duration.ofSeconds(10), afterReply);
            assertThat(o.closed()).as("idle after its call ended: %s", o).isTrue();
        }
    }
}
