package io.pairprog.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The writes of one group commit, for any number of rooms, as three JDBC batches: the new operations,
 * the rooms' new text and revision, and the snapshots due. A commit then costs the same few round trips
 * to the database whether it carries one room or a hundred; written room by room it cost two or three
 * per room, and the single commit thread spent its time waiting on them. Use inside one transaction.
 */
public final class CommitBatch implements AutoCloseable {
    private final PreparedStatement operations;
    private final PreparedStatement advances;
    private final PreparedStatement snapshots;
    private final List<UUID> advanced = new ArrayList<>();
    private boolean snapshotsDue;

    public CommitBatch(Connection connection) throws SQLException {
        operations = connection.prepareStatement(OperationLog.INSERT);
        advances = connection.prepareStatement(RoomStore.ADVANCE);
        snapshots = connection.prepareStatement(Snapshots.INSERT);
    }

    /**
     * Adds a room's new operations (consecutive revisions, the first one right after the room's stored
     * revision) and the text they lead to.
     */
    public void add(UUID roomId, List<LoggedOperation> ops, String textAfter, Instant at) throws SQLException {
        for (LoggedOperation op : ops) {
            OperationLog.bindInsert(operations, roomId, op);
            operations.addBatch();
        }
        long from = ops.get(0).revision() - 1;
        long to = ops.get(ops.size() - 1).revision();
        RoomStore.bindAdvance(advances, roomId, from, to, textAfter, at);
        advances.addBatch();
        advanced.add(roomId);
        if (Snapshots.crossesInterval(from, to)) {
            Snapshots.bind(snapshots, roomId, to, textAfter);
            snapshots.addBatch();
            snapshotsDue = true;
        }
    }

    /**
     * Sends the batches. An operation already stored at its revision, or a room no longer at the revision
     * its operations start from, fails with SQLState 23505 (a {@link StoreException.Kind#CONFLICT}):
     * another writer got there first, and nothing is overwritten.
     */
    public void execute() throws SQLException {
        operations.executeBatch();
        int[] rows = advances.executeBatch();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == 0) {
                throw new SQLException("room " + advanced.get(i) + " is no longer at the revision its new operations "
                        + "start from", "23505");
            }
        }
        if (snapshotsDue) {
            snapshots.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        try (operations; advances; snapshots) {
            // closes all three, the first failure reported
        }
    }
}
