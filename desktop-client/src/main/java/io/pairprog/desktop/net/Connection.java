package io.pairprog.desktop.net;

import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ServerMessage;
import java.net.URI;

/**
 * One WebSocket connection to a room, as {@link ReconnectingConnection} holds it: it sends messages and hears
 * about them through {@link Callbacks}. {@link ServerConnection} is the real one; tests pass their
 * own {@link Connector}.
 */
public interface Connection {

    /** Queues a message; never blocks. Dropped silently once the connection is closed. */
    void send(ClientMessage message);

    /** Closes the connection without waiting; {@link Callbacks#closed} is not called for this. */
    void close();

    /** What a connection reports. Called on a network thread, one call at a time, in order. */
    interface Callbacks {
        void opened();

        void received(ServerMessage message);

        /** A message that could not be decoded; it is skipped. */
        void undecodable(String reason);

        /** The connection ended or could not be made; {@code code} is a WebSocket close code (1006 when there was none). */
        void closed(int code, String reason);
    }

    /** Opens connections; returns at once and reports progress through the callbacks. */
    @FunctionalInterface
    interface Connector {
        Connection open(URI uri, Callbacks callbacks);
    }
}
