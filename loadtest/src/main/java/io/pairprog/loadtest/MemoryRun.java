package io.pairprog.loadtest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extra server memory per connection after one edit: the server's RSS (and, through {@code jcmd}, its
 * live heap after a full GC) before and after {@code connections} clients joined and each typed once.
 * A warm-up round of connections comes first, so class loading and JIT code are not counted as
 * per-connection memory. Rooms are created before the baseline; a stored room costs no server memory
 * until someone joins it.
 */
final class MemoryRun {
    record Plan(URI url, long serverPid, int connections, int clientsPerRoom, int warmupConnections, boolean gc,
                int histogram, long seed) {
    }

    record Result(Plan plan, long rssBeforeKib, long rssAfterKib, Long heapBeforeKib, Long heapAfterKib,
                  double rssPerConnectionKib, Double heapPerConnectionKib, List<ClassGrowth> heapGrowth, long errors,
                  long lost) {
    }

    /** How much more of one class the live heap held with the connections open, per connection. */
    record ClassGrowth(String className, double instancesPerConnection, double bytesPerConnection) {
    }

    /** {@code "   1:   12345   678900  java.lang.String (java.base@17)"} in {@code GC.class_histogram}. */
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)",
            Pattern.MULTILINE);

    /** G1 prints one "heap total …K, used …K" line; the serial and parallel collectors one per generation. */
    private static final Pattern HEAP_USED = Pattern.compile("(?:heap|generation)\\s+total \\d+K, used (\\d+)K");

    private final Plan plan;

    MemoryRun(Plan plan) {
        this.plan = plan;
    }

    Result run() throws Exception {
        Random random = new Random(plan.seed());
        try (ClientFleet warmup = new ClientFleet(plan.url())) {
            connectAndType(warmup, plan.warmupConnections(), random);
        }
        Thread.sleep(1000);
        try (ClientFleet fleet = new ClientFleet(plan.url())) {
            List<String> rooms = fleet.createRooms(plan.connections() / plan.clientsPerRoom());
            Long heap0 = settle();
            long rss0 = ProcStats.of(plan.serverPid()).rssKib();
            Map<String, long[]> histogram0 = histogram();
            List<LoadClient> clients = fleet.join(rooms, plan.clientsPerRoom(), true);
            type(fleet, clients, random);
            Long heap1 = settle();
            long rss1 = ProcStats.of(plan.serverPid()).rssKib();
            Map<String, long[]> histogram1 = histogram();
            Step step = fleet.loop.call(fleet.tracker::step);
            long lost = fleet.loop.call(fleet.tracker::lost).total();
            int n = clients.size();
            return new Result(plan, rss0, rss1, heap0, heap1, (rss1 - rss0) / (double) n,
                    heap0 == null || heap1 == null ? null : (heap1 - heap0) / (double) n,
                    growth(histogram0, histogram1, n), step.errors, lost);
        }
    }

    private void connectAndType(ClientFleet fleet, int connections, Random random) throws Exception {
        List<String> rooms = fleet.createRooms(Math.max(1, connections / plan.clientsPerRoom()));
        type(fleet, fleet.join(rooms, plan.clientsPerRoom(), true), random);
    }

    private static void type(ClientFleet fleet, List<LoadClient> clients, Random random) throws Exception {
        fleet.loop.call(() -> {
            clients.forEach(c -> c.type(random.nextInt(c.length() + 1), "x"));
            return null;
        });
        if (!fleet.drain(30_000)) {
            throw new IllegalStateException("memory: edits did not complete within 30 s");
        }
    }

    /** Optionally runs a full GC in the server and returns its live heap; waits for RSS to settle. */
    private Long settle() throws Exception {
        Long heap = null;
        if (plan.gc()) {
            jcmd("GC.run");
            Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
            while (used.find()) {
                heap = (heap == null ? 0 : heap) + Long.parseLong(used.group(1));
            }
        }
        Thread.sleep(1000);
        return heap;
    }

    /** Live objects by class (GC.class_histogram runs a full GC first): instances and bytes. */
    private Map<String, long[]> histogram() throws Exception {
        Map<String, long[]> rows = new HashMap<>();
        if (plan.histogram() > 0) {
            Matcher row = HISTOGRAM_ROW.matcher(jcmd("GC.class_histogram"));
            while (row.find()) {
                rows.put(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))});
            }
        }
        return rows;
    }

    private List<ClassGrowth> growth(Map<String, long[]> before, Map<String, long[]> after, int connections) {
        List<ClassGrowth> growth = new ArrayList<>();
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] old = before.getOrDefault(e.getKey(), new long[2]);
            growth.add(new ClassGrowth(e.getKey(), (e.getValue()[0] - old[0]) / (double) connections,
                    (e.getValue()[1] - old[1]) / (double) connections));
        }
        growth.sort(Comparator.comparingDouble(ClassGrowth::bytesPerConnection).reversed());
        return List.copyOf(growth.subList(0, Math.min(plan.histogram(), growth.size())));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", Long.toString(plan.serverPid()), command)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + plan.serverPid() + " " + command + " failed: " + out);
        }
        return out;
    }
}
