package io.pairprog.server.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A room as stored: its current text at {@code revision}. {@code viewId} is the room's view-only key;
 * null only for a room created before view links existed that nobody has asked for one yet.
 */
public record RoomRecord(UUID id, String code, long revision, String language, Instant updatedAt, String viewId) {

    static final SqlWork.RowMapper<RoomRecord> MAPPER = row -> new RoomRecord(
            row.getObject("id", UUID.class),
            row.getString("code"),
            row.getLong("revision"),
            row.getString("language"),
            row.getObject("updated_at", java.time.OffsetDateTime.class).toInstant(),
            row.getString("view_id"));
}
