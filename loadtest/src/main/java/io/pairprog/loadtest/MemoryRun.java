package io.pairprog.loadtest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
                long seed) {
    }

    record Result(Plan plan, long rssBeforeKib, long rssAfterKib, Long heapBeforeKib, Long heapAfterKib,
                  double rssPerConnectionKib, Double heapPerConnectionKib, long errors, long lost) {
    }

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

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
            List<LoadClient> clients = fleet.join(rooms, plan.clientsPerRoom(), true);
            type(fleet, clients, random);
            Long heap1 = settle();
            long rss1 = ProcStats.of(plan.serverPid()).rssKib();
            Step step = fleet.loop.call(fleet.tracker::step);
            long lost = fleet.loop.call(fleet.tracker::lost).total();
            int n = clients.size();
            return new Result(plan, rss0, rss1, heap0, heap1, (rss1 - rss0) / (double) n,
                    heap0 == null || heap1 == null ? null : (heap1 - heap0) / (double) n, step.errors, lost);
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
            heap = used.find() ? Long.parseLong(used.group(1)) : null;
        }
        Thread.sleep(1000);
        return heap;
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
