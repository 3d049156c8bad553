package io.pairprog.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.OperationSerializer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code operations} table: every revision of every room, in the ot.js wire form. */
public final class OperationLog {
    /**
     * Writes operations straight from their components, as on the wire; shared with {@link CommitBatch},
     * which writes many values into one generator and flushes once, at its end.
     */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(OperationSerializer.module())
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private static final TypeReference<List<Object>> WIRE = new TypeReference<>() {
    };

    private final Database database;

    public OperationLog(Database database) {
        this.database = database;
    }

    static final String INSERT = """
            INSERT INTO operations (room_id, revision, client_id, client_seq, operation, created_at, author, color,
                                    restored_revision, inserted, deleted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** Sets {@link #INSERT}'s parameters for one operation of a room. */
    static void bindInsert(PreparedStatement statement, UUID roomId, LoggedOperation op) throws SQLException {
        statement.setObject(1, roomId);
        statement.setLong(2, op.revision());
        statement.setString(3, op.clientId());
        statement.setLong(4, op.clientSeq());
        statement.setString(5, toJson(op.operation()));
        statement.setObject(6, OffsetDateTime.ofInstant(op.createdAt(), ZoneOffset.UTC));
        statement.setString(7, op.author().name());
        statement.setString(8, op.author().color());
        statement.setObject(9, op.author().restoredRevision(), Types.BIGINT);
        statement.setLong(10, OperationSize.inserted(op.operation()));
        statement.setLong(11, OperationSize.deleted(op.operation()));
    }

    private static final String RANGE = """
            SELECT revision, client_id, client_seq, operation, created_at, author, color, restored_revision
            FROM operations WHERE room_id = ? AND revision > ? AND revision <= ?
            ORDER BY revision
            """;

    /** The operations that turn revision {@code after} into revision {@code upTo}, in order. */
    public List<LoggedOperation> range(UUID roomId, long after, long upTo) {
        return database.query(RANGE, statement -> {
            statement.setObject(1, roomId);
            statement.setLong(2, after);
            statement.setLong(3, upTo);
        }, OperationLog::read);
    }

    private static final String PAGE = """
            SELECT revision, client_id, client_seq, operation, created_at, author, color, restored_revision
            FROM (SELECT o.*, SUM(LENGTH(o.operation)) OVER (ORDER BY o.revision) AS running
                  FROM (SELECT * FROM operations WHERE room_id = ? AND revision > ? AND revision <= ?
                        ORDER BY revision LIMIT ?) o) p
            WHERE p.running - LENGTH(p.operation) < ?
            ORDER BY revision
            """;

    /**
     * The operations (after, upTo], in order, but only as many as fit {@code maxOps} and, together,
     * {@code maxChars} of stored text (always at least one): a reader of a long log holds one such page
     * at a time, whatever the size of the operations in it.
     */
    public List<LoggedOperation> page(UUID roomId, long after, long upTo, int maxOps, long maxChars) {
        return database.query(PAGE, statement -> {
            statement.setObject(1, roomId);
            statement.setLong(2, after);
            statement.setLong(3, upTo);
            statement.setInt(4, maxOps);
            statement.setLong(5, maxChars);
        }, OperationLog::read);
    }

    /** Sizes of operations stored before they were kept in columns are read from the operation itself. */
    private static final String NEWEST_BEFORE = """
            SELECT revision, client_id, created_at, author, color, restored_revision, inserted, deleted,
                   CASE WHEN inserted IS NULL OR deleted IS NULL THEN operation END AS legacy_operation
            FROM operations WHERE room_id = ? AND revision < ?
            ORDER BY revision DESC LIMIT ?
            """;

    /**
     * At most {@code limit} revisions below {@code before}, newest first (history reads backwards), as
     * summaries: the operations themselves are not read.
     */
    public List<EditSummary> newestBefore(UUID roomId, long before, int limit) {
        return database.query(NEWEST_BEFORE, statement -> {
            statement.setObject(1, roomId);
            statement.setLong(2, before);
            statement.setInt(3, limit);
        }, OperationLog::readSummary);
    }

    private static EditSummary readSummary(ResultSet row) throws SQLException {
        long restored = row.getLong("restored_revision");
        Long restoredRevision = row.wasNull() ? null : restored;
        long inserted = row.getLong("inserted");
        long deleted = row.getLong("deleted");
        String legacy = row.getString("legacy_operation");
        if (legacy != null) {
            TextOperation op = fromJson(legacy);
            inserted = OperationSize.inserted(op);
            deleted = OperationSize.deleted(op);
        }
        return new EditSummary(row.getLong("revision"), row.getString("client_id"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                new Authorship(row.getString("author"), row.getString("color"), restoredRevision), inserted, deleted);
    }

    private static LoggedOperation read(ResultSet row) throws SQLException {
        long restored = row.getLong("restored_revision");
        Long restoredRevision = row.wasNull() ? null : restored;
        return new LoggedOperation(
                row.getLong("revision"),
                row.getString("client_id"),
                row.getLong("client_seq"),
                fromJson(row.getString("operation")),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                new Authorship(row.getString("author"), row.getString("color"), restoredRevision));
    }

    private static final String LAST_SEQUENCES = """
            SELECT client_id, MAX(client_seq) AS client_seq, MAX(revision) AS revision FROM operations
            WHERE room_id = ? GROUP BY client_id
            """;

    /**
     * The same on PostgreSQL, without reading every operation of the room: a walk over the unique index
     * (room_id, client_id, client_seq) that jumps from one client to the next and takes each one's last
     * entry, so loading a room to join it costs a few index probes per client, not a scan of its whole log.
     */
    private static final String LAST_SEQUENCES_BY_INDEX = """
            WITH RECURSIVE clients(client_id) AS (
                (SELECT client_id FROM operations WHERE room_id = ? ORDER BY client_id LIMIT 1)
                UNION ALL
                SELECT (SELECT o.client_id FROM operations o
                        WHERE o.room_id = ? AND o.client_id > c.client_id ORDER BY o.client_id LIMIT 1)
                FROM clients c WHERE c.client_id IS NOT NULL
            )
            SELECT c.client_id, last.client_seq, last.revision
            FROM clients c CROSS JOIN LATERAL (
                SELECT o.client_seq, o.revision FROM operations o
                WHERE o.room_id = ? AND o.client_id = c.client_id ORDER BY o.client_seq DESC LIMIT 1
            ) last
            """;

    /**
     * For each client that ever edited the room, its highest sequence number and the revision that edit
     * became. Sequence numbers only grow with revisions, so the two maxima belong to the same edit.
     */
    public Map<String, ClientProgress> lastSequences(UUID roomId) {
        Map<String, ClientProgress> result = new HashMap<>();
        boolean byIndex = database.isPostgres();
        database.query(byIndex ? LAST_SEQUENCES_BY_INDEX : LAST_SEQUENCES, statement -> {
            for (int i = 1; i <= (byIndex ? 3 : 1); i++) {
                statement.setObject(i, roomId);
            }
        }, row -> result.put(row.getString("client_id"),
                new ClientProgress(row.getLong("client_seq"), row.getLong("revision"))));
        return result;
    }

    /** The last edit a client had accepted: its sequence number and the revision it became. */
    public record ClientProgress(long clientSeq, long revision) {
    }

    static String toJson(TextOperation op) {
        try {
            return JSON.writeValueAsString(op);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an operation always serialises", e);
        }
    }

    static TextOperation fromJson(String json) {
        try {
            return TextOperation.fromWire(JSON.readValue(json, WIRE));
        } catch (JsonProcessingException e) {
            throw new StoreException("stored operation is not valid JSON", e);
        }
    }
}
