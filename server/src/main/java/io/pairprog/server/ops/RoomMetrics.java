package io.pairprog.server.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pairprog.server.room.RoomObserver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The room layer's reports as Micrometer meters. Edits per second is Prometheus's job:
 * {@code rate(pairprog_edits_stored_total[1m])}. Histogram buckets are fixed and few, so a dashboard
 * can read quantiles across servers and the scrape stays small.
 */
final class RoomMetrics implements RoomObserver {
    private final Counter stored;
    private final Counter failed;
    private final Timer fanOut;
    private final Timer commitLatency;
    private final DistributionSummary batchSize;

    RoomMetrics(MeterRegistry registry) {
        stored = Counter.builder("pairprog.edits.stored")
                .description("Edits durably stored (and so acknowledged and broadcast)").register(registry);
        failed = Counter.builder("pairprog.edits.failed")
                .description("Edits whose commit failed; their senders were told to resend").register(registry);
        fanOut = Timer.builder("pairprog.fanout.latency")
                .description("From receiving an edit to acknowledging and broadcasting it, the commit included")
                .serviceLevelObjectives(millis(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000))
                .register(registry);
        commitLatency = Timer.builder("pairprog.commit.latency")
                .description("One group-commit transaction")
                .serviceLevelObjectives(millis(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500))
                .register(registry);
        batchSize = DistributionSummary.builder("pairprog.commit.batch")
                .baseUnit("edits")
                .description("Edits stored in one group-commit transaction")
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
                .register(registry);
    }

    @Override
    public void committed(int edits, long nanos) {
        stored.increment(edits);
        batchSize.record(edits);
        commitLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void commitFailed(int edits) {
        failed.increment(edits);
    }

    @Override
    public void delivered(long nanos) {
        fanOut.record(nanos, TimeUnit.NANOSECONDS);
    }

    private static Duration[] millis(long... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofMillis(values[i]);
        }
        return durations;
    }
}
