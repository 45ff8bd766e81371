package io.kitex4j.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What a JFR recording says, in a few lines: CPU samples ({@code jdk.ExecutionSample}) by leaf
 * method, by thread and by the innermost frame of a package of interest ({@code --focus}, e.g.
 * {@code io.kitex4j}: "which of our methods, or what they called, was on the CPU"); allocation
 * samples ({@code jdk.ObjectAllocationSample}, by weight) by class and by allocating method.
 * Used for the profiles in docs/benchmarks.md; {@code --calls N} turns allocation into bytes per call.
 */
@Command(name = "jfr-top", mixinStandardHelpOptions = true, description = "Top methods, threads and allocations of a JFR recording.")
public final class JfrTop implements Callable<Integer> {

    @Parameters(description = "recording(s)")
    List<Path> files;

    @Option(names = "--top", defaultValue = "15")
    int top;

    @Option(names = "--focus", defaultValue = "io.kitex4j", description = "Package prefix for the 'innermost frame of' table (default ${DEFAULT-VALUE}).")
    String focus;

    @Option(names = "--calls", defaultValue = "0", description = "Calls served during the recording: prints allocation per call.")
    long calls;

    public static void main(String[] args) {
        System.exit(new CommandLine(new JfrTop()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        for (Path f : files) {
            Map<String, Long> leaf = new HashMap<>();
            Map<String, Long> threads = new HashMap<>();
            Map<String, Long> focused = new HashMap<>();
            Map<String, Long> allocClass = new HashMap<>();
            Map<String, Long> allocSite = new HashMap<>();
            long samples = 0;
            long allocWeight = 0;
            java.time.Instant first = null;
            java.time.Instant last = null;
            try (RecordingFile rf = new RecordingFile(f)) {
                while (rf.hasMoreEvents()) {
                    RecordedEvent e = rf.readEvent();
                    String type = e.getEventType().getName();
                    if (type.equals("jdk.ExecutionSample") || type.equals("jdk.ObjectAllocationSample")) {
                        java.time.Instant t = e.getStartTime();
                        first = first == null || t.isBefore(first) ? t : first;
                        last = last == null || t.isAfter(last) ? t : last;
                    }
                    if (type.equals("jdk.ExecutionSample")) {
                        samples++;
                        RecordedStackTrace st = e.getStackTrace();
                        String thread = e.getThread("sampledThread") != null ? e.getThread("sampledThread").getJavaName() : "?";
                        threads.merge(threadGroup(thread), 1L, Long::sum);
                        if (st != null && !st.getFrames().isEmpty()) {
                            leaf.merge(name(st.getFrames().get(0)), 1L, Long::sum);
                            String fo = "(none)";
                            for (RecordedFrame fr : st.getFrames()) {
                                if (fr.getMethod().getType().getName().startsWith(focus)) {
                                    fo = name(fr);
                                    break;
                                }
                            }
                            focused.merge(fo, 1L, Long::sum);
                        }
                    } else if (type.equals("jdk.ObjectAllocationSample")) {
                        long w = e.getLong("weight");
                        allocWeight += w;
                        allocClass.merge(e.getClass("objectClass").getName(), w, Long::sum);
                        RecordedStackTrace st = e.getStackTrace();
                        if (st != null && !st.getFrames().isEmpty()) {
                            allocSite.merge(name(st.getFrames().get(0)), w, Long::sum);
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "== %s: %s .. %s: %,d CPU samples, %,d MB allocation sampled%s%n", f.getFileName(), first, last,
                    samples, allocWeight >> 20,
                    calls > 0 ? String.format(Locale.ROOT, " (%,.0f B per call over %,d calls)", (double) allocWeight / calls, calls) : "");
            print("CPU by thread", threads, samples);
            print("CPU by leaf method", leaf, samples);
            print("CPU by innermost " + focus + " frame (what our code was doing, or called)", focused, samples);
            print("allocation by class", allocClass, allocWeight);
            print("allocation by allocating method", allocSite, allocWeight);
        }
        return 0;
    }

    private static String threadGroup(String name) {
        // kitex4j-handler-17 -> kitex4j-handler-*, kitex4j-server-io-3-1 -> kitex4j-server-io-*
        return name.replaceAll("-\\d+(-\\d+)?$", "-*");
    }

    private static String name(RecordedFrame fr) {
        String cls = fr.getMethod().getType().getName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + fr.getMethod().getName();
    }

    private void print(String title, Map<String, Long> m, long total) {
        List<Map.Entry<String, Long>> l = new ArrayList<>(m.entrySet());
        l.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        System.out.println("  " + title + ":");
        for (int i = 0; i < Math.min(top, l.size()); i++) {
            System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * l.get(i).getValue() / Math.max(1, total), l.get(i).getKey());
        }
    }
}
