package io.kitex4j.it.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.kitex4j.examples.echo.EchoRequest;
import io.kitex4j.examples.echo.EchoService;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that pipelines requests but never reads the replies must not make the server buffer
 * replies without bound: once the socket stops taking replies, the server has to stop handling
 * and reading requests (TCP back-pressure), as Kitex does by handling one request per connection
 * at a time and writing its reply before reading the next.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlowReaderTest {
    private static final int PAYLOAD = 1024;
    /** Bytes of requests the client tries to push (it stops early if the server stops reading). */
    private static final long PUSH = 64L << 20;
    /** Replies the server may hold in its outbound buffers: its queue of 64 requests, with room to spare. */
    private static final long PENDING_BOUND = 8L << 20;

    private static BadInputServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new BadInputServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aClientThatNeverReadsCannotMakeTheServerBufferRepliesWithoutBound() throws Exception {
        byte[] one = Frames.framed(Frames.binaryEchoCall("r".repeat(PAYLOAD), 1));
        int perWrite = 64;
        byte[] batch = new byte[one.length * perWrite];
        for (int i = 0; i < perWrite; i++) {
            System.arraycopy(one, 0, batch, i * one.length, one.length);
        }
        ByteBufAllocatorMetric metric = PooledByteBufAllocator.DEFAULT.metric();
        long poolBefore = metric.usedDirectMemory() + metric.usedHeapMemory();
        long poolPeak = poolBefore;
        long pendingPeak = 0;
        AtomicLong pushed = new AtomicLong();
        try (RawConn c = RawConn.open(server.address)) {
            Thread writer = new Thread(() -> {
                while (pushed.get() < PUSH && c.write(batch)) {
                    pushed.addAndGet(batch.length);
                }
            }, "slow-reader-writer");
            writer.setDaemon(true);
            writer.start();
            // A well-behaved server stops reading after a few MiB: the writer then blocks in write().
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            while (System.nanoTime() < deadline && writer.isAlive() && pendingPeak < 2 * PENDING_BOUND) {
                pendingPeak = Math.max(pendingPeak, server.pendingOutboundBytes());
                poolPeak = Math.max(poolPeak, metric.usedDirectMemory() + metric.usedHeapMemory());
                Thread.sleep(50);
            }
            pendingPeak = Math.max(pendingPeak, server.pendingOutboundBytes());
            assertThat(pendingPeak).as("reply bytes queued in the server while a client pushed %d MiB of pipelined requests"
                    + " without reading a reply (pooled memory %d MiB before, %d MiB at peak)",
                    pushed.get() >> 20, poolBefore >> 20, poolPeak >> 20).isLessThan(PENDING_BOUND);
            c.abort(); // unblocks the writer if it is stuck in write()
            writer.join(5000);
        }
        EchoService.Stub stub = server.stub(TransportProtocol.FRAMED, PayloadProtocol.THRIFT_BINARY);
        assertThat(stub.echo(new EchoRequest("after")).getMessage()).isEqualTo("after");
        assertThat(server.awaitConnectionCount(n -> n <= 1, Duration.ofSeconds(3))).isLessThanOrEqualTo(1);
    }
}
