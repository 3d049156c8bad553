package io.pairprog.desktop.net;

import io.pairprog.ot.OperationException;
import io.pairprog.ot.OtClient;
import io.pairprog.ot.Selection;
import io.pairprog.protocol.Participant;
import io.pairprog.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in the room, and where their selections are, as {@link RoomSession} learns it: the list
 * from {@code joined}, then {@code participant} and {@code participant_left} changes, and peers'
 * {@code cursor}s moved into the local document. Runs on the EDT with its session.
 */
final class Presence {

    private final RoomSession.Listener listener;
    private final Map<String, Participant> participants = new LinkedHashMap<>();

    Presence(RoomSession.Listener listener) {
        this.listener = listener;
    }

    /** The full list that ends a handshake replaces what was known. */
    void joined(List<Participant> everyone, String selfId) {
        participants.clear();
        everyone.forEach(p -> participants.put(p.clientId(), p));
        publish(selfId);
    }

    /** Someone joined or was renamed. */
    void changed(ServerMessage.ParticipantChanged p, String selfId) {
        participants.put(p.clientId(), new Participant(p.clientId(), p.name(), p.color(), p.role()));
        publish(selfId);
    }

    void left(String clientId, String selfId) {
        participants.remove(clientId);
        listener.remoteSelection(clientId, null);
        publish(selfId);
    }

    /**
     * A peer's selection, taken at the server's {@code revision}. It is shown only when that is our
     * revision too (anything else is from another point in history; the peer's next move brings a
     * fresh one), after moving it past our unacknowledged edits.
     */
    void cursor(ServerMessage.Cursor cursor, OtClient ot, String selfId) {
        if (ot == null || cursor.clientId().equals(selfId) || cursor.revision() != ot.revision()) {
            return;
        }
        Selection local;
        try {
            local = ot.transformSelection(new Selection(cursor.ranges()));
        } catch (OperationException e) {
            return; // positions outside the document: a stale selection, not worth a resync
        }
        listener.remoteSelection(cursor.clientId(), local);
    }

    /** The connection dropped: selections shown so far go stale. */
    void forgetSelections(String selfId) {
        for (String id : new ArrayList<>(participants.keySet())) {
            if (!id.equals(selfId)) {
                listener.remoteSelection(id, null);
            }
        }
    }

    private void publish(String selfId) {
        listener.participants(List.copyOf(participants.values()), selfId);
    }
}
