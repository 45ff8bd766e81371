package io.kitex4j.benchmarks;

import io.kitex4j.benchmarks.driver.ClosedLoop;
import io.kitex4j.benchmarks.driver.EchoClient;
import io.kitex4j.benchmarks.driver.Result;
import io.kitex4j.benchmarks.driver.ServerProbe;
import io.kitex4j.benchmarks.kitex4j.Kitex4jEchoClient;
import io.kitex4j.benchmarks.kitex4j.RequestCapture;
import io.kitex4j.benchmarks.netty.IdleConnections;
import io.kitex4j.benchmarks.netty.RawNettyEchoClient;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benchmarks/bin/connections}: what many connections cost a running echo server (issue 5:
 * "10,000 idle connections, and 1,000 active ones").
 *
 * <p>Idle: a short warm-up with the target's own client (so lazily created classes, JIT code and
 * allocator arenas are in the baseline, not in the per-connection figure); the baseline (full GC,
 * heap used, RSS, threads, open fds); then {@code --idle} connections, each of which makes exactly
 * one real echo call (the bytes the Kitex4j client sends, TTHeader by default: the server has
 * really accepted, decoded, dispatched and answered on it) and then goes quiet; a hold window
 * (server CPU while nothing happens); the same reading again and the difference per connection;
 * a class-histogram diff of the server's live heap says which objects make that difference.
 *
 * <p>Active: the closed loop of {@code echo-client} ({@link ClosedLoop}, the target's own client:
 * Kitex4j's pool keeps one connection per caller) at each of {@code --levels} callers, one request
 * in flight each: QPS, latency, server CPU per call (so QPS per server core), and the server's RSS,
 * threads and connections in the middle of the window, heap after a full GC at its end (connections
 * still open).
 */
@Command(name = "connections", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Memory and cost of many connections on a running echo server: N idle, then C active callers.")
public final class ConnectionsMain implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", required = true)
    int port;

    @Option(names = "--server-pid", required = true, description = "The server's process id (procfs and jcmd).")
    String serverPid;

    @Option(names = "--clk-tck", defaultValue = "100")
    int clkTck;

    @Option(names = "--target", defaultValue = "kitex4j", description = "Client for the active phase: kitex4j | netty-raw.")
    String target;

    @Option(names = "--transport", defaultValue = "ttheader",
            description = "kitex4j: ttheader | framed | ttheader-framed (idle calls and active phase); netty-raw: framed.")
    String transport;

    @Option(names = "--label", defaultValue = "", description = "Name of this line in the CSVs.")
    String label;

    @Option(names = "--server-mode", defaultValue = "", description = "Recorded in the CSVs.")
    String serverMode;

    @Option(names = "--server-heap", defaultValue = "", description = "Recorded in the CSVs: the server's -Xmx.")
    String serverHeap;

    @Option(names = "--phases", defaultValue = "idle,active", split = ",", description = "idle, active or both.")
    List<String> phases;

    @Option(names = "--idle", defaultValue = "10000", description = "Idle connections to open (default ${DEFAULT-VALUE}).")
    int idle;

    @Option(names = "--parallel", defaultValue = "256", description = "Idle connections being opened at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--hold", defaultValue = "10", description = "Seconds to hold the idle connections before the reading (default ${DEFAULT-VALUE}).")
    double hold;

    @Option(names = "--levels", defaultValue = "10,100,500,1000", split = ",", description = "Active callers (connections) per scenario.")
    List<Integer> levels;

    @Option(names = "--rounds", defaultValue = "1",
            description = "Sweeps over --levels, interleaved (a noisy machine spreads its noise over every level) (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--max-others", defaultValue = "10",
            description = "Repeat a window in which other processes took more than this % of the server's CPU (default ${DEFAULT-VALUE}).")
    double maxOthers;

    @Option(names = "--retries", defaultValue = "0",
            description = "How many times a contended window is repeated; the least contended attempt is kept (default ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--server-cpu", defaultValue = "0",
            description = "The CPU the server is pinned to: other processes' use of it is reported per window (default ${DEFAULT-VALUE}).")
    int serverCpuIndex;

    @Option(names = "--size", defaultValue = "1024", description = "Echo message size (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--prewarm", defaultValue = "10", description = "Seconds of c=100 load before the active scenarios (JIT) (default ${DEFAULT-VALUE}).")
    double prewarm;

    @Option(names = "--idle-warmup", defaultValue = "3", description = "Seconds of c=10 load before the idle baseline (default ${DEFAULT-VALUE}).")
    double idleWarmup;

    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up seconds per active scenario (default ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--duration", defaultValue = "10", description = "Measured seconds per active scenario (default ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--out", description = "Directory for idle.csv, active.csv and the histogram diffs (default: print only).")
    Path out;

    @Option(names = "--histogram", defaultValue = "true", negatable = true, description = "Class-histogram diff of the idle phase (default on).")
    boolean histogram;

    @Option(names = "--jfr-windows", description = "Record the active phase with JFR (profile settings, CPU samples every 1 ms; started with jcmd before "
            + "the pre-warm, so the JIT has recompiled with JFR on before any window) and dump each window's time range into "
            + "DIR/<label>-c<C>-r<round>.jfr.")
    Path jfrWindows;

    @Option(names = "--nmt", description = "Also save jcmd VM.native_memory summary before/after (server needs -XX:NativeMemoryTracking=summary).")
    boolean nmt;

    private ServerProbe probe;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConnectionsMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        probe = new ServerProbe(serverPid, clkTck);
        if (label.isEmpty()) {
            label = target + "-" + transport;
        }
        if (out != null) {
            Files.createDirectories(out);
        }
        boolean ok = true;
        if (phases.contains("idle")) {
            ok &= idlePhase();
        }
        if (phases.contains("active")) {
            ok &= activePhase();
        }
        return ok ? 0 : 1;
    }

    // ---------------------------------------------------------------- idle

    private boolean idlePhase() throws Exception {
        String tr = transport.toLowerCase(Locale.ROOT);
        byte[] request = RequestCapture.capture(kitexTransport(target.startsWith("netty") ? "framed" : tr), size);
        System.out.printf(Locale.ROOT, "%s idle: %d connections, each one %s echo call of %d B (%d-byte request frame), then quiet%n",
                label, idle, target.startsWith("netty") ? "framed" : tr, size, request.length);
        if (idleWarmup > 0) {
            load(10, idleWarmup);
        }
        Thread.sleep(500);
        ServerProbe.Snapshot base = probe.snapshot(true);
        Map<String, long[]> histoBase = histogram ? probe.histogram() : null;
        nmt("before");
        print("baseline", base);

        // Two steps: the first half, a reading, the second half. The marginal cost (second half) is
        // free of one-off costs that the first connections trigger (JIT compilation of the accept
        // and first-call paths, allocator arenas, G1 bookkeeping for newly used regions).
        long[] kernel0 = ServerProbe.kernelSocketKiB();
        IdleConnections conns = new IdleConnections(host, port, request, 1);
        int half = idle / 2;
        try {
            long cpu0 = probe.cpuNanos();
            IdleConnections.Opened o1 = conns.open(half, parallel, 120_000);
            long cpu1 = probe.cpuNanos();
            opened(o1, cpu1 - cpu0);
            Thread.sleep(500);
            ServerProbe.Snapshot mid = probe.snapshot(true);
            print("half", mid);
            long cpu2 = probe.cpuNanos();
            IdleConnections.Opened o2 = conns.open(idle - half, parallel, 120_000);
            long cpu3 = probe.cpuNanos();
            opened(o2, cpu3 - cpu2);
            int ok = o1.ok() + o2.ok();
            int failed = o1.failed() + o2.failed();
            double openSecs = o1.seconds() + o2.seconds();
            long h0 = System.nanoTime();
            Map<String, Long> threads0 = probe.cpuByThread();
            Thread.sleep((long) (hold * 1000));
            long cpu4 = probe.cpuNanos();
            String holdThreads = ServerProbe.topThreads(threads0, probe.cpuByThread(), 6);
            double holdSecs = (System.nanoTime() - h0) / 1e9;
            double holdPct = 100.0 * (cpu4 - cpu3) / 1e9 / holdSecs;
            ServerProbe.Snapshot loaded = probe.snapshot(true);
            long[] kernel1 = ServerProbe.kernelSocketKiB();
            int open = conns.activeCount();
            double slabPerSocket = kernel0[0] < 0 ? -1 : (kernel1[0] - kernel0[0]) * 1024.0 / Math.max(1, 2 * ok);
            print("idle", loaded);
            double setupUs = (cpu1 - cpu0 + cpu3 - cpu2) / 1e3 / Math.max(1, ok);
            double setupUs2 = (cpu3 - cpu2) / 1e3 / Math.max(1, o2.ok());
            double heapPer = (loaded.heapKiB() - base.heapKiB()) * 1024.0 / Math.max(1, ok);
            double rssPer = (loaded.rssKiB() - base.rssKiB()) * 1024.0 / Math.max(1, ok);
            double nativePer = (loaded.nonHeapRssKiB() - base.nonHeapRssKiB()) * 1024.0 / Math.max(1, ok);
            double heapPer2 = (loaded.heapKiB() - mid.heapKiB()) * 1024.0 / Math.max(1, o2.ok());
            double rssPer2 = (loaded.rssKiB() - mid.rssKiB()) * 1024.0 / Math.max(1, o2.ok());
            double nativePer2 = (loaded.nonHeapRssKiB() - mid.nonHeapRssKiB()) * 1024.0 / Math.max(1, o2.ok());
            System.out.printf(Locale.ROOT, "per conn (all %,d)         heap %,6.0f B, RSS %,7.0f B (outside the heap %,7.0f B), server CPU %.0f us to set up%n",
                    ok, heapPer, rssPer, nativePer, setupUs);
            System.out.printf(Locale.ROOT, "per conn (second %,d)      heap %,6.0f B, RSS %,7.0f B (outside the heap %,7.0f B), server CPU %.0f us to set up%n",
                    o2.ok(), heapPer2, rssPer2, nativePer2, setupUs2);
            System.out.printf(Locale.ROOT, "kernel   (machine-wide, not in RSS) TCP + socket-inode slab %,.0f B per socket (2 per connection "
                            + "on loopback); TCP buffer memory %+d KiB%n", slabPerSocket, kernel1[1] - kernel0[1]);
            System.out.printf(Locale.ROOT, "held     %.1f s at %.2f%% of a core; server fds +%d, threads +%d; %d still open, %d dropped by the server%n",
                    holdSecs, holdPct, loaded.fds() - base.fds(), loaded.threads() - base.threads(), open, conns.dropped());
            System.out.println("         busiest server threads while idle: " + holdThreads);
            if (histoBase != null) {
                String diff = ServerProbe.histogramDiff(histoBase, probe.histogram(), ok, 40);
                System.out.print(indent(String.join("\n", java.util.Arrays.asList(diff.split("\n")).subList(0, Math.min(22, diff.split("\n").length))), 5));
                write(label + "-idle-histogram-diff.txt", diff);
            }
            nmt("idle");
            if (out != null) {
                appendCsv(out.resolve("idle.csv"),
                        "time,label,target,server_mode,transport,server_heap,size,connections,opened,failed,open_s,open_per_s,"
                                + "setup_cpu_us_per_conn,hold_s,hold_cpu_pct,still_open,dropped,base_heap_mib,base_rss_mib,base_threads,base_fds,"
                                + "idle_heap_mib,idle_rss_mib,idle_threads,idle_fds,heap_committed_mib,heap_b_per_conn,rss_b_per_conn,"
                                + "base_nonheap_rss_mib,idle_nonheap_rss_mib,nonheap_rss_b_per_conn,"
                                + "half_connections,half_heap_mib,half_rss_mib,half_nonheap_rss_mib,marginal_heap_b_per_conn,"
                                + "marginal_rss_b_per_conn,marginal_nonheap_rss_b_per_conn,marginal_setup_cpu_us_per_conn,"
                                + "kernel_slab_b_per_socket,kernel_tcp_mem_kib_delta",
                        String.join(",", Instant.now().toString(), label, target, serverMode,
                                target.startsWith("netty") ? "framed" : tr, serverHeap, str(size), str(idle), str(ok), str(failed),
                                f(openSecs, 2), f(ok / openSecs, 0), f(setupUs, 1),
                                f(holdSecs, 1), f(holdPct, 2), str(open), str(conns.dropped()),
                                f(base.heapMiB(), 1), f(base.rssMiB(), 1), str(base.threads()), str(base.fds()),
                                f(loaded.heapMiB(), 1), f(loaded.rssMiB(), 1), str(loaded.threads()), str(loaded.fds()),
                                f(loaded.heapCommittedKiB() / 1024.0, 0), f(heapPer, 0), f(rssPer, 0),
                                f(base.nonHeapRssKiB() / 1024.0, 1), f(loaded.nonHeapRssKiB() / 1024.0, 1), f(nativePer, 0),
                                str(o1.ok()), f(mid.heapMiB(), 1), f(mid.rssMiB(), 1), f(mid.nonHeapRssKiB() / 1024.0, 1),
                                f(heapPer2, 0), f(rssPer2, 0), f(nativePer2, 0), f(setupUs2, 1),
                                f(slabPerSocket, 0), str(kernel1[1] - kernel0[1])));
            }
            return failed == 0 && conns.dropped() == 0;
        } finally {
            conns.close();
            waitForFds(probe.fdCount(), base.fds());
        }
    }

    private static void opened(IdleConnections.Opened o, long serverCpuNanos) {
        System.out.printf(Locale.ROOT, "opened   %,d of %,d in %.2f s (%,.0f/s), %d failed%s; server CPU %.1f us per connection set up%n",
                o.ok(), o.requested(), o.seconds(), o.ok() / o.seconds(), o.failed(),
                o.firstError() != null ? " (first: " + o.firstError() + ")" : "", serverCpuNanos / 1e3 / Math.max(1, o.ok()));
    }

    /** Waits (up to 15 s) until the server has closed the connections we closed. */
    private void waitForFds(int now, int base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        int fds = now;
        while (fds > base + 8 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            fds = probe.fdCount();
        }
        System.out.printf(Locale.ROOT, "closed   server fds %d (baseline %d)%n", fds, base);
    }

    // ---------------------------------------------------------------- active

    private boolean activePhase() throws Exception {
        System.out.printf(Locale.ROOT, "%s active: closed loop at c = %s, %d B, warm-up %.1f s + window %.1f s each, %d round(s) "
                        + "(pre-warm %.1f s at c=100)%n", label, levels, size, warmup, duration, rounds, prewarm);
        if (jfrWindows != null) {
            Files.createDirectories(jfrWindows);
            // One CPU sample per millisecond (profile's 10 ms gives too few samples of one busy thread).
            probe.jcmd("JFR.start", "name=" + JFR_NAME, "settings=profile", "maxage=2h", "jdk.ExecutionSample#period=1ms");
        }
        if (prewarm > 0) {
            load(100, prewarm);
        }
        Thread.sleep(500);
        ServerProbe.Snapshot base = probe.snapshot(true);
        print("baseline", base);
        boolean allOk = true;
        for (int round = 1; round <= rounds; round++) {
            for (int c : levels) {
                Attempt best = null;
                for (int a = 1; a <= 1 + retries; a++) {
                    Attempt at = activeOne(c, round, a, base);
                    Thread.sleep(500);
                    if (best == null || at.others() < best.others()) {
                        best = at;
                    }
                    if (at.others() < maxOthers) {
                        break;
                    }
                    if (a <= retries) {
                        System.out.printf(Locale.ROOT, "         other processes took %.0f%% of the server's CPU (limit %.0f%%): again%n",
                                at.others(), maxOthers);
                    }
                }
                allOk &= best.ok();
                if (out != null) {
                    appendCsv(out.resolve("active.csv"), ACTIVE_HEADER, best.csvRow());
                }
            }
        }
        if (jfrWindows != null) {
            probe.jcmd("JFR.stop", "name=" + JFR_NAME);
        }
        return allOk;
    }

    private static final String JFR_NAME = "kitex4j-bench-connections";

    private static final String ACTIVE_HEADER =
            "time,label,target,server_mode,transport,server_heap,round,attempt,concurrency,size,warmup_s,duration_s,requests,errors,"
                    + "warmup_errors,qps,p50_ms,p99_ms,p999_ms,max_ms,server_cpu_pct,client_cpu_pct,server_cpu_us_per_call,"
                    + "qps_per_server_core,server_sockets_mid,rss_mib_mid,threads_mid,base_heap_mib,heap_mib_after,heap_b_per_conn,"
                    + "base_rss_mib,rss_mib_after,base_nonheap_rss_mib,nonheap_rss_mib_after,vol_ctx_per_call,invol_ctx_per_call,"
                    + "server_cpu_others_pct,server_cpu_irq_pct,server_cpu_steal_pct,server_user_us_per_call,server_sys_us_per_call";

    /** One measured window: whether calls completed, how much of the server's CPU other processes took, its CSV row. */
    private record Attempt(boolean ok, double others, String csvRow) {}

    /** One closed-loop scenario at {@code c} connections. */
    private Attempt activeOne(int c, int round, int attempt, ServerProbe.Snapshot base) throws Exception {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "server-sampler");
            t.setDaemon(true);
            return t;
        });
        long[] mid = {-1, -1, -1};
        long[][] ctx = new long[2][];
        long[][] cpuStat = new long[2][];
        long[] serverCpu = new long[2];
        long[] at = new long[2];
        java.time.Instant[] wall = new java.time.Instant[2];
        long[][] userSys = new long[2][];
        // Context switches and the server CPU's machine-wide use over (about) the window: sampled
        // at its nominal start and end.
        for (int i = 0; i < 2; i++) {
            int k = i;
            sampler.schedule(() -> {
                ctx[k] = probe.contextSwitches();
                cpuStat[k] = ServerProbe.cpuTicksOf(serverCpuIndex);
                serverCpu[k] = probe.cpuNanos();
                userSys[k] = probe.userSystemTicks();
                at[k] = System.nanoTime();
                wall[k] = Instant.now();
            }, (long) ((warmup + k * duration) * 1000), TimeUnit.MILLISECONDS);
        }
        sampler.schedule(() -> {
            try {
                mid[0] = probe.rssKiB();
                mid[1] = probe.threads();
                mid[2] = probe.fdCount();
            } catch (IOException e) {
                // the server went away; reported below
            }
        }, (long) ((warmup + duration / 2) * 1000), TimeUnit.MILLISECONDS);
        EchoClient client = newClient(c);
        Result r;
        ServerProbe.Snapshot after;
        try {
            r = new ClosedLoop(c, warmup, duration, serverPid, clkTck).runAsync(client);
            if (jfrWindows != null && wall[0] != null) {
                try {
                    probe.jcmd("JFR.dump", "name=" + JFR_NAME, "begin=" + wall[0],
                            "end=" + (wall[1] != null ? wall[1] : Instant.now()),
                            "filename=" + jfrWindows.resolve(label + "-c" + c + "-r" + round + (attempt > 1 ? "-a" + attempt : "") + ".jfr").toAbsolutePath());
                } catch (IOException e) {
                    System.out.println("         JFR.dump failed: " + e.getMessage());
                }
            }
            after = probe.snapshot(true); // connections still open (quiet now)
        } finally {
            client.close();
            sampler.shutdownNow();
        }
        double usPerCall = r.serverCpuNanos < 0 || r.requests == 0 ? -1 : r.serverCpuNanos / 1e3 / r.requests;
        double perCore = usPerCall <= 0 ? -1 : 1e6 / usPerCall;
        int conns = mid[2] < 0 ? -1 : (int) (mid[2] - base.fds());
        boolean haveCtx = ctx[0] != null && ctx[1] != null && ctx[0][0] >= 0 && r.requests > 0;
        double volPerCall = haveCtx ? (double) (ctx[1][0] - ctx[0][0]) / r.requests : -1;
        double involPerCall = haveCtx ? (double) (ctx[1][1] - ctx[0][1]) / r.requests : -1;
        double otherPct = -1;
        double irqPct = -1;
        double stealPct = -1;
        if (cpuStat[0] != null && cpuStat[1] != null && at[1] > at[0]) {
            double secs = (at[1] - at[0]) / 1e9;
            double busy = (cpuStat[1][0] - cpuStat[0][0]) / (double) clkTck;
            otherPct = Math.max(0, 100.0 * (busy - (serverCpu[1] - serverCpu[0]) / 1e9) / secs);
            irqPct = 100.0 * (cpuStat[1][1] - cpuStat[0][1]) / clkTck / secs;
            stealPct = 100.0 * (cpuStat[1][2] - cpuStat[0][2]) / clkTck / secs;
        }
        // User / system split of the server's CPU per call (procfs ticks over the sampled window).
        double userUs = -1;
        double sysUs = -1;
        if (userSys[0] != null && userSys[1] != null && r.requests > 0 && at[1] > at[0]) {
            double perTick = 1e6 / clkTck;
            double scale = r.seconds / ((at[1] - at[0]) / 1e9);
            userUs = (userSys[1][0] - userSys[0][0]) * perTick * scale / r.requests;
            sysUs = (userSys[1][1] - userSys[0][1]) * perTick * scale / r.requests;
        }
        double heapPer = (after.heapKiB() - base.heapKiB()) * 1024.0 / c;
        System.out.printf(Locale.ROOT, "%sc=%-5d QPS %,9.0f  p50 %.3f  p99 %.3f  p999 %.3f ms  errors %d  server %.0f%% %.1f us/call (user %.1f + sys %.1f) = %,.0f per core  "
                        + "client %.0f%%  ctx switches/call %.2f vol + %.2f invol  CPU %d: others %.0f%%, irq %.0f%%, steal %.0f%% "
                        + "| mid-window: %d server sockets, RSS %.0f MiB, %d threads | after: heap %.1f MiB (%+,.0f B/conn), "
                        + "RSS outside the heap %.0f MiB%n",
                (rounds > 1 ? "r" + round + " " : "") + (attempt > 1 ? "a" + attempt + " " : ""), c, r.qps(), r.latencyMs(50), r.latencyMs(99), r.latencyMs(99.9), r.errors,
                Result.cpuPercent(r.serverCpuNanos, r.seconds), usPerCall, userUs, sysUs, perCore,
                Result.cpuPercent(r.clientCpuNanos, r.seconds), volPerCall, involPerCall, serverCpuIndex, otherPct, irqPct, stealPct,
                conns, mid[0] / 1024.0, mid[1], after.heapMiB(), heapPer, after.nonHeapRssKiB() / 1024.0);
        if (r.firstError != null) {
            System.out.println("         first error: " + r.firstError);
        }
        String row = String.join(",", Instant.now().toString(), label, target, serverMode, transport, serverHeap, str(round),
                str(attempt), str(c), str(size), f(warmup, 1), f(r.seconds, 2), str(r.requests), str(r.errors), str(r.warmupErrors),
                f(r.qps(), 0), f(r.latencyMs(50), 3), f(r.latencyMs(99), 3), f(r.latencyMs(99.9), 3), f(r.maxMs(), 3),
                f(Result.cpuPercent(r.serverCpuNanos, r.seconds), 1), f(Result.cpuPercent(r.clientCpuNanos, r.seconds), 1),
                f(usPerCall, 2), f(perCore, 0), str(conns), f(mid[0] / 1024.0, 1), str(mid[1]),
                f(base.heapMiB(), 1), f(after.heapMiB(), 1), f(heapPer, 0), f(base.rssMiB(), 1), f(after.rssMiB(), 1),
                f(base.nonHeapRssKiB() / 1024.0, 1), f(after.nonHeapRssKiB() / 1024.0, 1),
                f(volPerCall, 3), f(involPerCall, 3), f(otherPct, 1), f(irqPct, 1), f(stealPct, 1),
                f(userUs, 2), f(sysUs, 2));
        return new Attempt(r.requests > 0, otherPct < 0 ? 0 : otherPct, row);
    }

    /** A closed loop of {@code c} callers for {@code seconds}, nothing recorded (warm-up). */
    private void load(int c, double seconds) throws Exception {
        EchoClient client = newClient(c);
        try {
            Result r = new ClosedLoop(c, 0, seconds, null, clkTck).runAsync(client);
            System.out.printf(Locale.ROOT, "warm-up  c=%d %.1f s: %,.0f QPS, %d errors%n", c, seconds, r.qps(), r.errors);
        } finally {
            client.close();
        }
    }

    private EchoClient newClient(int c) {
        String t = target.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "kitex4j" -> new Kitex4jEchoClient(host, port, kitexTransport(transport.toLowerCase(Locale.ROOT)),
                    PayloadProtocol.THRIFT_BINARY, c, size, 0);
            case "netty-raw", "netty" -> new RawNettyEchoClient(host, port, size, 0);
            default -> throw new IllegalArgumentException("--target must be kitex4j or netty-raw");
        };
    }

    private static TransportProtocol kitexTransport(String t) {
        return switch (t) {
            case "framed" -> TransportProtocol.FRAMED;
            case "ttheader" -> TransportProtocol.TTHEADER;
            case "ttheader-framed", "ttheader_framed" -> TransportProtocol.TTHEADER_FRAMED;
            default -> throw new IllegalArgumentException("--transport must be ttheader, framed or ttheader-framed");
        };
    }

    // ---------------------------------------------------------------- output

    private void nmt(String when) throws Exception {
        if (!nmt) {
            return;
        }
        String s = probe.jcmd("VM.native_memory", "summary");
        write(label + "-nmt-" + when + ".txt", s);
    }

    private static void print(String what, ServerProbe.Snapshot s) {
        System.out.printf(Locale.ROOT, "%-8s server heap after GC %.1f MiB (committed %.0f MiB), RSS %.1f MiB (%.1f MiB outside the heap), "
                        + "%d threads, %d fds%n",
                what, s.heapMiB(), s.heapCommittedKiB() / 1024.0, s.rssMiB(), s.nonHeapRssKiB() / 1024.0, s.threads(), s.fds());
    }

    private void write(String name, String text) throws IOException {
        if (out != null) {
            Files.writeString(out.resolve(name), text, StandardCharsets.UTF_8);
        }
    }

    private static void appendCsv(Path csv, String header, String row) throws IOException {
        if (!Files.exists(csv) || Files.size(csv) == 0) {
            Files.writeString(csv, header + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        Files.writeString(csv, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String indent(String s, int n) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n")) {
            sb.append(" ".repeat(n)).append(line).append('\n');
        }
        return sb.toString();
    }

    private static String str(long v) {
        return Long.toString(v);
    }

    private static String f(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
