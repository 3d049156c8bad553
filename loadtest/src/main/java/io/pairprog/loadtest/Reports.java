package io.pairprog.loadtest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** The text form of each measurement's result: one line per step, latencies in milliseconds. */
final class Reports {
    private Reports() {
    }

    static void fanOut(FanOutRun.Result r, PrintStream out) {
        FanOutRun.Plan p = r.plan();
        out.printf(Locale.ROOT, "fan-out: %d rooms x %d clients, %.0f s per step (+%.0f s warm-up), seed %d%n",
                p.rooms(), p.clientsPerRoom(), p.stepSeconds(), p.warmupSeconds(), p.seed());
        out.printf(Locale.ROOT, "%9s %9s %9s %7s %7s %7s %7s %7s %7s %6s %6s %7s %7s %7s %7s %7s %7s%n", "offered/s",
                "typed/s", "deliv/s", "p50", "p95", "p99", "max", "ack99", "type99", "errors", "behind", "srvCPU%",
                "srvRSS", "toolCPU", "dbCPU%", "other%", "steal%");
        for (StepResult s : r.steps()) {
            out.printf(Locale.ROOT, "%9.0f %9.0f %9.0f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %6d %6d %7s %7s %7.0f %7s %7.0f %7.0f%n",
                    s.offeredEditsPerSecond(), s.typedEditsPerSecond(), s.deliveredEditsPerSecond(),
                    s.fanOut().p50(), s.fanOut().p95(), s.fanOut().p99(), s.fanOut().max(), s.ack().p99(),
                    s.typingToVisible().p99(), s.errors(), s.generatorBehind(), optional(s.serverCpuPercent(), "%.0f"),
                    optional(s.serverRssMib(), "%.0fM"), s.toolCpuPercent(), optional(s.dbCpuPercent(), "%.0f"),
                    s.otherCpuPercent(), s.stealCpuPercent());
        }
        out.printf(Locale.ROOT, "lost: %d (unacknowledged %d, missed by a peer %d), unsent keystrokes %d, "
                        + "errors %d, diverged clients %d%n", r.lost(), r.lostUnacknowledged(), r.lostUndelivered(),
                r.unsentKeystrokes(), r.errors(), r.divergedClients());
        for (StepResult s : r.steps()) {
            if (s.disk() != null) {
                out.printf(Locale.ROOT, "disk during the %.0f/s step: flush p50 %.2f, p99.9 %.2f, max %.1f ms, "
                                + "%d of %d over %.0f ms%n", s.offeredEditsPerSecond(), s.disk().flush().p50(),
                        s.disk().p999(), s.disk().flush().max(), s.disk().slower(), s.disk().flush().count(),
                        s.disk().slowMillis());
            }
            SlowEditCauses causes = s.slowEditCauses();
            if (p.slowMillis() > 0) {
                out.printf(Locale.ROOT, "slow edits (over %.1f ms) during the %.0f/s step: %d; in flight during a slow "
                                + "disk flush %s, during a pause of the tool's own GC %d (%d pauses, %.0f ms in all)%n",
                        p.slowMillis(), s.offeredEditsPerSecond(), causes.slowEdits(),
                        s.disk() == null ? "(no --disk-probe)" : String.valueOf(causes.duringSlowFlush()),
                        causes.duringToolPause(), causes.toolPauses().size(),
                        causes.toolPauses().stream().mapToDouble(Stall::millis).sum());
            }
        }
        r.errorSamples().forEach(e -> out.println("  error: " + e));
    }

    static void join(JoinRun.Result r, PrintStream out) {
        out.printf(Locale.ROOT, "join: room %s, %d characters at revision %d, built in %.1f s%n", r.roomId(),
                r.documentChars(), r.revision(), r.buildSeconds());
        line(out, "warm join (to joined)", r.warmJoin());
        line(out, "warm join (to initial_code)", r.warmInitialCode());
        if (r.coldJoin().count() > 0) {
            line(out, "cold join (to joined)", r.coldJoin());
            line(out, "cold join (to initial_code)", r.coldInitialCode());
        }
        out.printf(Locale.ROOT, "errors %d%n", r.errors());
        r.errorSamples().forEach(e -> out.println("  error: " + e));
    }

    static void memory(MemoryRun.Result r, PrintStream out) {
        out.printf(Locale.ROOT, "memory: %d connections (%d per room), one edit each%n", r.plan().connections(),
                r.plan().clientsPerRoom());
        out.printf(Locale.ROOT, "  RSS   %8d KiB -> %8d KiB: %.1f KiB per connection%n", r.rssBeforeKib(),
                r.rssAfterKib(), r.rssPerConnectionKib());
        if (r.heapPerConnectionKib() != null) {
            out.printf(Locale.ROOT, "  heap  %8d KiB -> %8d KiB: %.1f KiB per connection (live, after full GC)%n",
                    r.heapBeforeKib(), r.heapAfterKib(), r.heapPerConnectionKib());
        }
        for (MemoryRun.ClassGrowth g : r.heapGrowth()) {
            out.printf(Locale.ROOT, "    %8.0f B %6.2f objects per connection  %s%n", g.bytesPerConnection(),
                    g.instancesPerConnection(), g.className());
        }
        out.printf(Locale.ROOT, "  errors %d, lost %d%n", r.errors(), r.lost());
    }

    static void startup(StartupRun.Result r, PrintStream out) {
        line(out, "start to first answered POST /rooms/", r.startToFirstAnswer());
        out.println("  runs (ms): " + r.runsMillis().stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }

    static void disk(FlushProbe.Result r, Path directory, PrintStream out) {
        line(out, "8 KiB write + fdatasync", r.flush());
        out.printf(Locale.ROOT, "  p99.9 %.2f ms; %d of %d flushes slower than %.0f ms, in %s%n", r.p999(), r.slower(),
                r.flush().count(), r.slowMillis(), directory);
    }

    private static void line(PrintStream out, String what, Percentiles p) {
        out.printf(Locale.ROOT, "  %-28s n=%d  p50 %.2f  p95 %.2f  p99 %.2f  max %.2f ms%n", what, p.count(), p.p50(),
                p.p95(), p.p99(), p.max());
    }

    private static String optional(Double value, String format) {
        return value == null ? "-" : String.format(Locale.ROOT, format, value);
    }
}
