package io.kitex4j.benchmarks.driver;

import java.util.Locale;

/**
 * How much of a CPU this process actually gets: spins on {@code System.nanoTime()} for a while and
 * adds up the gaps longer than 200 µs, i.e. time the thread was not running although it never
 * blocked (the hypervisor or another process took the CPU). run-all runs it pinned on the server's
 * and the client's CPU before and after the scenarios: a few percent is normal; tens of percent
 * means the machine is shared and every figure of the run is noisy.
 */
public final class StealProbe {
    private StealProbe() {}

    public static void main(String[] args) {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : 2000;
        String name = args.length > 1 ? args[1] : "cpu";
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        long last = start;
        long lost = 0;
        long max = 0;
        int gaps = 0;
        long now;
        while ((now = System.nanoTime()) < end) {
            long d = now - last;
            if (d > 200_000) {
                lost += d;
                gaps++;
                max = Math.max(max, d);
            }
            last = now;
        }
        double total = now - start;
        System.out.printf(Locale.ROOT, "%s: %.1f%% of %d ms lost in %d gaps > 0.2 ms (longest %.1f ms)%n",
                name, 100.0 * lost / total, millis, gaps, max / 1e6);
    }
}
