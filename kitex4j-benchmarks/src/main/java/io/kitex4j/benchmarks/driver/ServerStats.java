package io.kitex4j.benchmarks.driver;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Server-side counters for {@code echo-server --stats S}: every echo handler counts its calls here,
 * and a daemon thread prints, every S seconds, the calls per second, the heap bytes allocated per
 * call by the whole server process (all threads: I/O, handlers, GC-free bookkeeping included) and
 * the process's CPU per call. Allocation per call is deterministic where QPS is not, so it is the
 * figure to watch on a noisy machine.
 */
public final class ServerStats {
    public static final LongAdder CALLS = new LongAdder();

    private ServerStats() {}

    /** Starts the printer; {@code seconds <= 0} does nothing. */
    public static void start(double seconds) {
        if (seconds <= 0) {
            return;
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Thread t = new Thread(() -> {
            long calls0 = CALLS.sum();
            long alloc0 = mx.getTotalThreadAllocatedBytes();
            long cpu0 = ProcStat.cpuNanos("self", 100);
            long t0 = System.nanoTime();
            while (true) {
                try {
                    Thread.sleep((long) (seconds * 1000));
                } catch (InterruptedException e) {
                    return;
                }
                long calls1 = CALLS.sum();
                long alloc1 = mx.getTotalThreadAllocatedBytes();
                long cpu1 = ProcStat.cpuNanos("self", 100);
                long t1 = System.nanoTime();
                long n = calls1 - calls0;
                double secs = (t1 - t0) / 1e9;
                System.out.printf(Locale.ROOT, "STATS calls/s %.0f  alloc/call %s B  cpu/call %s us  cpu %.0f%%%n",
                        n / secs,
                        n > 0 ? String.format(Locale.ROOT, "%.0f", (double) (alloc1 - alloc0) / n) : "-",
                        n > 0 && cpu0 >= 0 ? String.format(Locale.ROOT, "%.1f", (cpu1 - cpu0) / 1e3 / n) : "-",
                        cpu0 >= 0 ? 100.0 * (cpu1 - cpu0) / 1e9 / secs : -1);
                System.out.flush();
                calls0 = calls1;
                alloc0 = alloc1;
                cpu0 = cpu1;
                t0 = t1;
            }
        }, "server-stats");
        t.setDaemon(true);
        t.start();
    }
}
