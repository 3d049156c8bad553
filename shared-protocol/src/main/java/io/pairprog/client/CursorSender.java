package io.pairprog.client;

import io.pairprog.ot.Selection;
import io.pairprog.protocol.ClientMessage;

/**
 * Sends our selection as {@code cursor}: at most one per {@link #THROTTLE_MILLIS} while the caret
 * moves, and only while nothing local is unacknowledged, so that its offsets are offsets in the server's
 * text at our revision (docs/protocol.md). A move made meanwhile is sent once the client is synchronized
 * again; the same selection at the same revision is not sent twice. Used by its {@link RoomClient} only.
 */
final class CursorSender {
    /** A burst of caret moves (holding an arrow key) costs one message per this many milliseconds. */
    static final long THROTTLE_MILLIS = 40;

    private final RoomClient client;
    private final Transport transport;
    private final Scheduler scheduler;
    private final Document document;
    private boolean dirty;
    private Runnable timer;
    private Selection sent;
    private long sentRevision = -1;

    CursorSender(RoomClient client, Transport transport, Scheduler scheduler, Document document) {
        this.client = client;
        this.transport = transport;
        this.scheduler = scheduler;
        this.document = document;
    }

    /** The caret moved: send it when the throttle allows. */
    void moved() {
        dirty = true;
        if (timer == null) {
            timer = scheduler.schedule(THROTTLE_MILLIS, () -> {
                timer = null;
                flush();
            });
        }
    }

    /** Joined on a new connection: the server knows no cursor of ours there yet. */
    void joined() {
        dirty = true;
        sent = null;
    }

    /** Sends the selection if it changed and may be sent now; else keeps it for later. */
    void flush() {
        if (!dirty || !client.maySendCursor()) {
            return;
        }
        Selection selection = document.selection();
        long revision = client.revision();
        if (selection == null || (revision == sentRevision && selection.equals(sent))) {
            dirty = false;
            return;
        }
        if (transport.send(new ClientMessage.Cursor(revision, selection.ranges()))) {
            dirty = false;
            sent = selection;
            sentRevision = revision;
        }
    }

    /** The client closed: no more sends. */
    void cancel() {
        if (timer != null) {
            timer.run();
            timer = null;
        }
    }
}
