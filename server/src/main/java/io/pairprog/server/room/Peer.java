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
}
