package io.pairprog.server.ws;

import io.pairprog.server.room.Peer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A room's view of one Tyrus session: asynchronous sends, so a room never waits on a socket. */
final class SessionPeer implements Peer {
    private static final Logger log = LoggerFactory.getLogger(SessionPeer.class);

    private final Session session;

    SessionPeer(Session session) {
        this.session = session;
    }

    @Override
    public void send(String json) {
        try {
            session.getAsyncRemote().sendText(json);
        } catch (RuntimeException e) {
            // Never let one broken connection interrupt a broadcast to the others.
            log.debug("session {} failed a send; its close handler removes it", session.getId(), e);
        }
    }

    /** Sends and waits; only for the last words before a close, never on a room's lock. */
    void sendNow(String json) {
        try {
            session.getBasicRemote().sendText(json);
        } catch (IOException | IllegalStateException e) {
            log.debug("session {} is gone before its last message", session.getId(), e);
        }
    }

    @Override
    public void close(int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | IllegalStateException e) {
            log.debug("closing session {} failed; it is gone already", session.getId(), e);
        }
    }

    @Override
    public String toString() {
        return "session " + session.getId();
    }
}
