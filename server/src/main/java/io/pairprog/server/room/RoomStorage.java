package io.pairprog.server.room;

import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.OperationLog;
import io.pairprog.server.store.RoomStore;
import java.util.List;
import java.util.UUID;

/** What a room reads from or writes to the store outside the group commit. */
public interface RoomStorage {
    /** The stored operations (after, upTo] of a room, in revision order. */
    List<LoggedOperation> range(UUID roomId, long after, long upTo);

    /** Stores a room's new language. */
    void saveLanguage(UUID roomId, String language);

    /** The store behind the rooms: the operation log and the rooms table. */
    static RoomStorage of(RoomStore rooms, OperationLog log) {
        return new RoomStorage() {
            @Override
            public List<LoggedOperation> range(UUID roomId, long after, long upTo) {
                return log.range(roomId, after, upTo);
            }

            @Override
            public void saveLanguage(UUID roomId, String language) {
                rooms.setLanguage(roomId, language);
            }
        };
    }
}
