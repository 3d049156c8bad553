package io.pairprog.server.store;

import java.time.Instant;
import java.util.UUID;

/** A room as stored: its current text at {@code revision}. */
public record RoomRecord(UUID id, String code, long revision, String language, Instant updatedAt) {

    static final SqlWork.RowMapper<RoomRecord> MAPPER = row -> new RoomRecord(
            row.getObject("id", UUID.class),
            row.getString("code"),
            row.getLong("revision"),
            row.getString("language"),
            row.getObject("updated_at", java.time.OffsetDateTime.class).toInstant());
}
