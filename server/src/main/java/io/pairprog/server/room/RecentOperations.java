package io.pairprog.server.room;

import io.pairprog.server.store.LoggedOperation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * A room's newest operations in memory, with the operation log behind them: transforming an edit made a
 * few revisions ago, or a cursor, reads only memory; a client far behind costs one read of the log.
 * Holds the operations (newest - size, newest], at least {@code window} of them once there are that many,
 * and always every one not yet stored (those are nowhere else). Guarded by the owning room's lock.
 */
final class RecentOperations {
    private final UUID roomId;
    private final int window;
    private final RoomStorage storage;
    /** Consecutive revisions, oldest first. */
    private final ArrayDeque<LoggedOperation> recent = new ArrayDeque<>();

    RecentOperations(UUID roomId, int window, RoomStorage storage) {
        this.roomId = roomId;
        this.window = window;
        this.storage = storage;
    }

    /** Appends the operation of the next revision; drops the oldest beyond the window that are durable. */
    void add(LoggedOperation op, long durableRevision) {
        recent.addLast(op);
        while (recent.size() > window && recent.peekFirst().revision() <= durableRevision) {
            recent.removeFirst();
        }
    }

    /** Forgets the operations after {@code revision}, which were rolled back. */
    void truncateAfter(long revision) {
        for (Iterator<LoggedOperation> it = recent.descendingIterator(); it.hasNext(); ) {
            if (it.next().revision() > revision) {
                it.remove();
            }
        }
    }

    /** The operations (after, upTo], from memory when recent enough, else from the log plus memory. */
    List<LoggedOperation> range(long after, long upTo) {
        List<LoggedOperation> result = new ArrayList<>();
        long oldestInMemory = recent.isEmpty() ? upTo : recent.peekFirst().revision() - 1;
        if (after < oldestInMemory) {
            result.addAll(storage.range(roomId, after, Math.min(oldestInMemory, upTo)));
        }
        for (LoggedOperation op : recent) {
            if (op.revision() > after && op.revision() <= upTo) {
                result.add(op);
            }
        }
        return result;
    }
}
