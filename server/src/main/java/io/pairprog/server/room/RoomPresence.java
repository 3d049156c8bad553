package io.pairprog.server.room;

import io.pairprog.ot.OperationException;
import io.pairprog.ot.Selection;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.ServerMessage;
import io.pairprog.server.store.LoggedOperation;
import java.util.List;

/**
 * Who is in the room and where they are: names, colours, roles and selections of the OT clients. A
 * selection is kept at the stored revision it was last moved to, so that a client who joins later sees
 * it where it is now. Guarded by the room's lock, like the room's other parts.
 */
final class RoomPresence {
    private final Members members;

    RoomPresence(Members members) {
        this.members = members;
    }

    /**
     * Makes {@code p} an OT client at the stored {@code revision}: picks its colour, sends it {@code joined}
     * (with the room's participants, itself included), tells the others, and shows it their selections.
     */
    void joined(Participant p, ClientMessage.Hello hello, RoomDocument document, String language, String newToken) {
        p.joining = false;
        p.clientId = hello.clientId();
        p.name = Names.sanitize(hello.name(), hello.clientId());
        p.color = Colors.firstFree(members.everyone().stream().filter(o -> o != p && o.speaksOt())
                .map(o -> o.color).toList());
        List<io.pairprog.protocol.Participant> present = members.everyone().stream().filter(Participant::speaksOt)
                .map(Participant::describe).toList();
        members.send(p.peer, new ServerMessage.Joined(p.clientId, document.durableRevision(), p.color, language,
                present, p.readOnly, newToken));
        members.broadcastToOt(p.changed(), p);
        for (Participant other : members.everyone()) {
            if (other != p && other.speaksOt() && other.cursor != null) {
                sendCursor(other, other.cursor, other.cursorRevision, p, document);
            }
        }
    }

    /** {@code p}'s connection has gone: the others learn it unless the same client is still connected. */
    void left(Participant gone) {
        if (gone.speaksOt() && members.connectionOf(gone.clientId) == null) {
            members.broadcastToOt(new ServerMessage.ParticipantLeft(gone.clientId), null);
        }
    }

    /**
     * A selection, moved from the sender's revision to the stored head and passed on. One from further back
     * than memory reaches is dropped: it is presence, sent again at the next move, not worth a read of the log.
     */
    void cursor(Participant p, ClientMessage.Cursor cursor, RoomDocument document) {
        if (cursor.revision() > document.durableRevision()) {
            members.sendError(p.peer, ErrorCode.REVISION_IN_FUTURE, "cursor: revision " + cursor.revision()
                    + " is ahead of the room's revision " + document.durableRevision(), null);
            return;
        }
        try {
            sendCursor(p, cursor.ranges(), cursor.revision(), null, document);
        } catch (OperationException e) {
            members.sendError(p.peer, ErrorCode.MALFORMED_MESSAGE, "cursor: a position is outside the document at "
                    + "revision " + cursor.revision(), null);
        }
    }

    void rename(Participant p, String name) {
        p.name = name;
        members.broadcastToOt(p.changed(), null);
    }

    /** Sends {@code owner}'s selection, transformed up to the durable head, to one participant or to all. */
    private void sendCursor(Participant owner, List<Selection.Range> ranges, long atRevision, Participant only,
                            RoomDocument document) {
        List<LoggedOperation> since = document.durableInMemory(atRevision);
        if (since == null) {
            return;
        }
        Selection selection = new Selection(ranges);
        for (LoggedOperation op : since) {
            selection = selection.transform(op.operation());
        }
        int length = document.durableText().length();
        for (Selection.Range r : selection.ranges()) {
            if (r.anchor() > length || r.head() > length) {
                throw new OperationException("cursor: position beyond the document length " + length);
            }
        }
        owner.cursor = selection.ranges();
        owner.cursorRevision = document.durableRevision();
        ServerMessage.Cursor message = new ServerMessage.Cursor(owner.clientId, document.durableRevision(),
                selection.ranges());
        if (only != null) {
            members.send(only.peer, message);
        } else {
            members.broadcastCursor(message, owner);
        }
    }
}
