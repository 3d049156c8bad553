package io.pairprog.server.room;

import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.StoreException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * A room's newest operations in memory, with the operation log behind them: transforming an edit made a
 * few revisions ago, or a cursor, reads only memory; a client far behind costs one read of the log, which
 * the room makes before taking its lock and {@linkplain #lend lends} here for the call. Holds the
 * operations (newest - size, newest], at least {@code window} of them once there are that many, and
 * always every one not yet stored (those are nowhere else), each in the compact form of
 * {@link KeptOperation}. Guarded by the owning room's lock.
 */
final class RecentOperations {
    private final UUID roomId;
    private final int window;
    private final RoomStorage storage;
    /** Consecutive revisions, oldest first. */
    private final ArrayDeque<KeptOperation> recent = new ArrayDeque<>();
    /** Older operations read from the log for the current locked call, consecutive; or why they are not. */
    private List<LoggedOperation> lent = List.of();
    private StoreException lentFailure;

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
     * The newest revision after {@code after}, up to the stored {@code head}, whose operation memory no
     * longer holds: the operations (after, result] must come from the log. At most {@code after} when
     * memory holds them all.
     */
    long missingUpTo(long after, long head) {
        long oldestInMemory = recent.isEmpty() ? head : recent.peekFirst().revision() - 1;
        return Math.min(oldestInMemory, head);
    }

    /** True if {@code older} holds every operation (after, upTo]. */
    static boolean covers(List<LoggedOperation> older, long after, long upTo) {
        return !older.isEmpty() && older.get(0).revision() <= after + 1
                && older.get(older.size() - 1).revision() >= upTo;
    }

    /**
     * Operations the room read from the log before taking its lock, for {@link #range} to use during the
     * locked call instead of reading the log itself; or the failure of that read, which {@link #range}
     * then throws. Lend {@code List.of(), null} when the call is over.
     */
    void lend(List<LoggedOperation> older, StoreException failure) {
        lent = older;
        lentFailure = failure;
    }

    /** The operations (after, upTo], from memory when recent enough, else from the log plus memory. */
    List<LoggedOperation> range(long after, long upTo) {
        List<LoggedOperation> result = new ArrayList<>();
        long missingUpTo = missingUpTo(after, upTo);
        if (after < missingUpTo) {
            result.addAll(fromLog(after, missingUpTo));
        }
        for (KeptOperation op : recent) {
            if (op.revision() > after && op.revision() <= upTo) {
                result.add(op.inflate());
            }
        }
        return result;
    }

    /** From what was lent when it covers the range; else from the log itself (a rare race, or a cursor). */
    private List<LoggedOperation> fromLog(long after, long upTo) {
        if (lentFailure != null) {
            throw lentFailure;
        }
        if (covers(lent, after, upTo)) {
            return lent.stream().filter(op -> op.revision() > after && op.revision() <= upTo).toList();
        }
        return storage.range(roomId, after, upTo);
    }
}
