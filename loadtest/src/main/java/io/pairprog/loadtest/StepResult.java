package io.pairprog.loadtest;

import java.util.List;

/**
 * The figures of one step. Rates are per second of the step's typing time; latencies in milliseconds.
 * {@code generatorBehind} counts keystrokes the tool could not issue on time (it was the bottleneck);
 * {@code openAfterDrain} counts edits of this or earlier steps still incomplete when the drain gave up.
 * CPU figures are percent of one core over the typing time; {@code otherCpuPercent} is what neither the
 * server, the tool nor the database used (other programs on the machine); {@code stealCpuPercent}, what
 * the hypervisor took from this virtual machine's cores. {@code slowEdits} lists the
 * edits over {@code --slow-ms}, if asked, and {@code slowEditCauses} says what they were in flight with;
 * {@code disk}, the disk's flush latency during the step, if asked.
 */
record StepResult(String label, int rooms, int clients, double offeredEditsPerSecond, double seconds,
                  double typedEditsPerSecond, double deliveredEditsPerSecond, double deliveredOpsPerSecond,
                  Percentiles fanOut, Percentiles typingToVisible, Percentiles ack,
                  long errors, List<String> errorSamples, long unexpected, long generatorBehind, long openAfterDrain,
                  Double serverCpuPercent, Double serverRssMib, double toolCpuPercent, Double dbCpuPercent,
                  double otherCpuPercent, double stealCpuPercent, List<Step.SlowEdit> slowEdits,
                  SlowEditCauses slowEditCauses, FlushProbe.Result disk) {

    static StepResult of(Step step, double seconds, int clients, int rooms, long behind, long openAfterDrain,
                         Usage before, Usage after, Long serverPid, List<Long> dbPids, FlushProbe.Result disk,
                         List<Stall> toolPauses) {
        return new StepResult(step.label, rooms, clients, step.offeredRate, seconds,
                step.keystrokes / seconds, step.keystrokesDelivered / seconds, step.opsDelivered / seconds,
                Percentiles.of(step.fanOutMicros), Percentiles.of(step.typingMicros), Percentiles.of(step.ackMicros),
                step.errors, List.copyOf(step.errorSamples), step.unexpected, behind, openAfterDrain,
                after.serverCpuPercent(before), after.serverRssMib(), after.toolCpuPercent(before),
                after.dbCpuPercent(before), after.otherCpuPercent(before, serverPid, dbPids),
                after.stealCpuPercent(before), List.copyOf(step.slowEdits),
                SlowEditCauses.of(step.slowEdits, disk == null ? List.of() : disk.stalls(), toolPauses), disk);
    }
}
