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

    Step(String label, double offeredRate) {
        this.label = label;
        this.offeredRate = offeredRate;
    }

    void error(String description) {
        errors++;
        if (errorSamples.size() < ERROR_SAMPLES) {
            errorSamples.add(description);
        }
    }
}
