package io.pairprog.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A room's file tree ({@code room_files}) and its changes ({@code file_changes}). Each file's text is a
 * document of its own in {@code rooms}, stored and read like a room's ({@link RoomStore#findDocument}).
 * Changes are written together in one transaction, fenced like commits: while the room's lease still has
 * the epoch the caller serves it under, else not at all.
 */
public final class RoomFileStore {
    private final Database database;
    private final RoomTexts texts;

    public RoomFileStore(Database database) {
        this.database = database;
        this.texts = new RoomTexts(database);
    }

    /** A file of the tree as stored: its path, its document, and that document's revision and length. */
    public record StoredFile(String path, UUID document, long revision, long length) {
    }

    /** One change of the tree; {@code path} is the path after it ({@code oldPath} the one before a move), or before a delete. */
    public record Change(Kind kind, UUID document, String path, String oldPath, String language, String author,
                         Instant at) {
        public enum Kind { CREATED, MOVED, DELETED }

        public static Change created(UUID document, String path, String language, String author, Instant at) {
            return new Change(Kind.CREATED, document, path, null, language, author, at);
        }

        public static Change moved(UUID document, String from, String to, String author, Instant at) {
            return new Change(Kind.MOVED, document, to, from, null, author, at);
        }

        public static Change deleted(UUID document, String path, String author, Instant at) {
            return new Change(Kind.DELETED, document, path, null, null, author, at);
        }
    }

    private static final String TREE = """
            SELECT f.path, f.document_id, r.revision, r.text_length
            FROM room_files f JOIN rooms r ON r.id = f.document_id
            WHERE f.room_id = ? ORDER BY f.path
            """;

    /** The room's files now, by path; a text stored before lengths were kept is read to learn its length. */
    public List<StoredFile> tree(UUID room) {
        return tree(room, null, 0);
    }

    /**
     * The same when the caller holds the text of {@code known}, {@code knownLength} long (a room being
     * loaded, its main file's): its length is taken from there, not read, and kept for later.
     */
    public List<StoredFile> tree(UUID room, UUID known, long knownLength) {
        List<StoredFile> files = new ArrayList<>();
        boolean learned = false;
        for (StoredFile file : database.query(TREE, statement -> statement.setObject(1, room), row -> {
            long length = row.getLong("text_length");
            boolean unknown = row.wasNull(); // stored before lengths were kept
            return new StoredFile(row.getString("path"), row.getObject("document_id", UUID.class),
                    row.getLong("revision"), unknown ? -1 : length);
        })) {
            if (file.length() >= 0) {
                files.add(file);
            } else {
                learned |= file.document().equals(known);
                long length = file.document().equals(known) ? knownLength
                        : texts.replay(file.document(), file.revision()).text().length();
                files.add(new StoredFile(file.path(), file.document(), file.revision(), length));
            }
        }
        if (learned) {
            database.update(KEEP_LENGTH, statement -> {
                statement.setLong(1, knownLength);
                statement.setObject(2, known);
            });
        }
        return files;
    }

    private static final String KEEP_LENGTH = "UPDATE rooms SET text_length = ? WHERE id = ? AND text_length IS NULL";

    /** Where a file's text is: its document and that document's stored revision. */
    public record Located(UUID document, long revision) {
    }

    private static final String FIND = """
            SELECT f.document_id, r.revision FROM room_files f JOIN rooms r ON r.id = f.document_id
            WHERE f.room_id = ? AND f.path = ?
            """;

    /** The file at {@code path}, if the room has one. */
    public Optional<Located> find(UUID room, String path) {
        return database.queryOne(FIND, statement -> {
            statement.setObject(1, room);
            statement.setString(2, path);
        }, row -> new Located(row.getObject("document_id", UUID.class), row.getLong("revision")));
    }

    private static final String LAST_CHANGE = "SELECT COALESCE(MAX(seq), 0) AS seq FROM file_changes WHERE room_id = ?";

    /** How many changes the tree has had: the sequence number of the last one, 0 for none. */
    public long changes(UUID room) {
        return database.queryOne(LAST_CHANGE, statement -> statement.setObject(1, room), row -> row.getLong("seq"))
                .orElse(0L);
    }

    private static final String FENCE = "SELECT 1 FROM room_leases WHERE room_id = ? AND epoch = ? FOR SHARE";
    private static final String INSERT_FILE = "INSERT INTO room_files (room_id, path, document_id) VALUES (?, ?, ?)";
    private static final String MOVE_FILE = "UPDATE room_files SET path = ? WHERE room_id = ? AND document_id = ?";
    private static final String DELETE_FILE = "DELETE FROM room_files WHERE room_id = ? AND document_id = ?";
    private static final String INSERT_CHANGE = """
            INSERT INTO file_changes (room_id, seq, kind, document_id, path, old_path, author, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /**
     * Stores {@code changes}, numbered from {@code firstSeq} on, in one transaction: all or nothing. With a
     * {@code lease}, only while the room's lease still has that epoch (the row is locked until the end, so
     * no other node can take the room half-way); otherwise, or when a path or number is taken, a
     * {@link StoreException.Kind#CONFLICT}.
     */
    public void apply(UUID room, Long lease, long firstSeq, List<Change> changes) {
        database.inTransaction(connection -> {
            if (lease != null) {
                fence(connection, room, lease);
            }
            // Moves first free every old path, so that a batch may swap or shift paths.
            for (Change change : changes) {
                if (change.kind() == Change.Kind.MOVED) {
                    update(connection, MOVE_FILE, "\u0001moving/" + change.document(), room, change.document());
                }
            }
            long seq = firstSeq;
            for (Change change : changes) {
                switch (change.kind()) {
                    case CREATED -> {
                        RoomStore.insertDocument(connection, change.document(), room, change.language(), change.at());
                        update(connection, INSERT_FILE, room, change.path(), change.document());
                    }
                    case MOVED -> update(connection, MOVE_FILE, change.path(), room, change.document());
                    case DELETED -> update(connection, DELETE_FILE, room, change.document());
                }
                update(connection, INSERT_CHANGE, room, seq++, change.kind().name().toLowerCase(), change.document(),
                        change.path(), change.oldPath(), change.author(),
                        OffsetDateTime.ofInstant(change.at(), ZoneOffset.UTC));
            }
            return null;
        });
    }

    private static void fence(Connection connection, UUID room, long lease) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FENCE)) {
            statement.setObject(1, room);
            statement.setLong(2, lease);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("room " + room + " is no longer served under lease " + lease, "23505");
                }
            }
        }
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
