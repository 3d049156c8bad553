package io.pairprog.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The writes of one group commit, for any number of rooms: the new operations, the rooms' new text and
 * revision, and the snapshots due. All of it is stored or, on any failure, none of it.
 *
 * <p>On PostgreSQL the whole commit is <em>one</em> statement in autocommit mode (arrays unnested into
 * data-modifying CTEs), so it costs one round trip to the database, the commit included, whatever the
 * number of rooms. Elsewhere (the embedded H2) it is a transaction of three JDBC batches. Room by room
 * and statement by statement it once cost two or three round trips per room, and the single commit
 * thread spent its time waiting on them.
 */
public final class CommitBatch {
    /** Nothing in this statement casts data to an integer but the revision guard; see {@link #conflict}. */
    private static final String GUARD_FAILED = "22P02";

    /**
     * The statement for {@code rooms} rooms. Small values travel as arrays; each room's text is a parameter
     * of its own ({@code %s}), because an array literal is escaped by the driver and parsed again by the
     * server character by character, which made a commit of many large rooms cost milliseconds. The
     * guard's ELSE depends on the rows: a constant there would be folded, and fail, at planning.
     */
    private static final String ONE_STATEMENT = """
            WITH advanced AS (
                UPDATE rooms AS r SET code = a.code, revision = a.to_revision, updated_at = ?
                FROM unnest(?::uuid[], ?::bigint[], ?::bigint[], ARRAY[%s]::text[], ?::boolean[])
                     AS a(id, from_revision, to_revision, code, snapshot)
                WHERE r.id = a.id AND r.revision = a.from_revision
                RETURNING r.id, a.to_revision, a.code, a.snapshot
            ), logged AS (
                INSERT INTO operations (room_id, revision, client_id, client_seq, operation, created_at, author,
                                        color, restored_revision)
                SELECT o.room_id, o.revision, o.client_id, o.client_seq, o.operation, o.created_at::timestamptz,
                       o.author, o.color, o.restored_revision
                FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::bigint[])
                     AS o(room_id, revision, client_id, client_seq, operation, created_at, author, color,
                          restored_revision)
            ), snapshot AS (
                INSERT INTO snapshots (room_id, revision, code)
                SELECT id, to_revision, code FROM advanced WHERE snapshot
                ON CONFLICT DO NOTHING
            )
            SELECT CASE WHEN count(*) = ? THEN count(*) ELSE ('rooms advanced: ' || count(*))::bigint END
            FROM advanced
            """;

    private record RoomWrite(UUID roomId, List<LoggedOperation> ops, String textAfter) {
        long fromRevision() {
            return ops.get(0).revision() - 1;
        }

        long toRevision() {
            return ops.get(ops.size() - 1).revision();
        }

        boolean snapshotDue() {
            return Snapshots.crossesInterval(fromRevision(), toRevision());
        }
    }

    private final Instant at;
    private final List<RoomWrite> rooms = new ArrayList<>();

    /** @param at the rooms' new {@code updated_at} */
    public CommitBatch(Instant at) {
        this.at = at;
    }

    /**
     * Adds a room's new operations (consecutive revisions, the first one right after the room's stored
     * revision) and the text they lead to. The batch keeps {@code ops} as given, without a copy: the
     * caller hands over a list it no longer changes.
     */
    public void add(UUID roomId, List<LoggedOperation> ops, String textAfter) {
        rooms.add(new RoomWrite(roomId, ops, textAfter));
    }

    /**
     * Stores the batch. An operation already stored at its revision, or a room no longer at the revision
     * its operations start from, is a {@link StoreException.Kind#CONFLICT}: another writer got there first,
     * and nothing of the batch is stored.
     */
    public void store(Database database) {
        if (database.isPostgres()) {
            database.inAutoCommit(this::asOneStatement);
        } else {
            database.inTransaction(this::asBatches);
        }
    }

    private Void asOneStatement(Connection connection) throws SQLException {
        int n = rooms.size();
        int opCount = rooms.stream().mapToInt(r -> r.ops().size()).sum();
        Object[] ids = new Object[n];
        Object[] from = new Object[n];
        Object[] to = new Object[n];
        Object[] snapshots = new Object[n];
        Object[][] ops = new Object[9][opCount];
        int o = 0;
        for (int i = 0; i < n; i++) {
            RoomWrite room = rooms.get(i);
            ids[i] = room.roomId();
            from[i] = room.fromRevision();
            to[i] = room.toRevision();
            snapshots[i] = room.snapshotDue();
            for (LoggedOperation op : room.ops()) {
                ops[0][o] = room.roomId();
                ops[1][o] = op.revision();
                ops[2][o] = op.clientId();
                ops[3][o] = op.clientSeq();
                ops[4][o] = OperationLog.toJson(op.operation());
                ops[5][o] = op.createdAt().toString();
                ops[6][o] = op.author().name();
                ops[7][o] = op.author().color();
                ops[8][o] = op.author().restoredRevision();
                o++;
            }
        }
        String[] opTypes = {"uuid", "int8", "text", "int8", "text", "text", "text", "text", "int8"};
        String sql = ONE_STATEMENT.formatted(String.join(", ", Collections.nCopies(n, "?")));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int p = 1;
            statement.setObject(p++, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            statement.setArray(p++, connection.createArrayOf("uuid", ids));
            statement.setArray(p++, connection.createArrayOf("int8", from));
            statement.setArray(p++, connection.createArrayOf("int8", to));
            for (RoomWrite room : rooms) {
                statement.setString(p++, room.textAfter());
            }
            statement.setArray(p++, connection.createArrayOf("bool", snapshots));
            for (int column = 0; column < ops.length; column++) {
                statement.setArray(p++, connection.createArrayOf(opTypes[column], ops[column]));
            }
            statement.setLong(p, n);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
            }
        } catch (SQLException e) {
            throw GUARD_FAILED.equals(e.getSQLState()) ? conflict("a room", e) : e;
        }
        return null;
    }

    private Void asBatches(Connection connection) throws SQLException {
        try (PreparedStatement operations = connection.prepareStatement(OperationLog.INSERT);
             PreparedStatement advances = connection.prepareStatement(RoomStore.ADVANCE);
             PreparedStatement snapshots = connection.prepareStatement(Snapshots.INSERT)) {
            boolean snapshotsDue = false;
            for (RoomWrite room : rooms) {
                for (LoggedOperation op : room.ops()) {
                    OperationLog.bindInsert(operations, room.roomId(), op);
                    operations.addBatch();
                }
                RoomStore.bindAdvance(advances, room.roomId(), room.fromRevision(), room.toRevision(),
                        room.textAfter(), at);
                advances.addBatch();
                if (room.snapshotDue()) {
                    Snapshots.bind(snapshots, room.roomId(), room.toRevision(), room.textAfter());
                    snapshots.addBatch();
                    snapshotsDue = true;
                }
            }
            operations.executeBatch();
            int[] rows = advances.executeBatch();
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] == 0) {
                    throw conflict("room " + rooms.get(i).roomId(), null);
                }
            }
            if (snapshotsDue) {
                snapshots.executeBatch();
            }
        }
        return null;
    }

    /** A room was not at the revision its operations start from: reported like a duplicate key (23505). */
    private static SQLException conflict(String room, SQLException cause) {
        return new SQLException(room + " is no longer at the revision its new operations start from", "23505", cause);
    }
}
