package io.pairprog.client;

import io.pairprog.protocol.ClientMessage;

/**
 * The connection to a room as a {@link RoomClient} drives it: one connection at a time, replaced when
 * the client reconnects. Events of the connection held ({@code opened}, each server message, the close)
 * go to {@link RoomClient#opened()}, {@link RoomClient#receive} and {@link RoomClient#closed}, on the
 * client's thread. The desktop's {@code ReconnectingConnection} and the page's {@code socket-adapter.js}
 * are the real ones; the load tool and the test peers have their own.
 */
public interface Transport {

    /**
     * Sends one message on the connection held; returns false, and the message is dropped, when there is
     * none (or it is closing). Never blocks. Nothing is lost by a drop: an edit stays unacknowledged and is
     * sent again after the next {@code joined}.
     */
    boolean send(ClientMessage message);

    /**
     * The same for a message about the room's file {@code file} (docs/protocol.md, "Files"), for the
     * {@link FilesClient} of a client that opens files; a transport that never carries them need not.
     */
    default boolean send(ClientMessage message, String file) {
        throw new UnsupportedOperationException("this transport carries no file messages");
    }

    /**
     * Drops the connection held, if any, and opens a new one at once. Nothing of the dropped connection
     * may reach the client after this call; the new one reports as described above. A connection that
     * cannot be made reports {@link RoomClient#closed} (1006).
     */
    void connect();

    /** Drops the connection held, if any, without opening another; nothing of it may reach the client after this call. */
    void disconnect();
}
