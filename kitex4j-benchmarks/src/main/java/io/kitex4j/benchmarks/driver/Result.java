package io.kitex4j.benchmarks.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** What one measured window produced. Latencies are in nanoseconds in the histogram, printed in ms. */
public final class Result {
    /** The CSV columns {@link #csvRow} writes, in order. */
    public static final String CSV_HEADER = "time,label,target,server_mode,transport,payload,client_mode,concurrency,size,"
            + "warmup_s,duration_s,requests,errors,warmup_errors,qps,mean_ms,p50_ms,p90_ms,p99_ms,p999_ms,max_ms,"
            + "server_cpu_pct,client_cpu_pct,server_cpu_us_per_call";

    public final String clientMode;
    public final int concurrency;
    public final double seconds;
    public final long requests;
    public final long errors;
    public final long warmupErrors;
    public final Histogram histogram;
    /** Server CPU nanoseconds during the window, or -1. */
    public final long serverCpuNanos;
    /** Client CPU nanoseconds during the window, or -1. */
    public final long clientCpuNanos;
    public final Throwable firstError;
    public final boolean drained;

    Result(String clientMode, int concurrency, double seconds, long requests, long errors, long warmupErrors,
           Histogram histogram, long serverCpuNanos, long clientCpuNanos, Throwable firstError, boolean drained) {
        this.clientMode = clientMode;
        this.concurrency = concurrency;
        this.seconds = seconds;
        this.requests = requests;
        this.errors = errors;
        this.warmupErrors = warmupErrors;
        this.histogram = histogram;
        this.serverCpuNanos = serverCpuNanos;
        this.clientCpuNanos = clientCpuNanos;
        this.firstError = firstError;
        this.drained = drained;
    }

    public double qps() {
        return requests / seconds;
    }

    /** Latency at {@code percentile} (0-100) in milliseconds. */
    public double latencyMs(double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    public double meanMs() {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMean() / 1e6;
    }

    public double maxMs() {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / 1e6;
    }

    /** CPU used during the window, as % of one core, or -1. */
    public static double cpuPercent(long cpuNanos, double seconds) {
        return cpuNanos < 0 ? -1 : 100.0 * cpuNanos / 1e9 / seconds;
    }

    /** The human-readable report. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "QPS      %,.0f  (%d calls in %.2f s, %s, concurrency %d)%n",
                qps(), requests, seconds, clientMode, concurrency));
        sb.append(String.format(Locale.ROOT, "latency  mean %.3f ms  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  p999 %.3f ms  max %.3f ms%n",
                meanMs(), latencyMs(50), latencyMs(90), latencyMs(99), latencyMs(99.9), maxMs()));
        sb.append(String.format(Locale.ROOT, "errors   %d in the window, %d during warm-up%s%n", errors, warmupErrors,
                firstError != null ? "; first: " + firstError : ""));
        double s = cpuPercent(serverCpuNanos, seconds);
        double c = cpuPercent(clientCpuNanos, seconds);
        sb.append(String.format(Locale.ROOT, "cpu      server %s  client %s (%% of one core)%s%n",
                s < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", s),
                c < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", c),
                drained ? "" : "  (some callers did not finish within 10 s of the stop)"));
        return sb.toString();
    }

    /** Appends one CSV row to {@code csv}, writing the header first if the file is new. */
    public void appendCsv(Path csv, String label, String target, String serverMode, String transport, String payload,
                          int size, double warmup) throws IOException {
        String row = csvRow(label, target, serverMode, transport, payload, size, warmup);
        if (!Files.exists(csv) || Files.size(csv) == 0) {
            Files.writeString(csv, CSV_HEADER + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        Files.writeString(csv, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public String csvRow(String label, String target, String serverMode, String transport, String payload, int size,
                         double warmup) {
        double serverCpu = cpuPercent(serverCpuNanos, seconds);
        double usPerCall = serverCpuNanos < 0 || requests == 0 ? -1 : serverCpuNanos / 1e3 / requests;
        return String.join(",", Instant.now().toString(), label, target, serverMode, transport, payload, clientMode,
                Integer.toString(concurrency), Integer.toString(size),
                fmt(warmup, 1), fmt(seconds, 2), Long.toString(requests), Long.toString(errors), Long.toString(warmupErrors),
                fmt(qps(), 0), fmt(meanMs(), 3), fmt(latencyMs(50), 3), fmt(latencyMs(90), 3), fmt(latencyMs(99), 3),
                fmt(latencyMs(99.9), 3), fmt(maxMs(), 3), fmt(serverCpu, 1), fmt(cpuPercent(clientCpuNanos, seconds), 1),
                fmt(usPerCall, 2));
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
