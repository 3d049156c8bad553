package io.pairprog.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a process, from Linux's {@code /proc/<pid>/stat} (fields 14 and 15,
 * utime and stime, in clock ticks) and {@code /proc/<pid>/status} ({@code VmRSS}).
 */
record ProcStats(long cpuTicks, long rssKib, long nanoTime) {
    /** Clock ticks per second; 100 on every mainstream Linux build (getconf CLK_TCK). */
    static final long TICKS_PER_SECOND = 100;

    static ProcStats of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) is in parentheses and may hold spaces; count from after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return new ProcStats(ticks, rss, System.nanoTime());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + " (is the server pid right?): " + e, e);
        }
    }

    /** The sum over several processes (e.g. every PostgreSQL backend); unreadable ones count as zero. */
    static ProcStats sum(java.util.List<Long> pids) {
        long ticks = 0;
        long rss = 0;
        for (long pid : pids) {
            try {
                ProcStats one = of(pid);
                ticks += one.cpuTicks;
                rss += one.rssKib;
            } catch (IllegalStateException gone) {
                // a backend that exited; its time is lost, which only understates the database's share
            }
        }
        return new ProcStats(ticks, rss, System.nanoTime());
    }

    /**
     * CPU ticks of every process on the machine, by pid. Summing the change per process keeps "other
     * programs" in the same accounting as the server and the tool ({@code /proc/stat}'s tick sampling
     * disagrees with per-process times on virtual machines).
     */
    static java.util.Map<Long, Long> allProcesses() {
        java.util.Map<Long, Long> ticks = new java.util.HashMap<>();
        try (java.util.stream.Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(pid -> {
                        try {
                            String stat = Files.readString(Path.of("/proc", pid, "stat"));
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            ticks.put(Long.parseLong(pid), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                        } catch (IOException | RuntimeException gone) {
                            // exited while we looked
                        }
                    });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e, e);
        }
        return ticks;
    }

    /** The machine's steal time so far (the eighth figure of {@code /proc/stat}'s cpu line), in ticks. */
    static long stealTicks() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            return Long.parseLong(cpu.trim().split("\\s+")[8]);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read /proc/stat: " + e, e);
        }
    }

    /** Percent of one core used between {@code earlier} and this sample. */
    double cpuPercentSince(ProcStats earlier) {
        long nanos = nanoTime - earlier.nanoTime;
        return nanos <= 0 ? Double.NaN : percentOfOneCore(cpuTicks - earlier.cpuTicks, nanos);
    }

    /** {@code ticks} of CPU time spent over {@code nanos} of wall-clock time, in percent of one core. */
    static double percentOfOneCore(long ticks, long nanos) {
        return 100.0 * ticks / TICKS_PER_SECOND / (nanos / 1e9);
    }
}
