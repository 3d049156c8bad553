package io.pairprog.server.ws;

import io.pairprog.protocol.CloseCodes;
import io.pairprog.server.room.Peer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room's view of one Tyrus session: asynchronous sends, so a room never waits on a socket, and a bound
 * on what may wait unsent, so a client that stops reading costs the server a fixed amount of memory and
 * is then dropped instead of slowing its room down.
 */
final class SessionPeer implements Peer {
    private static final Logger log = LoggerFactory.getLogger(SessionPeer.class);

    private final Session session;
    private final ConnectionGuard guard;
    /** Below this much unsent, a catch-up may send its next page. */
    static final long WRITABLE_BELOW = 256 * 1024;

    private final AtomicLong queued = new AtomicLong();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final AtomicReference<Runnable> onWritable = new AtomicReference<>();
    private volatile long lastHeard = System.nanoTime();
    private volatile boolean fed;

    SessionPeer(Session session, ConnectionGuard guard) {
        this.session = session;
        this.guard = guard;
    }

    /** Set on opening, before the connection joins a room. */
    void fedByBus(boolean fed) {
        this.fed = fed;
    }

    @Override
    public boolean fedByBus() {
        return fed;
    }

    @Override
    public void send(String json) {
        if (overflowed.get()) {
            return;
        }
        long size = json.length();
        long mine = queued.addAndGet(size);
        long all = guard.queued(size);
        if (mine > guard.limits().maxQueuedBytes() || guard.overloaded(all) && mine > guard.fairShare()) {
            // Over its own limit, or among the largest queues while all of them together are over theirs.
            queued.addAndGet(-size);
            guard.queued(-size);
            overflow();
            return;
        }
        try {
            session.getAsyncRemote().sendText(json, result -> sent(size));
        } catch (Throwable e) {
            // Never let one connection interrupt a broadcast to the others, nor a room's caller: Tyrus
            // throws Errors too (text it cannot encode). Such a connection has lost a message, so it goes.
            sent(size);
            if (!session.isOpen()) {
                return; // it went while the message was on its way (a forwarded owner's last words)
            }
            log.warn("session {} failed a send ({}); closing it", session.getId(), e.toString());
            guard.later(() -> close(CloseCodes.INTERNAL_ERROR, "a message could not be sent; reconnect"));
        }
    }

    private void sent(long size) {
        queued.addAndGet(-size);
        guard.queued(-size);
        fireIfWritable();
    }

    @Override
    public boolean isWritable() {
        return !overflowed.get() && queued.get() < WRITABLE_BELOW && !guard.saturated();
    }

    @Override
    public void whenWritable(Runnable task) {
        onWritable.set(task);
        guard.waiting(this);
        fireIfWritable(); // it may have drained since the caller looked
    }

    /** Runs the task waiting for this connection to drain, if it has; the guard calls it too, periodically. */
    void fireIfWritable() {
        if (onWritable.get() != null && isWritable()) {
            Runnable task = onWritable.getAndSet(null);
            if (task != null) {
                guard.notWaiting(this);
                task.run();
            }
        }
    }

    /**
     * Stops sending at once and closes off the caller's thread: this may run inside a room's lock, and the
     * close handler re-enters the room to leave it.
     */
    private void overflow() {
        if (overflowed.compareAndSet(false, true)) {
            log.info("session {} stopped reading ({} bytes unsent); closing it", session.getId(), queued.get());
            guard.later(() -> close(CloseCodes.SLOW_CONSUMER, "too slow: more than "
                    + guard.limits().maxQueuedBytes() + " bytes unread"));
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

    /** Something (a message, a pong) arrived from the client. */
    void heard() {
        lastHeard = System.nanoTime();
    }

    long lastHeard() {
        return lastHeard;
    }

    void ping(ByteBuffer payload) {
        if (!overflowed.get() && session.isOpen()) {
            try {
                session.getAsyncRemote().sendPing(payload);
            } catch (IOException e) {
                log.debug("ping to session {} failed", session.getId(), e);
            }
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
