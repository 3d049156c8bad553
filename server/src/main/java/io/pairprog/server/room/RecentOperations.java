package io.pairprog.server.room;

import io.pairprog.server.store.LoggedOperation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * A room's newest operations in memory, with the operation log behind them: transforming an edit made a
 * few revisions ago, or a cursor, reads only memory. Holds the operations (newest - size, newest], at
 * least {@code window} of them once there are that many, and always every one not yet stored (those are
 * nowhere else), each in the compact form of {@link KeptOperation}. Guarded by the owning room's lock.
 */
final class RecentOperations {
    private final UUID roomId;
    private final int window;
    private final RoomStorage storage;
    /** Consecutive revisions, oldest first. */
    private final ArrayDeque<KeptOperation> recent = new ArrayDeque<>();

    RecentOperations(UUID roomId, int window, RoomStorage storage) {
        this.roomId = roomId;
        this.window = window;
        this.storage = storage;
    }

    /** Appends the operation of the next revision; drops the oldest beyond the window that are durable. */
    void add(LoggedOperation op, long durableRevision) {
        recent.addLast(KeptOperation.of(op));
        while (recent.size() > window && recent.peekFirst().revision() <= durableRevision) {
            recent.removeFirst();
        }
    }

    /** Forgets the operations after {@code revision}, which were rolled back. */
    void truncateAfter(long revision) {
        for (Iterator<KeptOperation> it = recent.descendingIterator(); it.hasNext(); ) {
            if (it.next().revision() > revision) {
                it.remove();
            }
        }
    }

    /**
     * The newest revision after {@code after}, up to {@code head}, whose operation memory no longer
     * holds: the operations (after, result] must come from the log. At most {@code after} when memory
     * holds them all.
     */
    long missingUpTo(long after, long head) {
        long oldestInMemory = recent.isEmpty() ? head : recent.peekFirst().revision() - 1;
        return Math.min(oldestInMemory, head);
    }

    /**
     * The operations (after, upTo] as kept, to be inflated outside the lock; null when memory lacks some
     * of them. Kept operations never change, so the list stays valid after the lock is left.
     */
    List<KeptOperation> kept(long after, long upTo) {
        if (missingUpTo(after, upTo) > after) {
            return null;
        }
        List<KeptOperation> result = new ArrayList<>();
        for (KeptOperation op : recent) {
            if (op.revision() > after && op.revision() <= upTo) {
                result.add(op);
            }
        }
        return result;
    }

    /** The operations (after, upTo] from memory only; null when memory lacks some of them. */
    List<LoggedOperation> inMemory(long after, long upTo) {
        List<KeptOperation> kept = kept(after, upTo);
        return kept == null ? null : inflate(kept);
    }

    /** The operations (after, upTo], from memory when recent enough, else from the log plus memory. */
    List<LoggedOperation> range(long after, long upTo) {
        List<LoggedOperation> result = new ArrayList<>();
        long missingUpTo = missingUpTo(after, upTo);
        if (after < missingUpTo) {
            result.addAll(storage.range(roomId, after, missingUpTo));
        }
        for (KeptOperation op : recent) {
            if (op.revision() > after && op.revision() <= upTo) {
                result.add(op.inflate());
            }
        }
        return result;
    }

    static List<LoggedOperation> inflate(List<KeptOperation> kept) {
        List<LoggedOperation> ops = new ArrayList<>(kept.size());
        for (KeptOperation op : kept) {
            ops.add(op.inflate());
        }
        return ops;
    }
}
