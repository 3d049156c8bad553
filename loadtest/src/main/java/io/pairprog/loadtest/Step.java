package io.pairprog.loadtest;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened to the edits typed during one step of a run. Latencies are attributed to the step in
 * which the edit was sent, whenever it completes; all fields are touched only on the event loop.
 */
final class Step {
    private static final int ERROR_SAMPLES = 5;

    final String label;
    final double offeredRate;
    /** send → the last other client in the room applied it (the fan-out latency). */
    final LongList fanOutMicros = new LongList();
    /** first keystroke composed into the operation → the last other client applied it. */
    final LongList typingMicros = new LongList();
    /** send → the sender's ack. */
    final LongList ackMicros = new LongList();
    long keystrokes;
    long opsSent;
    long opsDelivered;
    long keystrokesDelivered;
    long errors;
    long unexpected;
    final List<String> errorSamples = new ArrayList<>();
    /** Edits slower than this are listed one by one; 0: none. */
    private final long slowMicros;
    final List<SlowEdit> slowEdits = new ArrayList<>();

    /** One edit over the {@code --slow-ms} threshold: when it completed (epoch ms) and its fan-out latency. */
    record SlowEdit(long completedAtMillis, double latencyMillis) {
        /** When it was sent, to the millisecond below. */
        long sentAtMillis() {
            return completedAtMillis - (long) Math.ceil(latencyMillis);
        }
    }

    Step(String label, double offeredRate, long slowMicros) {
        this.label = label;
        this.offeredRate = offeredRate;
        this.slowMicros = slowMicros;
    }

    /** Records an edit's fan-out latency, and lists it when it is slow. */
    void completed(long fanOutMicros) {
        this.fanOutMicros.add(fanOutMicros);
        if (slowMicros > 0 && fanOutMicros > slowMicros) {
            slowEdits.add(new SlowEdit(System.currentTimeMillis(), fanOutMicros / 1000.0));
        }
    }

    void error(String description) {
        errors++;
        if (errorSamples.size() < ERROR_SAMPLES) {
            errorSamples.add(description);
        }
    }
}
