package io.pairprog.client;

import io.pairprog.ot.OtClient;
import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places peers' selections in the local document. A {@code cursor} is a selection in the server's text
 * at the message's revision. One from our own revision moves past our unacknowledged edits
 * ({@link OtClient#transformSelection}); one from an older revision first replays the stored operations
 * since, of which the last {@link #REMEMBERED_OPERATIONS} are remembered (older ones are dropped: the
 * peer's next move places it); one from a revision we have not reached is parked until we have.
 * Not thread-safe: used by its {@link RoomClient} only.
 */
final class RemoteCursors {
    /** Stored operations remembered to bring a late cursor up to date. */
    static final int REMEMBERED_OPERATIONS = 200;

    private final int capacity;
    private final Map<String, ServerMessage.Cursor> parked = new LinkedHashMap<>();
    /** The remembered operations, oldest first from {@code first}; the newest one made revision {@code newest}. */
    private TextOperation[] ring;
    private int first;
    private int size;
    private long newest = -1;
    /** The length of the server's text at {@code newest}. */
    private int length;

    RemoteCursors(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("RemoteCursors: capacity must not be negative, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** A new text from the server: nothing before it can be replayed. */
    void reset(long revision, int textLength) {
        first = 0;
        size = 0;
        newest = revision;
        length = textLength;
        parked.clear();
    }

    /** The stored operation that made {@code revision}, in the server's coordinates. */
    void remember(long revision, TextOperation op) {
        if (revision != newest + 1) {
            size = 0; // a gap cannot be replayed across (OtClient refuses gaps, so this does not happen)
        }
        newest = revision;
        length = op.targetLength();
        if (capacity == 0) {
            return;
        }
        if (ring == null) {
            ring = new TextOperation[capacity]; // once, so remembering allocates nothing per message
        }
        if (size == capacity) {
            ring[first] = op;
            first = (first + 1) % capacity;
        } else {
            ring[(first + size) % capacity] = op;
            size++;
        }
    }

    /**
     * Where {@code cursor} is in the local document; null when it is parked or older than what is
     * remembered. {@code ot} holds our revision and unacknowledged edits.
     */
    Selection place(ServerMessage.Cursor cursor, OtClient ot) {
        if (cursor.revision() > ot.revision()) {
            parked.put(cursor.clientId(), cursor); // an operation it refers to is still on its way
            return null;
        }
        parked.remove(cursor.clientId());
        long behind = ot.revision() - cursor.revision();
        if (behind > size) {
            return null;
        }
        Selection selection = new Selection(cursor.ranges());
        for (int i = size - (int) behind; i < size; i++) {
            TextOperation op = ring[(first + i) % capacity];
            selection = selection.clamp(op.baseLength()).transform(op);
        }
        return ot.transformSelection(selection.clamp(length));
    }

    /** The parked cursors that {@code revision} has reached, taken out of the park; empty (and nothing allocated) when none. */
    List<ServerMessage.Cursor> due(long revision) {
        if (parked.isEmpty()) {
            return List.of();
        }
        List<ServerMessage.Cursor> due = new ArrayList<>();
        for (Iterator<ServerMessage.Cursor> i = parked.values().iterator(); i.hasNext(); ) {
            ServerMessage.Cursor cursor = i.next();
            if (cursor.revision() <= revision) {
                due.add(cursor);
                i.remove();
            }
        }
        return due;
    }

    /** {@code clientId}'s parked cursor is not wanted any more (the peer left). */
    void forget(String clientId) {
        parked.remove(clientId);
    }

    /** The connection dropped: parked cursors belong to it. */
    void forgetParked() {
        parked.clear();
    }
}
