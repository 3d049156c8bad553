package io.pairprog.loadtest;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;

/**
 * The fan-out measurement: {@code rooms × clientsPerRoom} OT clients type at a total rate; each step of
 * the ramp runs for a fixed time and then drains, so every edit sent in a step is accounted to it.
 *
 * <pre>
 *  create rooms ─► join all ─► warm-up ─► drain ─► step 1 ─► drain ─► … ─► step n ─► drain ─► verify
 * </pre>
 *
 * The run ends by checking that nothing was lost and that every client holds exactly the stored text.
 */
final class FanOutRun {
    /** The parameters of one run; every bound is checked by the command before a run starts. */
    record Plan(URI url, List<URI> otherNodes, int rooms, int clientsPerRoom, List<Double> rates, double stepSeconds,
                double warmupSeconds, long seed, Long serverPid, List<Long> dbPids, double drainSeconds,
                double slowMillis, Path diskProbe) {
    }

    /** Everything a run found; {@code lost} counts edits not completed after the last drain. */
    record Result(Plan plan, List<StepResult> steps, long errors, long lostUnacknowledged, long lostUndelivered,
                  long unsentKeystrokes, int divergedClients, List<String> errorSamples) {
        long lost() {
            return lostUnacknowledged + lostUndelivered;
        }
    }

    /**
     * Flushes of the disk probe beside a step: often enough to catch the stalls that matter (tens of
     * milliseconds and more), a tenth of the flushes the database makes at 1,000 edits/s.
     */
    private static final double DISK_PROBE_MILLIS = 10;
    /** A flush slower than this is a stall of the disk, unless {@code --slow-ms} sets the threshold. */
    private static final double SLOW_FLUSH_MILLIS = 5;

    private final Plan plan;

    FanOutRun(Plan plan) {
        this.plan = plan;
    }

    Result run() throws Exception {
        Random random = new Random(plan.seed());
        try (ClientFleet fleet = new ClientFleet(plan.url(), plan.otherNodes())) {
            List<String> rooms = fleet.createRooms(plan.rooms());
            List<LoadClient> order = new ArrayList<>(fleet.join(rooms, plan.clientsPerRoom(), true));
            Collections.shuffle(order, random);
            List<StepResult> steps = new ArrayList<>();
            if (plan.warmupSeconds() > 0) {
                step(fleet, order, random, "warm-up", plan.rates().get(0), plan.warmupSeconds());
            }
            for (double rate : plan.rates()) {
                steps.add(step(fleet, order, random, "step", rate, plan.stepSeconds()));
            }
            EditTracker.Lost lost = fleet.loop.call(fleet.tracker::lost);
            long unsent = fleet.loop.call(() -> order.stream().mapToLong(LoadClient::unsentKeystrokes).sum());
            int diverged = fleet.diverged();
            long errors = steps.stream().mapToLong(StepResult::errors).sum();
            List<String> samples = steps.stream().flatMap(s -> s.errorSamples().stream()).limit(10).toList();
            return new Result(plan, steps, errors, lost.unacknowledged(), lost.undelivered(), unsent, diverged,
                    samples);
        }
    }

    private StepResult step(ClientFleet fleet, List<LoadClient> order, Random random, String label, double rate,
                            double seconds) throws Exception {
        Step step = new Step(label, rate, (long) (plan.slowMillis() * 1000));
        fleet.loop.call(() -> {
            fleet.tracker.begin(step);
            return null;
        });
        Usage before = Usage.sample(plan.serverPid(), plan.dbPids());
        FlushProbe probe = plan.diskProbe() == null ? null : new FlushProbe(plan.diskProbe(), DISK_PROBE_MILLIS,
                plan.slowMillis() > 0 ? plan.slowMillis() : SLOW_FLUSH_MILLIS);
        if (probe != null) {
            probe.start();
        }
        try (ToolPauses toolPauses = new ToolPauses()) {
            Typist typist = new Typist(order, rate, random);
            ScheduledFuture<?> ticks = fleet.loop.every(1000, typist::tick);
            Thread.sleep((long) (seconds * 1000));
            ticks.cancel(false);
            Usage after = Usage.sample(plan.serverPid(), plan.dbPids());
            FlushProbe.Result disk = probe == null ? null : probe.stop();
            boolean drained = fleet.drain((long) (plan.drainSeconds() * 1000));
            int open = fleet.loop.call(fleet.tracker::open);
            long behind = fleet.loop.call(typist::behind);
            List<Stall> paused = toolPauses.pauses();
            return fleet.loop.call(() -> StepResult.of(step, seconds, order.size(), plan.rooms(), behind,
                    drained ? 0 : open, before, after, plan.serverPid(), plan.dbPids(), disk, paused));
        }
    }
}
