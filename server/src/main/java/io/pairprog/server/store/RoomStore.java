package io.pairprog.server.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code rooms} table: creating rooms, advancing their revision, and reading their current text, which
 * is the latest snapshot plus the operations after it (a commit writes a room's text only when a snapshot
 * is due, not at every keystroke).
 */
public final class RoomStore {
    private final Database database;
    private final RoomTexts texts;

    public RoomStore(Database database) {
        this.database = database;
        this.texts = new RoomTexts(database);
    }

    private static final String INSERT = """
            INSERT INTO rooms (id, revision, language, created_at, updated_at, view_id)
            VALUES (?, 0, ?, ?, ?, ?)
            """;

    public RoomRecord create(String language) {
        UUID id = UUID.randomUUID();
        String viewId = ViewIds.random();
        OffsetDateTime now = now();
        database.update(INSERT, statement -> {
            statement.setObject(1, id);
            statement.setString(2, language);
            statement.setObject(3, now);
            statement.setObject(4, now);
            statement.setString(5, viewId);
        });
        return new RoomRecord(id, "", 0, language, now.toInstant(), viewId);
    }

    private static final String FIND = """
            SELECT revision, language, updated_at, view_id, stored_chars FROM rooms WHERE id = ?
            """;

    /** The room with its current text: its latest snapshot plus the operations after it. */
    public Optional<RoomRecord> find(UUID id) {
        return describe(id).map(room -> {
            RoomTexts.Replayed current = texts.replay(id, room.revision());
            return new RoomRecord(id, current.text(), room.revision(), room.language(), room.updatedAt(),
                    room.viewId(), current.sinceSnapshot(), room.storedChars());
        });
    }

    /** The room without its text (which is null here): one row, for a caller that needs no more. */
    public Optional<RoomRecord> describe(UUID id) {
        return database.queryOne(FIND, statement -> statement.setObject(1, id), row -> new RoomRecord(id, null,
                row.getLong("revision"), row.getString("language"),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(), row.getString("view_id"), 0,
                row.getLong("stored_chars")));
    }

    private static final String HEADS = "SELECT id, revision FROM rooms WHERE id = ANY(?)";

    /** The stored revision of each of {@code ids} that exists: one query, however many rooms. */
    public Map<UUID, Long> revisions(Set<UUID> ids) {
        Map<UUID, Long> heads = new HashMap<>();
        database.inAutoCommit(connection -> Database.query(connection, HEADS,
                statement -> statement.setArray(1, connection.createArrayOf("uuid", ids.toArray())),
                row -> heads.put(row.getObject("id", UUID.class), row.getLong("revision"))));
        return heads;
    }

    /** The room's text at {@code revision}, which must not be beyond its stored one. */
    public String textAt(UUID id, long revision) {
        return texts.textAt(id, revision);
    }

    private static final String FIND_BY_VIEW = """
            SELECT id FROM rooms WHERE view_id = ?
            """;

    /** The room a view-only key belongs to. */
    public Optional<UUID> findByViewId(String viewId) {
        return database.queryOne(FIND_BY_VIEW, statement -> statement.setString(1, viewId),
                row -> row.getObject("id", UUID.class));
    }

    private static final String ASSIGN_VIEW = """
            UPDATE rooms SET view_id = ? WHERE id = ? AND view_id IS NULL
            """;

    /**
     * The room's view-only key, giving one to a room created before view links existed. Two servers
     * racing here both end up with the key the first one stored.
     */
    public Optional<String> viewIdOf(RoomRecord room) {
        if (room.viewId() != null) {
            return Optional.of(room.viewId());
        }
        database.update(ASSIGN_VIEW, statement -> {
            statement.setString(1, ViewIds.random());
            statement.setObject(2, room.id());
        });
        return describe(room.id()).map(RoomRecord::viewId);
    }

    private static final String SET_LANGUAGE = """
            UPDATE rooms SET language = ? WHERE id = ?
            """;

    public void setLanguage(UUID id, String language) {
        database.update(SET_LANGUAGE, statement -> {
            statement.setString(1, language);
            statement.setObject(2, id);
        });
    }

    /** The revision guard turns a second writer into a conflict instead of a silent overwrite. */
    static final String ADVANCE = """
            UPDATE rooms SET revision = ?, updated_at = ?, stored_chars = stored_chars + ? WHERE id = ? AND revision = ?
            """;

    /**
     * Sets {@link #ADVANCE}'s parameters: the room moves from {@code fromRevision} to {@code toRevision}
     * and stores {@code addedChars} more.
     */
    static void bindAdvance(PreparedStatement statement, UUID id, long fromRevision, long toRevision, Instant at,
                            long addedChars) throws SQLException {
        statement.setLong(1, toRevision);
        statement.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        statement.setLong(3, addedChars);
        statement.setObject(4, id);
        statement.setLong(5, fromRevision);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
