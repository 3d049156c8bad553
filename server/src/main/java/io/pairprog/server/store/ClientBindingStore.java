package io.pairprog.server.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The {@code client_bindings} table: which resume token (by its hash) owns a client id in a room. */
public final class ClientBindingStore {
    private final Database database;

    public ClientBindingStore(Database database) {
        this.database = database;
    }

    private static final String FIND = """
            SELECT token_hash FROM client_bindings WHERE room_id = ? AND client_id = ?
            """;

    public Optional<String> tokenHashOf(UUID roomId, String clientId) {
        return database.queryOne(FIND, statement -> {
            statement.setObject(1, roomId);
            statement.setString(2, clientId);
        }, row -> row.getString("token_hash"));
    }

    // The first writer wins; a second one (another connection, another server) learns it lost.
    private static final String BIND = """
            INSERT INTO client_bindings (room_id, client_id, token_hash, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    /** Binds the client id to the token's hash; false if it was bound already. */
    public boolean bind(UUID roomId, String clientId, String tokenHash) {
        return database.update(BIND, statement -> {
            statement.setObject(1, roomId);
            statement.setString(2, clientId);
            statement.setString(3, tokenHash);
            statement.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
        }) == 1;
    }
}
