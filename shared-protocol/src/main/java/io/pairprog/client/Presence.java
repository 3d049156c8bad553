package io.pairprog.client;

import io.pairprog.ot.OperationException;
import io.pairprog.ot.OtClient;
import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.Participant;
import io.pairprog.protocol.ServerMessage;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is in the room and where their selections are, as the {@link Listener} hears it: the list from
 * {@code joined}, then {@code participant} and {@code participant_left} changes; peers' cursors placed by
 * {@link RemoteCursors}; ours sent by {@link CursorSender}. It remembers which selections the listener
 * shows, so that they can be taken away when they go stale. Used by its {@link RoomClient} only.
 */
final class Presence {
    private final Listener listener;
    private final CursorSender ours;
    private final Map<String, Participant> everyone = new LinkedHashMap<>();
    private final Set<String> shown = new LinkedHashSet<>();
    private RemoteCursors cursors = new RemoteCursors(RemoteCursors.REMEMBERED_OPERATIONS);

    Presence(Listener listener, CursorSender ours) {
        this.listener = listener;
        this.ours = ours;
    }

    void remember(int operations) {
        cursors = new RemoteCursors(operations);
    }

    /** A new text from the server at {@code revision}: nothing before it can be replayed. */
    void loaded(long revision, int length) {
        cursors.reset(revision, length);
    }

    /** The stored operation that made {@code revision}, for cursors that trail it. */
    void stored(long revision, TextOperation op) {
        cursors.remember(revision, op);
    }

    /** The full list that ends a handshake replaces what was known; our cursor is new to this connection. */
    void joined(List<Participant> participants, String selfId) {
        everyone.clear();
        participants.forEach(p -> everyone.put(p.clientId(), p));
        publish(selfId);
        ours.joined();
    }

    /** Someone joined or was renamed. */
    void changed(ServerMessage.ParticipantChanged p, String selfId) {
        everyone.put(p.clientId(), new Participant(p.clientId(), p.name(), p.color(), p.role()));
        publish(selfId);
    }

    /** Someone's last connection closed; their selection goes with them. */
    void left(String clientId, String selfId) {
        cursors.forget(clientId);
        everyone.remove(clientId);
        if (shown.remove(clientId)) {
            listener.remoteSelection(clientId, null);
        }
        publish(selfId);
    }

    /** We renamed ourselves: shown at once, before the server's {@code participant} confirms it. */
    void renamed(String selfId, String name) {
        Participant self = everyone.get(selfId);
        if (self != null && name != null) {
            everyone.put(selfId, new Participant(selfId, name, self.color(), self.role()));
            publish(selfId);
        }
    }

    /** A peer's {@code cursor}; one that does not fit (a stale message) costs a caret, never the session. */
    void cursor(ServerMessage.Cursor cursor, OtClient ot) {
        if (cursor.clientId().equals(ot.clientId())) {
            return;
        }
        Selection selection;
        try {
            selection = cursors.place(cursor, ot);
        } catch (OperationException e) {
            return;
        }
        if (selection != null) {
            shown.add(cursor.clientId());
            listener.remoteSelection(cursor.clientId(), selection);
        }
    }

    /** Our revision moved: parked cursors may fit now, and ours may go out. */
    void stepped(OtClient ot) {
        List<ServerMessage.Cursor> due = cursors.due(ot.revision());
        for (int i = 0; i < due.size(); i++) { // no iterator: this runs for every message a load client reads
            cursor(due.get(i), ot);
        }
        ours.flush();
    }

    /** The local caret moved. */
    void moved() {
        ours.moved();
    }

    /** Our connection dropped: the selections shown are stale; the server sends them again after {@code joined}. */
    void dropped() {
        cursors.forgetParked();
        for (String clientId : shown) {
            listener.remoteSelection(clientId, null);
        }
        shown.clear();
    }

    /** The client closed: no more cursor sends. */
    void cancel() {
        ours.cancel();
    }

    private void publish(String selfId) {
        listener.participants(List.copyOf(everyone.values()), selfId);
    }
}
