package io.pairprog.server.store;

import io.pairprog.ot.TextOperation;
import java.util.List;
import java.util.UUID;

/**
 * A room's text at any stored revision, its current one included: the latest snapshot at or before it
 * plus the operations after it. A commit stores a room's text only when a snapshot is due, so this is
 * also how a room is loaded.
 */
public final class RoomTexts {
    /** Operations read per query while replaying a long stretch. */
    private static final int CHUNK = 500;

    private final Snapshots snapshots;
    private final OperationLog log;

    public RoomTexts(Database database) {
        this.snapshots = new Snapshots(database);
        this.log = new OperationLog(database);
    }

    /**
     * The text at {@code revision}, which must not be beyond the room's stored revision. Operations are
     * composed before they are applied (applying each to a large text would copy the text each time);
     * a long stretch, as in a room stored before snapshots existed, is snapshotted at every interval on
     * the way, so the next read of it is short.
     */
    public String textAt(UUID roomId, long revision) {
        Snapshots.Snapshot start = snapshots.latestAtOrBefore(roomId, revision);
        String text = start.code();
        for (long after = start.revision(); after < revision; ) {
            long upTo = Math.min(after + CHUNK, revision);
            List<LoggedOperation> ops = log.range(roomId, after, upTo);
            if (ops.size() != upTo - after) {
                throw new StoreException("room " + roomId + ": the log has " + ops.size() + " of the operations "
                        + "after revision " + after + " up to " + upTo, null);
            }
            TextOperation pending = null;
            for (LoggedOperation op : ops) {
                pending = pending == null ? op.operation() : pending.compose(op.operation());
                if (op.revision() % Snapshots.INTERVAL == 0 && op.revision() - start.revision() >= Snapshots.INTERVAL) {
                    text = pending.apply(text);
                    pending = null;
                    snapshots.save(roomId, op.revision(), text);
                }
            }
            if (pending != null) {
                text = pending.apply(text);
            }
            after = upTo;
        }
        return text;
    }
}
