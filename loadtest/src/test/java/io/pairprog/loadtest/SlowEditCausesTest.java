package io.pairprog.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Slow edits are set against the stalls they were in flight with, by wall-clock time. */
class SlowEditCausesTest {
    @Test
    void anEditCountsForAStallOnlyIfTheyShareAMoment() {
        // Sent at 1,000 and completed at 1,010; sent at 2,000 and completed at 2,005.
        List<Step.SlowEdit> edits = List.of(new Step.SlowEdit(1_010, 10), new Step.SlowEdit(2_005, 4.2));
        List<Stall> flushes = List.of(new Stall(990, 12), new Stall(1_500, 30));
        List<Stall> pauses = List.of(new Stall(2_005, 1), new Stall(3_000, 50));

        SlowEditCauses causes = SlowEditCauses.of(edits, flushes, pauses);

        assertThat(causes.slowEdits()).isEqualTo(2);
        assertThat(causes.duringSlowFlush()).isEqualTo(1);
        assertThat(causes.duringToolPause()).isEqualTo(1);
        assertThat(causes.toolPauses()).isEqualTo(pauses);
    }

    @Test
    void aStallThatEndedBeforeTheEditWasSentDoesNotCount() {
        SlowEditCauses causes = SlowEditCauses.of(List.of(new Step.SlowEdit(1_010, 5)), List.of(new Stall(990, 14.9)),
                List.of());

        assertThat(causes.duringSlowFlush()).isZero();
    }

    @Test
    void theToolSeesItsOwnGarbageCollectionPauses() {
        long before = System.currentTimeMillis();
        List<Stall> pauses;
        try (ToolPauses toolPauses = new ToolPauses()) {
            System.gc();
            pauses = awaitPauses(toolPauses);
        }

        assertThat(pauses).isNotEmpty();
        // Clocks of JVM uptime and wall time differ by the rounding of the JVM's start time.
        assertThat(pauses.get(0).startedAtMillis()).isBetween(before - 5, System.currentTimeMillis());
    }

    /** GC notifications arrive on a JMX thread, shortly after the collection. */
    private static List<Stall> awaitPauses(ToolPauses toolPauses) {
        for (int i = 0; i < 200 && toolPauses.pauses().isEmpty(); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return toolPauses.pauses();
    }
}
