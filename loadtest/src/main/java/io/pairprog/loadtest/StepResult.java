package io.pairprog.loadtest;

import java.util.List;

/**
 * The figures of one step. Rates are per second of the step's typing time; latencies in milliseconds.
 * {@code generatorBehind} counts keystrokes the tool could not issue on time (it was the bottleneck);
 * {@code openAfterDrain} counts edits of this or earlier steps still incomplete when the drain gave up.
 */
record StepResult(String label, int rooms, int clients, double offeredEditsPerSecond, double seconds,
                  double typedEditsPerSecond, double deliveredEditsPerSecond, double deliveredOpsPerSecond,
                  Percentiles fanOut, Percentiles typingToVisible, Percentiles ack,
                  long errors, List<String> errorSamples, long unexpected, long generatorBehind, long openAfterDrain,
                  Double serverCpuPercent, Double serverRssMib, double toolCpuPercent) {

    static StepResult of(Step step, double seconds, int clients, int rooms, long behind, long openAfterDrain,
                         ProcStats server0, ProcStats server1, ProcStats self0, ProcStats self1) {
        return new StepResult(step.label, rooms, clients, step.offeredRate, seconds,
                step.keystrokes / seconds, step.keystrokesDelivered / seconds, step.opsDelivered / seconds,
                Percentiles.of(step.fanOutMicros), Percentiles.of(step.typingMicros), Percentiles.of(step.ackMicros),
                step.errors, List.copyOf(step.errorSamples), step.unexpected, behind, openAfterDrain,
                server1 == null ? null : server1.cpuPercentSince(server0),
                server1 == null ? null : server1.rssKib() / 1024.0,
                self1.cpuPercentSince(self0));
    }
}
