package io.pairprog.server.store;

import io.pairprog.protocol.FileTypes;
import java.sql.Connection;
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
            INSERT INTO rooms (id, revision, language, created_at, updated_at, view_id, project_id, text_length)
            VALUES (?, 0, ?, ?, ?, ?, ?, 0)
            """;
    private static final String INSERT_MAIN_FILE = "INSERT INTO room_files (room_id, path, document_id) VALUES (?, ?, ?)";

    /** A new, empty room, holding one file: its main file, named after {@code language}. */
    public RoomRecord create(String language) {
        UUID id = UUID.randomUUID();
        String viewId = ViewIds.random();
        OffsetDateTime now = now();
        database.inTransaction(connection -> {
            insert(connection, id, language, now, viewId, null);
            try (PreparedStatement statement = connection.prepareStatement(INSERT_MAIN_FILE)) {
                statement.setObject(1, id);
                statement.setString(2, FileTypes.mainFileName(language));
                statement.setObject(3, id);
                statement.executeUpdate();
            }
            return null;
        });
        return new RoomRecord(id, "", 0, language, now.toInstant(), viewId);
    }

    /**
     * A new, empty document for a file of {@code project}, written on {@code connection} (the caller's
     * transaction also adds it to the tree). It has no view link: it is reached only through its room.
     */
    static void insertDocument(Connection connection, UUID document, UUID project, String language, Instant at)
            throws SQLException {
        insert(connection, document, language, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), null, project);
    }

    private static void insert(Connection connection, UUID id, String language, OffsetDateTime now, String viewId,
                               UUID project) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setObject(1, id);
            statement.setString(2, language);
            statement.setObject(3, now);
            statement.setObject(4, now);
            statement.setString(5, viewId);
            statement.setObject(6, project);
            statement.executeUpdate();
        }
    }

    private static final String FIND = """
            SELECT revision, language, updated_at, view_id, stored_chars, project_id FROM rooms WHERE id = ?
            """;

    /**
     * The room with its current text: its latest snapshot plus the operations after it. Empty for the
     * document of a file other than the main one: those are reached through their room ({@link #findDocument}).
     */
    public Optional<RoomRecord> find(UUID id) {
        return describe(id).map(this::withText);
    }

    /** The document {@code document} of a file of room {@code room}, with its current text; empty if it is none. */
    public Optional<RoomRecord> findDocument(UUID room, UUID document) {
        return describeDocument(room, document).map(this::withText);
    }

    private RoomRecord withText(RoomRecord room) {
        RoomTexts.Replayed current = texts.replay(room.id(), room.revision());
        return new RoomRecord(room.id(), current.text(), room.revision(), room.language(), room.updatedAt(),
                room.viewId(), current.sinceSnapshot(), room.storedChars());
    }

    /** The room without its text (which is null here): one row, for a caller that needs no more. */
    public Optional<RoomRecord> describe(UUID id) {
        return describeAny(id).filter(found -> found.project() == null).map(Described::room);
    }

    /** The same for a document of room {@code room}'s files; the main file's is the room itself. */
    public Optional<RoomRecord> describeDocument(UUID room, UUID document) {
        return describeAny(document).filter(found -> document.equals(room) ? found.project() == null
                : room.equals(found.project())).map(Described::room);
    }

    private record Described(RoomRecord room, UUID project) {
    }

    private Optional<Described> describeAny(UUID id) {
        return database.queryOne(FIND, statement -> statement.setObject(1, id), row -> new Described(
                new RoomRecord(id, null, row.getLong("revision"), row.getString("language"),
                        row.getObject("updated_at", OffsetDateTime.class).toInstant(), row.getString("view_id"), 0,
                        row.getLong("stored_chars")), row.getObject("project_id", UUID.class)));
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
            UPDATE rooms SET revision = ?, updated_at = ?, stored_chars = stored_chars + ?, text_length = ?
            WHERE id = ? AND revision = ?
            """;

    /**
     * Sets {@link #ADVANCE}'s parameters: the room moves from {@code fromRevision} to {@code toRevision}
     * and stores {@code addedChars} more; its text is then {@code textLength} long.
     */
    static void bindAdvance(PreparedStatement statement, UUID id, long fromRevision, long toRevision, Instant at,
                            long addedChars, long textLength) throws SQLException {
        statement.setLong(1, toRevision);
        statement.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        statement.setLong(3, addedChars);
        statement.setLong(4, textLength);
        statement.setObject(5, id);
        statement.setLong(6, fromRevision);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
