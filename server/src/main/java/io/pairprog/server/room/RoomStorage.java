package io.pairprog.server.room;

import io.pairprog.server.store.ClientBindingStore;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.OperationLog;
import io.pairprog.server.store.RoomStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a room reads from or writes to the store outside the group commit. */
public interface RoomStorage {
    /** The stored operations (after, upTo] of a room, in revision order. */
    List<LoggedOperation> range(UUID roomId, long after, long upTo);

    /**
     * The first of the stored operations (after, upTo], as many as fit {@code maxOps} and together
     * {@code maxChars} of stored text; at least one.
     */
    List<LoggedOperation> page(UUID roomId, long after, long upTo, int maxOps, long maxChars);

    /** Stores a room's new language. */
    void saveLanguage(UUID roomId, String language);

    /** The hash of the resume token that owns {@code clientId} in the room, if it is bound. */
    Optional<String> tokenHashOf(UUID roomId, String clientId);

    /** Binds {@code clientId} to a token's hash; false if another got there first. */
    boolean bind(UUID roomId, String clientId, String tokenHash);

    /** The store behind the rooms: the operation log, the rooms table and the client bindings. */
    static RoomStorage of(RoomStore rooms, OperationLog log, ClientBindingStore bindings) {
        return new RoomStorage() {
            @Override
            public List<LoggedOperation> range(UUID roomId, long after, long upTo) {
                return log.range(roomId, after, upTo);
            }

            @Override
            public List<LoggedOperation> page(UUID roomId, long after, long upTo, int maxOps, long maxChars) {
                return log.page(roomId, after, upTo, maxOps, maxChars);
            }

            @Override
            public void saveLanguage(UUID roomId, String language) {
                rooms.setLanguage(roomId, language);
            }

            @Override
            public Optional<String> tokenHashOf(UUID roomId, String clientId) {
                return bindings.tokenHashOf(roomId, clientId);
            }

            @Override
            public boolean bind(UUID roomId, String clientId, String tokenHash) {
                return bindings.bind(roomId, clientId, tokenHash);
            }
        };
    }
}
