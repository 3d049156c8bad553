package io.pairprog.server.room;

import io.pairprog.server.store.OperationSize;
import io.pairprog.server.store.Snapshots;

/**
 * What a room has stored, kept like its text in two versions, the head and the durable one: the weight
 * of the operations since its latest snapshot (when the next snapshot is due, see {@link Snapshots}) and
 * everything it has stored (its quota). Guarded by the owning room's lock.
 */
final class StoredWeight {
    private final long quota;
    private long sinceSnapshot;
    private long stored;
    private long durableSinceSnapshot;
    private long durableStored;

    StoredWeight(long sinceSnapshot, long stored, long quota) {
        this.sinceSnapshot = this.durableSinceSnapshot = sinceSnapshot;
        this.stored = this.durableStored = stored;
        this.quota = quota;
    }

    /** What storing {@code op} would take, a snapshot of {@code textLength} included when one would be due. */
    private long cost(long weight, long textLength) {
        return weight + (Snapshots.due(sinceSnapshot + weight, textLength) ? textLength : 0);
    }

    /** False when storing the operation would take the room over its quota. */
    boolean fits(io.pairprog.ot.TextOperation op, long textLength) {
        return stored + cost(OperationSize.stored(op), textLength) <= quota;
    }

    long quota() {
        return quota;
    }

    /** Counts an applied operation; true when a snapshot of the text after it is due with it. */
    boolean add(io.pairprog.ot.TextOperation op, long textLength) {
        long weight = OperationSize.stored(op);
        stored += cost(weight, textLength);
        sinceSnapshot += weight;
        if (Snapshots.due(sinceSnapshot, textLength)) {
            sinceSnapshot = 0;
            return true;
        }
        return false;
    }

    /** The head's counts, to be made durable once the edit that reached them is stored. */
    long[] head() {
        return new long[] {sinceSnapshot, stored};
    }

    void committed(long[] head) {
        durableSinceSnapshot = head[0];
        durableStored = head[1];
    }

    /** Another writer's stored operation; whether it snapshotted is not known here, so none is assumed. */
    void adopted(io.pairprog.ot.TextOperation op) {
        long weight = OperationSize.stored(op);
        durableSinceSnapshot += weight;
        durableStored += weight;
        rollBack();
    }

    void rollBack() {
        sinceSnapshot = durableSinceSnapshot;
        stored = durableStored;
    }
}
