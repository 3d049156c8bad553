package io.pairprog.server.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A room as stored: its current text at {@code revision}. {@code viewId} is the room's view-only key;
 * null only for a room created before view links existed that nobody has asked for one yet.
 *
 * @param sinceSnapshot the weight of the operations after the room's latest snapshot ({@link OperationSize#stored})
 * @param storedChars what the room's operations and snapshots take in the store, for its quota
 */
public record RoomRecord(UUID id, String code, long revision, String language, Instant updatedAt, String viewId,
                         long sinceSnapshot, long storedChars) {

    public RoomRecord(UUID id, String code, long revision, String language, Instant updatedAt, String viewId) {
        this(id, code, revision, language, updatedAt, viewId, 0, 0);
    }
}
