package io.pairprog.server.fanout;

import io.pairprog.server.Managed;
import java.util.UUID;

/**
 * The engine that carries a room's stored operations and moving cursors from the node that serves the
 * room to the other nodes that hold its clients (docs/scaling.md): Redis pub/sub, or PostgreSQL
 * LISTEN/NOTIFY. It may lose or repeat a message; {@link RoomFeed} fills every gap from the operation log
 * and drops every repeat by revision, so an engine's failure delays fan-out but never breaks it.
 */
public interface Bus extends Managed {
    /** What a node hears from the bus. Called on the bus's own thread; must not block. */
    interface Listener {
        void message(UUID room, String payload);

        /** The bus was unreachable and may have lost messages: now it is back (and subscribed again). */
        void resumed();

        /** The bus cannot be reached now: nothing published meanwhile will arrive. */
        void interrupted();
    }

    /** A name that two nodes agree on only if they use the same engine (see {@link Fed#HEADER}). */
    String kind();

    /** Sends to every node subscribed to {@code room}; never blocks, may drop when the engine is down. */
    void publish(UUID room, String payload);

    /** The most a payload may hold; a larger operation is announced by revision only, and read from the log. */
    int maxPayloadChars();

    void subscribe(UUID room);

    void unsubscribe(UUID room);

    /** True while messages can be expected to arrive. */
    boolean connected();
}
