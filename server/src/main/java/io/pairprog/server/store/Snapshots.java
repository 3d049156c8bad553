package io.pairprog.server.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code snapshots} table: a room's text at some revisions, so that the text at any revision is a
 * snapshot plus a bounded amount of operations, however long the history.
 *
 * <p>A snapshot is due once the operations since the last one weigh an eighth of the text (and at least
 * {@value #MIN_CHARS} characters, see {@link OperationSize#stored}). So what snapshots cost follows the
 * change, not the text: at most about eight times what the edits themselves take, whatever the text's
 * size; and reading any revision reads a snapshot plus at most an eighth of its size in operations.
 */
public final class Snapshots {
    /** The least weight of operations between two snapshots: small texts are not copied at every keystroke. */
    public static final long MIN_CHARS = 4096;

    private final Database database;

    public Snapshots(Database database) {
        this.database = database;
    }

    /** The text at {@code revision}. */
    public record Snapshot(long revision, String code) {
        public static final Snapshot EMPTY = new Snapshot(0, "");
    }

    /** True when operations weighing {@code sinceSnapshot} since the last snapshot call for one of this text. */
    public static boolean due(long sinceSnapshot, long textLength) {
        return sinceSnapshot >= Math.max(MIN_CHARS, textLength / 8);
    }

    // A concurrent writer of the same snapshot is harmless (same revision, same text): keep the first.
    // H2 accepts ON CONFLICT DO NOTHING in its PostgreSQL mode.
    static final String INSERT = """
            INSERT INTO snapshots (room_id, revision, code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
            """;

    /** Stores a snapshot on its own, e.g. one computed while replaying a room stored before snapshots. */
    public void save(UUID roomId, long revision, String code) {
        database.update(INSERT, statement -> bind(statement, roomId, revision, code));
    }

    static void bind(PreparedStatement statement, UUID roomId, long revision, String code)
            throws SQLException {
        statement.setObject(1, roomId);
        statement.setLong(2, revision);
        statement.setString(3, code);
    }

    private static final String LATEST = """
            SELECT revision, code FROM snapshots WHERE room_id = ? AND revision <= ?
            ORDER BY revision DESC LIMIT 1
            """;

    /** The latest snapshot at or before {@code revision}; revision 0 (the empty text) if there is none. */
    public Snapshot latestAtOrBefore(UUID roomId, long revision) {
        Optional<Snapshot> found = database.queryOne(LATEST, statement -> {
            statement.setObject(1, roomId);
            statement.setLong(2, revision);
        }, row -> new Snapshot(row.getLong("revision"), row.getString("code")));
        return found.orElse(Snapshot.EMPTY);
    }
}
