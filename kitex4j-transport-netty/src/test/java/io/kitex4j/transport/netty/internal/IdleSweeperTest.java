package io.kitex4j.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.remote.RemoteMessage;
import io.kitex4j.remote.transport.InboundDispatcher;
import io.kitex4j.remote.transport.ReplySink;
import io.kitex4j.remote.transport.TransportConfig;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's idle timeout as the per-event-loop {@link IdleSweeper} enforces it, on raw
 * connections that send no complete request (calls in flight are covered by the integration
 * tests' IdleTimeoutTest, which has a payload codec).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IdleSweeperTest {
    private static final Duration IDLE = Duration.ofMillis(300);

    private NettyServerTransport server;
    private InetSocketAddress address;

    private void start(Duration idle) throws Exception {
        TransportConfig config = TransportConfig.builder()
                .maxConnectionIdleTime(idle)
                .readWriteTimeout(Duration.ofSeconds(20))
                .ioThreads(2)
                .build();
        server = new NettyServerTransport(config);
        address = server.start(new InetSocketAddress("127.0.0.1", 0), new NoCalls());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown(Duration.ZERO);
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        start(IDLE);
        long opened = System.nanoTime();
        try (Socket s = connect()) {
            long closedAfter = awaitClose(s, Duration.ofSeconds(10));
            long sinceConnect = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened);
            assertThat(closedAfter).as("ms until the server closed an idle connection (-1: still open)").isPositive();
            // The server accepted it after this connect began: it must not have been cut sooner.
            assertThat(sinceConnect).as("ms from connect to close (idle timeout %s)", IDLE).isGreaterThanOrEqualTo(IDLE.toMillis());
        }
    }

    @Test
    void aConnectionThatKeepsSendingBytesIsNotClosed() throws Exception {
        start(IDLE);
        try (Socket s = connect()) {
            // The first bytes of a Framed message whose rest never comes: bytes read are activity
            // (as they were for IdleStateHandler), whether or not they complete a message.
            byte[] frame = ByteBuffer.allocate(4 + 1000).putInt(1000).putInt(0x8001_0001).array();
            s.getOutputStream().write(frame, 0, 8);
            long until = System.nanoTime() + 4 * IDLE.toNanos();
            int at = 8;
            while (System.nanoTime() < until) {
                Thread.sleep(IDLE.toMillis() / 6);
                s.getOutputStream().write(frame, at++, 1);
                s.getOutputStream().flush();
            }
            assertThat(stillOpen(s)).as("a connection that sent a byte every %d ms is open", IDLE.toMillis() / 6).isTrue();
            // Once quiet, it is closed.
            assertThat(awaitClose(s, Duration.ofSeconds(10))).isPositive();
        }
    }

    @Test
    void theSweepStopsWhenItsLoopHasNoConnectionsAndStartsAgainWithTheNext() throws Exception {
        start(IDLE);
        for (int round = 0; round < 2; round++) {
            try (Socket s = connect()) {
                assertThat(await(() -> scheduledSweepers() == 1)).as("one loop sweeps its one connection").isTrue();
                assertThat(awaitClose(s, Duration.ofSeconds(10))).isPositive();
            }
            assertThat(await(() -> scheduledSweepers() == 0 && registered() == 0))
                    .as("no sweep scheduled once the connection is gone").isTrue();
        }
    }

    @Test
    void serverShutdownCancelsTheSweeper() throws Exception {
        start(Duration.ofMinutes(10));
        try (Socket a = connect(); Socket b = connect(); Socket c = connect()) {
            assertThat(await(() -> registered() == 3)).isTrue();
            assertThat(scheduledSweepers()).isGreaterThanOrEqualTo(1);
            Map<EventExecutor, IdleSweeper> sweepers = server.sweepers();
            server.shutdown(Duration.ZERO);
            server = null;
            for (Map.Entry<EventExecutor, IdleSweeper> e : sweepers.entrySet()) {
                assertThat(e.getKey().isTerminated()).as("event loop terminated").isTrue();
                assertThat(e.getValue().stopped()).as("sweeper stopped").isTrue();
                assertThat(e.getValue().scheduled()).as("sweep still scheduled").isFalse();
                assertThat(e.getValue().size()).as("connections still registered").isZero();
            }
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(address, 2000);
        return s;
    }

    /** Milliseconds until the server closed {@code s} (read returned -1 or reset), or -1 if still open after {@code max}. */
    private static long awaitClose(Socket s, Duration max) throws IOException {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[256];
        while (System.nanoTime() < deadline) {
            s.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            try {
                if (in.read(buf) < 0) {
                    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                }
            } catch (SocketTimeoutException e) {
                // deadline check
            } catch (IOException e) {
                return Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        }
        return -1;
    }

    private static boolean stillOpen(Socket s) throws IOException {
        s.setSoTimeout(1);
        try {
            return s.getInputStream().read() >= 0;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int scheduledSweepers() throws Exception {
        return onLoops(s -> s.scheduled() ? 1 : 0);
    }

    private int registered() throws Exception {
        return onLoops(IdleSweeper::size);
    }

    /** Sums {@code f} over the sweepers, each read on its own event loop. */
    private int onLoops(java.util.function.ToIntFunction<IdleSweeper> f) throws Exception {
        int sum = 0;
        for (Map.Entry<EventExecutor, IdleSweeper> e : server.sweepers().entrySet()) {
            sum += e.getKey().submit(() -> f.applyAsInt(e.getValue())).get(5, TimeUnit.SECONDS);
        }
        return sum;
    }

    private static boolean await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** These tests send no complete request. */
    private static final class NoCalls implements InboundDispatcher {
        @Override
        public void route(RemoteMessage request) {
            throw new AssertionError("no request expected");
        }

        @Override
        public void dispatch(RemoteMessage request, ReplySink sink) {
            throw new AssertionError("no request expected");
        }

        @Override
        public boolean draining() {
            return false;
        }
    }
}
