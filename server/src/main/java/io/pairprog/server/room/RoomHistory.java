package io.pairprog.server.room;

import io.pairprog.server.store.LoggedOperation;
import java.util.List;
import java.util.UUID;

/** Where a room reads back operations older than those it keeps in memory: the operation log. */
@FunctionalInterface
public interface RoomHistory {
    /** The stored operations (after, upTo] of a room, in revision order. */
    List<LoggedOperation> range(UUID roomId, long after, long upTo);
}
