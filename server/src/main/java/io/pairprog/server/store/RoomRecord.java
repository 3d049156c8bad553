package io.pairprog.server.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A room as stored: its current text at {@code revision}. {@code viewId} is the room's view-only key;
 * null only for a room created before view links existed that nobody has asked for one yet.
 */
public record RoomRecord(UUID id, String code, long revision, String language, Instant updatedAt, String viewId) {
}
