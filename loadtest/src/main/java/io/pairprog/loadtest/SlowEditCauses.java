package io.pairprog.loadtest;

import java.util.List;

/**
 * What the slow edits of a step (those over {@code --slow-ms}) were in flight with: how many overlapped a
 * flush of the database's disk slower than the same threshold (every durable edit waits for one), and how
 * many a garbage-collection pause of the tool itself (which delays the tool's clock-reading, not the
 * server). One edit may count in both; the rest are the server's, the database's CPU, or the machine's.
 * The tool's pauses are listed; the disk's are in the step's {@code disk}.
 */
record SlowEditCauses(long slowEdits, long duringSlowFlush, long duringToolPause, List<Stall> toolPauses) {

    static SlowEditCauses of(List<Step.SlowEdit> edits, List<Stall> slowFlushes, List<Stall> toolPauses) {
        return new SlowEditCauses(edits.size(), during(edits, slowFlushes), during(edits, toolPauses), toolPauses);
    }

    private static long during(List<Step.SlowEdit> edits, List<Stall> stalls) {
        return edits.stream()
                .filter(e -> stalls.stream().anyMatch(s -> s.overlaps(e.sentAtMillis(), e.completedAtMillis())))
                .count();
    }
}
