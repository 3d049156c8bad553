package io.pairprog.server.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code snapshots} table: a room's text at some revisions, so that the text at any revision is a
 * snapshot plus a bounded number of operations, however long the history.
 */
public final class Snapshots {
    /** A snapshot is taken when a room's revision crosses a multiple of this. */
    public static final int INTERVAL = 100;

    private final Database database;

    public Snapshots(Database database) {
        this.database = database;
    }

    /** The text at {@code revision}. */
    public record Snapshot(long revision, String code) {
        public static final Snapshot EMPTY = new Snapshot(0, "");
    }

    /** True if moving a room from {@code fromRevision} to {@code toRevision} crosses a snapshot boundary. */
    public static boolean crossesInterval(long fromRevision, long toRevision) {
        return fromRevision / INTERVAL != toRevision / INTERVAL;
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
