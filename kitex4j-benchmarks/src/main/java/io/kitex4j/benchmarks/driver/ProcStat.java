package io.kitex4j.benchmarks.driver;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a process, from procfs: the sum over its threads of {@code /proc/<pid>/task/<tid>/schedstat}
 * (nanoseconds on CPU, exact), falling back to {@code /proc/<pid>/stat} utime + stime (clock ticks,
 * sampled) when schedstat is not there. Threads that exit during a window are not counted.
 */
public final class ProcStat {
    private ProcStat() {}

    /** CPU nanoseconds used so far by {@code pid} ("self" for this process), or -1 if unreadable. */
    public static long cpuNanos(String pid, int clkTck) {
        long sum = 0;
        boolean any = false;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", pid, "task"))) {
            for (Path task : tasks) {
                try {
                    String s = Files.readString(task.resolve("schedstat")).trim();
                    sum += Long.parseLong(s.substring(0, s.indexOf(' ')));
                    any = true;
                } catch (IOException | RuntimeException e) {
                    // the thread exited meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            any = false;
        }
        if (any) {
            return sum;
        }
        long ticks = cpuTicks(pid);
        return ticks < 0 ? -1 : ticks * (1_000_000_000L / clkTck);
    }

    /** User + system CPU ticks of {@code pid} from {@code /proc/<pid>/stat}, or -1 if unreadable. */
    public static long cpuTicks(String pid) {
        try {
            String s = Files.readString(Path.of("/proc", pid, "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            // f[0] is field 3 (state); utime is field 14, stime field 15.
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
