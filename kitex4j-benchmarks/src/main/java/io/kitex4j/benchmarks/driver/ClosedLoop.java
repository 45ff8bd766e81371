package io.kitex4j.benchmarks.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The closed-loop driver, kitex-benchmark style: {@code concurrency} callers, each with exactly one
 * request in flight, each issuing the next request as soon as the previous one ends. A warm-up
 * (calls made, nothing recorded), then a measured window whose latencies go into an HdrHistogram
 * (nanoseconds, 3 significant digits) and whose successful calls give the QPS.
 *
 * <p>Asynchronous mode: the callers are continuations (no thread each); the next call is issued
 * from the completion callback, normally on the client's I/O thread. Blocking mode: one thread
 * per caller. A failed call is retried after 1 ms, so that a refused connection cannot spin.
 */
public final class ClosedLoop {
    private static final int WARMUP = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;
    private static final int MAX_SYNC_DEPTH = 16;

    private final int concurrency;
    private final long warmupNanos;
    private final long durationNanos;
    private final String serverPid;
    private final int clkTck;

    private volatile int phase = WARMUP;
    private final Recorder recorder = new Recorder(3);
    private final LongAdder ok = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder warmupErrors = new LongAdder();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "closed-loop-retry");
        t.setDaemon(true);
        return t;
    });
    private CountDownLatch stopped;

    public ClosedLoop(int concurrency, double warmupSeconds, double durationSeconds, String serverPid, int clkTck) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1");
        }
        this.concurrency = concurrency;
        this.warmupNanos = (long) (warmupSeconds * 1e9);
        this.durationNanos = (long) (durationSeconds * 1e9);
        this.serverPid = serverPid;
        this.clkTck = clkTck;
    }

    /** Runs with the asynchronous callers of {@code client}. */
    public Result runAsync(EchoClient client) throws Exception {
        List<AsyncLoop> loops = new ArrayList<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            loops.add(new AsyncLoop(client.newAsyncCaller(i)));
        }
        stopped = new CountDownLatch(concurrency);
        for (AsyncLoop l : loops) {
            l.issue();
        }
        return measure("async");
    }

    /** Runs with {@code concurrency} threads, each with its blocking caller. */
    public Result runBlocking(EchoClient client) throws Exception {
        List<Thread> threads = new ArrayList<>(concurrency);
        stopped = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            BlockingCaller caller = client.newBlockingCaller(i);
            Thread t = new Thread(() -> blockingLoop(caller), "caller-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        for (Thread t : threads) {
            t.start();
        }
        return measure("blocking");
    }

    private void blockingLoop(BlockingCaller caller) {
        try {
            while (phase != STOP) {
                long start = System.nanoTime();
                Throwable err = null;
                try {
                    caller.call();
                } catch (Throwable t) {
                    err = t;
                }
                record(start, System.nanoTime(), err);
                if (err != null && phase != STOP) {
                    Thread.sleep(1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private Result measure(String mode) throws InterruptedException {
        sleepNanos(warmupNanos);
        long serverCpu0 = serverPid != null ? ProcStat.cpuNanos(serverPid, clkTck) : -1;
        long clientCpu0 = ProcStat.cpuNanos("self", clkTck);
        recorder.reset();
        ok.reset();
        errors.reset();
        long t0 = System.nanoTime();
        phase = MEASURE;
        sleepNanos(durationNanos);
        // CPU first: once the phase is STOP, blocking callers exit and their threads' times vanish.
        long serverCpu1 = serverPid != null ? ProcStat.cpuNanos(serverPid, clkTck) : -1;
        long clientCpu1 = ProcStat.cpuNanos("self", clkTck);
        long tCpu = System.nanoTime();
        phase = STOP;
        long t1 = System.nanoTime();
        Histogram h = recorder.getIntervalHistogram();
        long okCount = ok.sum();
        long errCount = errors.sum();
        boolean drained = stopped.await(10, TimeUnit.SECONDS);
        retries.shutdownNow();
        double seconds = (t1 - t0) / 1e9;
        // CPU over [t0, tCpu], scaled to the window's length.
        double cpuScale = (double) (t1 - t0) / Math.max(1, tCpu - t0);
        return new Result(mode, concurrency, seconds, okCount, errCount, warmupErrors.sum(), h,
                serverCpu0 < 0 || serverCpu1 < 0 ? -1 : (long) ((serverCpu1 - serverCpu0) * cpuScale),
                clientCpu0 < 0 || clientCpu1 < 0 ? -1 : (long) ((clientCpu1 - clientCpu0) * cpuScale),
                firstError.get(), drained);
    }

    private void record(long start, long end, Throwable err) {
        int p = phase;
        if (err != null) {
            firstError.compareAndSet(null, err);
            if (p == MEASURE) {
                errors.increment();
            } else if (p == WARMUP) {
                warmupErrors.increment();
            }
        } else if (p == MEASURE) {
            recorder.recordValue(Math.max(0, end - start));
            ok.increment();
        }
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 100_000_000L));
        }
    }

    /** One asynchronous caller: a continuation that re-issues itself. */
    private final class AsyncLoop implements AsyncCaller.Callback {
        private final AsyncCaller caller;
        private long start;

        AsyncLoop(AsyncCaller caller) {
            this.caller = caller;
        }

        void issue() {
            start = System.nanoTime();
            try {
                caller.call(this);
            } catch (Throwable t) {
                done(t);
            }
        }

        @Override
        public void done(Throwable error) {
            record(start, System.nanoTime(), error);
            if (phase == STOP) {
                stopped.countDown();
                return;
            }
            if (error != null) {
                try {
                    retries.schedule(this::issue, 1, TimeUnit.MILLISECONDS);
                } catch (RuntimeException e) {
                    stopped.countDown();
                }
                return;
            }
            int[] d = depth.get();
            if (d[0] >= MAX_SYNC_DEPTH) {
                // Completed on the caller's own stack too many times: unwind through another thread.
                retries.execute(this::issue);
                return;
            }
            d[0]++;
            try {
                issue();
            } finally {
                d[0]--;
            }
        }
    }
}
