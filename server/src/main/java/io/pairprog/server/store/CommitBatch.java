package io.pairprog.server.store;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writes of one group commit, for any number of rooms: the new operations, the rooms' new revision,
 * and the snapshots due (a room's text is stored only there: its current text is its latest snapshot plus
 * the operations after it). All of it is stored or, on any failure, none of it.
 *
 * <p>On PostgreSQL the whole commit is <em>one</em> statement in autocommit mode (JSON row sets fed into
 * data-modifying CTEs), so it costs one round trip to the database, the commit included, whatever the
 * number of rooms: the single commit thread would otherwise spend its time waiting on round trips.
 * Elsewhere (the embedded H2) it is a transaction of three JDBC batches. Measurements: docs/performance.md.
 */
public final class CommitBatch {
    /** Nothing in this statement casts data to an integer but the revision guard; see {@link #conflict}. */
    private static final String GUARD_FAILED = "22P02";

    /**
     * The statement for {@code rooms} rooms. The rooms' revisions and the operations travel as two JSON
     * arrays of rows, written by Jackson in one pass (JDBC arrays, one per column, cost the driver far more
     * per commit); the text of each room that is due a snapshot is a parameter of its own ({@code %s}, null
     * for the others), joined to its row by position, so that no large text is escaped into an array. The
     * operation is declared {@code json} so that it is embedded as it is, not escaped as a string, and
     * stored as that text. The guard's ELSE depends on the rows: a constant there would be folded, and
     * fail, at planning.
     */
    private static final String ONE_STATEMENT = """
            WITH input AS (
                SELECT a.id, a.from_revision, a.to_revision, a.added, a.length, a.lease, t.code
                FROM json_to_recordset(?::json)
                         AS a(i bigint, id uuid, from_revision bigint, to_revision bigint, added bigint, length bigint,
                              lease bigint)
                JOIN unnest(ARRAY[%s]::text[]) WITH ORDINALITY AS t(code, i) USING (i)
            ), advanced AS (
                UPDATE rooms AS r SET revision = a.to_revision, updated_at = ?, stored_chars = r.stored_chars + a.added,
                                      text_length = a.length
                FROM input AS a
                WHERE r.id = a.id AND r.revision = a.from_revision
                  AND (a.lease IS NULL
                       OR EXISTS (SELECT 1 FROM room_leases l
                                  WHERE l.room_id = COALESCE(r.project_id, r.id) AND l.epoch = a.lease))
                RETURNING r.id, a.to_revision, a.code
            ), logged AS (
                INSERT INTO operations (room_id, revision, client_id, client_seq, operation, created_at, author,
                                        color, restored_revision, inserted, deleted)
                SELECT room_id, revision, client_id, client_seq, operation::text, created_at, author, color,
                       restored_revision, inserted, deleted
                FROM json_to_recordset(?::json)
                         AS o(room_id uuid, revision bigint, client_id text, client_seq bigint, operation json,
                              created_at timestamptz, author text, color text, restored_revision bigint,
                              inserted bigint, deleted bigint)
            ), snapshot AS (
                INSERT INTO snapshots (room_id, revision, code)
                SELECT id, to_revision, code FROM advanced WHERE code IS NOT NULL
                ON CONFLICT DO NOTHING
            )
            SELECT CASE WHEN count(*) = ? THEN count(*) ELSE ('rooms advanced: ' || count(*))::bigint END
            FROM advanced
            """;

    /** Statements for up to this many rooms are built once; a larger batch is rare and builds its own. */
    private static final int SHARED_STATEMENTS = 64;
    private static final Map<Integer, String> STATEMENTS = new ConcurrentHashMap<>();

