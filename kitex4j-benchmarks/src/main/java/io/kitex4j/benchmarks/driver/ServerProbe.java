package io.kitex4j.benchmarks.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a server process costs, read from outside: resident memory, threads and open file
 * descriptors from procfs, CPU time from {@link ProcStat}, and the Java heap with {@code jcmd}
 * ({@code GC.run} forces a full collection first, so "heap used" is the live data plus G1's region
 * rounding). {@code jcmd} attaches to the server: the first attach starts the server's
 * "Attach Listener" thread, so the baseline is taken after one attach (see {@link #snapshot}).
 */
public final class ServerProbe {
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");
    private static final Pattern HEAP_RANGE = Pattern.compile("\\[0x([0-9a-fA-F]+),\\s*0x([0-9a-fA-F]+)\\)");
    private static final Pattern HISTO = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    private final String pid;
    private final int clkTck;
    private final String jcmd;

    public ServerProbe(String pid, int clkTck) {
        this.pid = pid;
        this.clkTck = clkTck;
        Path own = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        this.jcmd = Files.isExecutable(own) ? own.toString() : "jcmd";
    }

    public String pid() {
        return pid;
    }

    /**
     * One reading of the server. {@code heapKiB} (used after a full GC) and {@code heapRssKiB} (the
     * resident part of the Java heap's address range, from {@code /proc/<pid>/smaps}) are -1 when
     * not asked for or unreadable. RSS minus the heap's resident pages is what the process holds
     * outside the Java heap (direct buffers, thread stacks, code, malloc): with {@code -Xms1g} the
     * heap's pages stay resident once touched, so the heap's share of RSS says how far allocation
     * has swept, not what is live.
     */
    public record Snapshot(long heapKiB, long heapCommittedKiB, long heapRssKiB, long rssKiB, int threads, int fds, long cpuNanos) {
        public double heapMiB() {
            return heapKiB < 0 ? -1 : heapKiB / 1024.0;
        }

        public double rssMiB() {
            return rssKiB / 1024.0;
        }

        /** RSS outside the Java heap's range, or -1. */
        public long nonHeapRssKiB() {
            return heapRssKiB < 0 ? -1 : rssKiB - heapRssKiB;
        }
    }

    /**
     * A reading; with {@code gc} the server runs a full GC first and the heap after it is read
     * (two jcmd attaches, ~1 s on this machine). Procfs is read last, after the attaches.
     */
    public Snapshot snapshot(boolean gc) throws IOException, InterruptedException {
        long heap = -1;
        long committed = -1;
        long heapRss = -1;
        if (gc) {
            jcmd("GC.run");
            String info = jcmd("GC.heap_info");
            Matcher m = HEAP_USED.matcher(info);
            if (m.find()) {
                committed = Long.parseLong(m.group(1));
                heap = Long.parseLong(m.group(2));
            }
            Matcher r = HEAP_RANGE.matcher(info);
            if (r.find()) {
                heapRss = residentKiB(Long.parseUnsignedLong(r.group(1), 16), Long.parseUnsignedLong(r.group(2), 16));
            }
        }
        return new Snapshot(heap, committed, heapRss, statusKiB("VmRSS"), (int) statusKiB("Threads"), fdCount(), cpuNanos());
    }

    /** Resident KiB of the mappings inside [start, end), from smaps; -1 if unreadable. */
    long residentKiB(long start, long end) {
        long sum = 0;
        boolean inside = false;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "smaps"))) {
                int dash = line.indexOf('-');
                int sp = line.indexOf(' ');
                if (dash > 0 && sp > dash && isHex(line, 0, dash)) {
                    long lo = Long.parseUnsignedLong(line.substring(0, dash), 16);
                    long hi = Long.parseUnsignedLong(line.substring(dash + 1, sp), 16);
                    inside = Long.compareUnsigned(lo, start) >= 0 && Long.compareUnsigned(hi, end) <= 0;
                } else if (inside && line.startsWith("Rss:")) {
                    sum += Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return to > from;
    }

    /** CPU nanoseconds of the server so far. */
    public long cpuNanos() {
        return ProcStat.cpuNanos(pid, clkTck);
    }

    /**
     * Context switches of the server so far, summed over its threads ({@code voluntary_ctxt_switches}
     * + {@code nonvoluntary_ctxt_switches} of {@code /proc/<pid>/task/<tid>/status}): {voluntary,
     * involuntary}. A hand-off to another thread that was parked costs one voluntary switch when
     * that thread parks again.
     */
    public long[] contextSwitches() {
        long vol = 0;
        long invol = 0;
        try (java.nio.file.DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", pid, "task"))) {
            for (Path task : tasks) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            vol += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                            invol += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread exited meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
        return new long[] {vol, invol};
    }

    /**
     * Machine-wide ticks of CPU {@code cpu} from {@code /proc/stat}: {user + nice + system,
     * irq + softirq, steal}, or null if unreadable. The first minus the server's own CPU time
     * (when the server is pinned to that CPU) is what other processes took from it.
     */
    public static long[] cpuTicksOf(int cpu) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("cpu" + cpu + " ")) {
                    String[] f = line.trim().split("\\s+");
                    return new long[] {Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]),
                            Long.parseLong(f[6]) + Long.parseLong(f[7]), f.length > 8 ? Long.parseLong(f[8]) : 0};
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** CPU nanoseconds so far per thread of the server, keyed "tid comm" (comm: the first 15 characters of its name). */
    public Map<String, Long> cpuByThread() {
        Map<String, Long> m = new HashMap<>();
        try (java.nio.file.DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", pid, "task"))) {
            for (Path task : tasks) {
                try {
                    String st = Files.readString(task.resolve("schedstat")).trim();
                    String comm = Files.readString(task.resolve("comm")).trim();
                    m.put(task.getFileName() + " " + comm, Long.parseLong(st.substring(0, st.indexOf(' '))));
                } catch (IOException | RuntimeException e) {
                    // the thread exited meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: empty
        }
        return m;
    }

    /** The threads that used most CPU between two {@link #cpuByThread()} readings, as "name ms, ...". */
    public static String topThreads(Map<String, Long> before, Map<String, Long> after, int top) {
        Map<String, Long> byName = new HashMap<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d > 0) {
                String name = e.getKey().substring(e.getKey().indexOf(' ') + 1);
                byName.merge(name, d, Long::sum);
            }
        }
        List<Map.Entry<String, Long>> l = new ArrayList<>(byName.entrySet());
        l.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(top, l.size()); i++) {
            sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%s %.1f ms", l.get(i).getKey(), l.get(i).getValue() / 1e6));
        }
        return sb.toString();
    }

    /** User and system CPU ticks of the server so far ({@code /proc/<pid>/stat} utime, stime), or null. */
    public long[] userSystemTicks() {
        try {
            String st = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = st.substring(st.lastIndexOf(')') + 2).trim().split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Resident set now (KiB), without attaching. */
    public long rssKiB() throws IOException {
        return statusKiB("VmRSS");
    }

    public int threads() throws IOException {
        return (int) statusKiB("Threads");
    }

    /** Open file descriptors of the server (its sockets, listener, jars, epoll fds, ...). */
    public int fdCount() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc", pid, "fd"))) {
            return (int) s.count();
        }
    }

    private long statusKiB(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith(key + ":")) {
                String v = line.substring(key.length() + 1).trim();
                int sp = v.indexOf(' ');
                return Long.parseLong(sp < 0 ? v : v.substring(0, sp));
            }
        }
        return -1;
    }

    /**
     * Kernel memory for sockets, machine-wide (both ends of every loopback connection): KiB in the
     * TCP and socket-inode slab caches ({@code /proc/slabinfo}, active objects × object size; -1 if
     * unreadable) and KiB of TCP buffer memory ({@code /proc/net/sockstat} "mem", pages). None of it
     * is in the server's RSS.
     */
    public static long[] kernelSocketKiB() {
        long slab = 0;
        boolean any = false;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/slabinfo"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && (f[0].equals("TCP") || f[0].equals("sock_inode_cache"))) {
                    slab += Long.parseLong(f[1]) * Long.parseLong(f[3]);
                    any = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            any = false;
        }
        long mem = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/net/sockstat"))) {
                if (line.startsWith("TCP:")) {
                    String[] f = line.split("\\s+");
                    for (int i = 1; i + 1 < f.length; i++) {
                        if (f[i].equals("mem")) {
                            mem = Long.parseLong(f[i + 1]) * 4;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            mem = -1;
        }
        return new long[] {any ? slab / 1024 : -1, mem};
    }

    /** Runs {@code jcmd <pid> <command...>} and returns its output; throws if it fails. */
    public String jcmd(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(jcmd);
        cmd.add(pid);
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd " + String.join(" ", command) + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + out.trim());
        }
        return out;
    }

    /** {@code GC.class_histogram} (a full GC, live objects only): class name → {instances, bytes}. */
    public Map<String, long[]> histogram() throws IOException, InterruptedException {
        return parseHistogram(jcmd("GC.class_histogram"));
    }

    static Map<String, long[]> parseHistogram(String text) {
        Map<String, long[]> h = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = HISTO.matcher(line);
            if (m.matches()) {
                h.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return h;
    }

    /**
     * The classes whose live bytes grew most from {@code before} to {@code after}, as a text table
     * with the growth per connection ({@code per} connections).
     */
    public static String histogramDiff(Map<String, long[]> before, Map<String, long[]> after, int per, int top) {
        List<Map.Entry<String, long[]>> d = new ArrayList<>();
        long totalBytes = 0;
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long[] delta = {e.getValue()[0] - b[0], e.getValue()[1] - b[1]};
            totalBytes += delta[1];
            d.add(Map.entry(e.getKey(), delta));
        }
        for (Map.Entry<String, long[]> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                totalBytes -= e.getValue()[1];
            }
        }
        d.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "live heap growth: %,d bytes in all = %,.0f B per connection (%d connections)%n",
                totalBytes, (double) totalBytes / Math.max(1, per), per));
        sb.append(String.format(Locale.ROOT, "%12s %14s %10s %9s  %s%n", "+instances", "+bytes", "B/conn", "inst/conn", "class"));
        for (int i = 0; i < Math.min(top, d.size()); i++) {
            long[] v = d.get(i).getValue();
            sb.append(String.format(Locale.ROOT, "%,12d %,14d %10.1f %9.2f  %s%n", v[0], v[1], (double) v[1] / Math.max(1, per),
                    (double) v[0] / Math.max(1, per), d.get(i).getKey()));
        }
        return sb.toString();
    }
}
