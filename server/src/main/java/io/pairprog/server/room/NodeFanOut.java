package io.pairprog.server.room;

import io.pairprog.server.store.LoggedOperation;
import java.util.UUID;

/**
 * How a room reaches its clients on other nodes (docs/scaling.md): a stored operation and a moved cursor
 * are published once, for every node that forwards clients of the room, instead of once per such client.
 * Calls come under the room's lock and must not block.
 */
public interface NodeFanOut {
    /** A single node, or no bus: nothing is published, and no forwarded connection is fed. */
    NodeFanOut NONE = new NodeFanOut() {
        @Override
        public void op(UUID room, LoggedOperation op, String json) {
        }

        @Override
        public void cursor(UUID room, String clientId, String json) {
        }
    };

    /** {@code json} is the {@code op} message the room sends its own clients. */
    void op(UUID room, LoggedOperation op, String json);

    void cursor(UUID room, String clientId, String json);
}
