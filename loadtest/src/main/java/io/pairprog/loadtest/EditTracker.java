package io.pairprog.loadtest;

import java.util.HashMap;
import java.util.Map;

/**
 * Recognises each edit when it arrives: the sender records {@code (clientId, clientSeq)} with its send
 * time, the server's ack and each peer's {@code op} broadcast carry the same pair, and the edit is
 * complete once it is acknowledged and every other client of its room has applied it. What is still
 * here when a run ends was lost. Used only on the event loop.
 */
final class EditTracker {
    private final Map<String, Map<Long, Pending>> pending = new HashMap<>();
    private int open;
    private Step step = new Step("setup", 0, 0);

    private static final class Pending {
        final Step step;
        final long sentNanos;
        final long typedNanos;
        final int keystrokes;
        int waitingPeers;
        boolean acked;

        Pending(Step step, long sentNanos, long typedNanos, int keystrokes, int peers) {
            this.step = step;
            this.sentNanos = sentNanos;
            this.typedNanos = typedNanos;
            this.keystrokes = keystrokes;
            this.waitingPeers = peers;
        }
    }

    /** Edits sent from now on belong to {@code next}. */
    void begin(Step next) {
        step = next;
    }

    Step step() {
        return step;
    }

    void typed() {
        step.keystrokes++;
    }

    void sent(String clientId, long clientSeq, long typedNanos, int keystrokes, int peers) {
        step.opsSent++;
        pending.computeIfAbsent(clientId, id -> new HashMap<>())
                .put(clientSeq, new Pending(step, System.nanoTime(), typedNanos, keystrokes, peers));
        open++;
    }

    void acked(String clientId, long clientSeq) {
        long now = System.nanoTime();
        Pending p = find(clientId, clientSeq);
        if (p == null || p.acked) {
            step.unexpected++;
            return;
        }
        p.acked = true;
        p.step.ackMicros.add((now - p.sentNanos) / 1000);
        completeIfDone(clientId, clientSeq, p, now);
    }

    /** A peer applied the edit {@code (clientId, clientSeq)}. */
    void applied(String clientId, long clientSeq) {
        long now = System.nanoTime();
        Pending p = find(clientId, clientSeq);
        if (p == null || p.waitingPeers == 0) {
            step.unexpected++;
            return;
        }
        p.waitingPeers--;
        completeIfDone(clientId, clientSeq, p, now);
    }

    private void completeIfDone(String clientId, long clientSeq, Pending p, long now) {
        if (!p.acked || p.waitingPeers > 0) {
            return;
        }
        // With no peers in the room the ack is the only arrival, and the latency is the ack's.
        p.step.completed((now - p.sentNanos) / 1000);
        p.step.typingMicros.add((now - p.typedNanos) / 1000);
        p.step.opsDelivered++;
        p.step.keystrokesDelivered += p.keystrokes;
        pending.get(clientId).remove(clientSeq);
        open--;
    }

    private Pending find(String clientId, long clientSeq) {
        Map<Long, Pending> byClient = pending.get(clientId);
        return byClient == null ? null : byClient.get(clientSeq);
    }

    /** Edits sent and not yet complete. */
    int open() {
        return open;
    }

    /** Counts what never completed: sent but never acknowledged, and acknowledged but missed by a peer. */
    Lost lost() {
        long unacked = 0;
        long undelivered = 0;
        for (Map<Long, Pending> byClient : pending.values()) {
            for (Pending p : byClient.values()) {
                if (!p.acked) {
                    unacked++;
                } else {
                    undelivered++;
                }
            }
        }
        return new Lost(unacked, undelivered);
    }

    record Lost(long unacknowledged, long undelivered) {
        long total() {
            return unacknowledged + undelivered;
        }
    }
}