    private record RoomWrite(UUID roomId, Long lease, List<LoggedOperation> ops, String textAfter,
                             boolean snapshotDue) {
        long fromRevision() {
            return ops.get(0).revision() - 1;
        }

        long toRevision() {
            return ops.get(ops.size() - 1).revision();
        }

        /** What the room stores more: its operations, and its text when a snapshot is due. */
        long addedChars() {
            long added = snapshotDue ? textAfter.length() : 0;
            for (LoggedOperation op : ops) {
                added += OperationSize.stored(op.operation());
            }
            return added;
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
    public void add(UUID roomId, List<LoggedOperation> ops, String textAfter, boolean snapshotDue) {
        add(roomId, null, ops, textAfter, snapshotDue);
    }

    /**
     * The same, fenced: stored only while the room's lease ({@link RoomLeases}) still has epoch
     * {@code lease}, else the whole batch is a {@link StoreException.Kind#CONFLICT} like a lost revision race.
     * Null stores unfenced (a single node on the embedded store, which no other process can open).
     */
    public void add(UUID roomId, Long lease, List<LoggedOperation> ops, String textAfter, boolean snapshotDue) {
        rooms.add(new RoomWrite(roomId, lease, ops, textAfter, snapshotDue));
    }

    /** The same, with a snapshot when these operations alone call for one (the room's own count starts here). */
    public void add(UUID roomId, List<LoggedOperation> ops, String textAfter) {
        long weight = 0;
        for (LoggedOperation op : ops) {
            weight += OperationSize.stored(op.operation());
        }
        add(roomId, ops, textAfter, Snapshots.due(weight, textAfter.length()));
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
        try (PreparedStatement statement = connection.prepareStatement(statementFor(n))) {
            int p = 1;
            statement.setString(p++, json(120 * n, this::writeRooms));
            for (RoomWrite room : rooms) {
                statement.setString(p++, room.snapshotDue() ? room.textAfter() : null);
            }
            statement.setObject(p++, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            // A room's part of a batch is usually one keystroke; the writer grows if it is more.
            statement.setString(p++, json(200 * n, this::writeOperations));
            statement.setLong(p, n);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
            }
        } catch (SQLException e) {
            throw GUARD_FAILED.equals(e.getSQLState()) ? conflict("a room", e) : e;
        }
        return null;
    }

    /** Formatting the statement per commit is a large part of what a commit allocates: shared when it can be. */
    private static String statementFor(int rooms) {
        return rooms <= SHARED_STATEMENTS
                ? STATEMENTS.computeIfAbsent(rooms, CommitBatch::oneStatement)
                : oneStatement(rooms);
    }

    private static String oneStatement(int rooms) {
        return ONE_STATEMENT.formatted(String.join(", ", Collections.nCopies(rooms, "?")));
    }

    /** Rows of {@code input}; {@code i} is the position of the room's text among the parameters, from 1. */
    private void writeRooms(JsonGenerator json) throws IOException {
        json.writeStartArray();
        for (int i = 0; i < rooms.size(); i++) {
            RoomWrite room = rooms.get(i);
            json.writeStartObject();
            json.writeNumberField("i", i + 1);
            json.writeStringField("id", room.roomId().toString());
            json.writeNumberField("from_revision", room.fromRevision());
            json.writeNumberField("to_revision", room.toRevision());
            json.writeNumberField("added", room.addedChars());
            json.writeNumberField("length", room.textAfter().length());
            json.writeObjectField("lease", room.lease());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeOperations(JsonGenerator json) throws IOException {
        json.writeStartArray();
        for (RoomWrite room : rooms) {
            String roomId = room.roomId().toString();
            for (LoggedOperation op : room.ops()) {
                json.writeStartObject();
                json.writeStringField("room_id", roomId);
                json.writeNumberField("revision", op.revision());
                json.writeStringField("client_id", op.clientId());
                json.writeNumberField("client_seq", op.clientSeq());
                json.writeObjectField("operation", op.operation());
                json.writeStringField("created_at", op.createdAt().toString());
                json.writeStringField("author", op.author().name());
                json.writeStringField("color", op.author().color());
                json.writeObjectField("restored_revision", op.author().restoredRevision());
                json.writeNumberField("inserted", OperationSize.inserted(op.operation()));
                json.writeNumberField("deleted", OperationSize.deleted(op.operation()));
                json.writeEndObject();
            }
        }
        json.writeEndArray();
    }

    private interface JsonWriting {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private static String json(int expectedLength, JsonWriting writing) {
        StringWriter out = new StringWriter(expectedLength);
        try (JsonGenerator json = OperationLog.JSON.createGenerator(out)) {
            writing.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string", e);
        }
        return out.toString();
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
                RoomStore.bindAdvance(advances, room.roomId(), room.fromRevision(), room.toRevision(), at,
                        room.addedChars(), room.textAfter().length());
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
