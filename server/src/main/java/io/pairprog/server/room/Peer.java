package io.pairprog.server.room;

/**
 * One connection as a room sees it. The WebSocket layer implements it over a session; sending never
 * blocks, because rooms call it while holding their lock.
 */
public interface Peer {
    /** Queues one already-encoded JSON message for this connection. */
    void send(String json);

    /** Closes the connection with a WebSocket close code and a short reason. */
    void close(int code, String reason);

    /**
     * False while this connection has more unsent than a reader of the log may add to: a catch-up then
     * waits ({@link #whenWritable}) instead of holding the whole log in memory for a client that does
     * not read.
     */
    default boolean isWritable() {
        return true;
    }

    /**
     * True for a connection another node forwards and feeds with the room's operations and cursors from
     * the bus ({@link NodeFanOut}): the room sends it neither, only what concerns it alone.
     */
    default boolean fedByBus() {
        return false;
    }

    /** Runs {@code task} once {@link #isWritable()}, on some other thread; never if the connection closes first. */
    default void whenWritable(Runnable task) {
        task.run();
    }
}
