package io.pairprog.server.room;

import io.pairprog.ot.OperationException;
import io.pairprog.ot.TextDiff;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.ServerMessage;
import io.pairprog.server.store.OperationLog.ClientProgress;
import io.pairprog.server.store.StoreException;
import java.util.List;

/**
 * How an edit reaches a room's document: checked, transformed past the stored operations it did not know
 * of without the room's lock (they never change), then the rest of the way, applied and queued under it.
 * Part of its {@link Room}: the locked steps synchronize on the room.
 */
final class RoomEdits {
    /** Rounds of transforming outside the lock before the rest is done under it, however far. */
    private static final int OUTSIDE_ROUNDS = 8;

    private final Room room;
    private final RoomDocument document;
    private final Members members;
    private final RoomStorage storage;
    private final RoomLimits limits;

    RoomEdits(Room room, RoomDocument document, Members members, RoomStorage storage, RoomLimits limits) {
        this.room = room;
        this.document = document;
        this.members = members;
        this.storage = storage;
        this.limits = limits;
    }

    /** An OT client's operation: deduplicate, transform to the head, apply, queue for commit. */
    void receive(Peer peer, ClientMessage.Op op) {
        toTheHead(peer, new IncomingEdit(op.op(), op.baseRevision()), "op", op.clientSeq(), p -> {
            Participant sender = room.member(peer, "op", true, op.clientSeq());
            return sender != null && admits(sender, op) ? sender : null;
        }, (p, edit) -> refuse(p, document.finish(edit, "op", p.clientId, op.clientSeq(), p.authorship(), p, null),
                op.clientSeq()));
    }

    /** The checks an op passes before any work is spent on it; false (and the sender told) if it fails one. */
    private boolean admits(Participant p, ClientMessage.Op op) {
        if (!p.clientId.equals(op.clientId())) {
            members.sendError(p.peer, ErrorCode.CLIENT_ID_MISMATCH, "op: clientId " + op.clientId()
                    + " is not this connection's (" + p.clientId + ")", op.clientSeq());
            return false;
        }
        if (op.baseRevision() > document.durableRevision()) {
            members.sendError(p.peer, ErrorCode.REVISION_IN_FUTURE, "op: baseRevision " + op.baseRevision()
                    + " is ahead of the room's revision " + document.durableRevision(), op.clientSeq());
            return false;
        }
        ClientProgress last = document.progressOf(op.clientId());
        if (last == null || op.clientSeq() > last.clientSeq()) {
            return true;
        }
        if (op.clientSeq() < last.clientSeq()) {
            members.sendError(p.peer, ErrorCode.INVALID_OPERATION, "op: clientSeq " + op.clientSeq()
                    + " is older than this client's last stored edit (" + last.clientSeq()
                    + "); a new client instance needs a new clientId", op.clientSeq());
        } else if (last.revision() <= document.durableRevision()) {
            // A resend of a stored edit (its ack was lost): acknowledge again, apply nothing.
            members.send(p.peer, new ServerMessage.Ack(last.revision(), last.clientSeq()));
        }
        // Otherwise it is still being committed; the commit acknowledges it (or broadcasts it to this
        // client's newer connection, which counts its own operation as the ack).
        return false;
    }

    /**
     * A seed-style client's whole text. It is diffed against the text that client most likely typed on
     * ({@link SeenTexts}), outside the lock, and that minimal edit is transformed up to the head like any
     * operation: the client's change wins where it changed something (the seed's last-writer-wins), and
     * what others typed elsewhere meanwhile stays.
     */
    void replaceText(Peer peer, String code) {
        SeenTexts seen;
        synchronized (room) {
            Participant p = members.get(peer);
            if (p == null) {
                return; // a message that raced with the connection closing
            }
            if (p.readOnly) {
                members.sendError(peer, ErrorCode.READ_ONLY, "code_update: this connection joined through a view-only "
                        + "link and cannot change the room", null);
                return;
            }
            seen = p.seen.copy();
        }
        if (code.length() > limits.maxDocumentChars()) {
            members.sendError(peer, ErrorCode.DOCUMENT_TOO_LARGE, "code_update: " + code.length()
                    + " characters exceed the limit of " + limits.maxDocumentChars(), null);
            return;
        }
        if (code.indexOf('\0') >= 0) {
            members.sendError(peer, ErrorCode.MALFORMED_MESSAGE, "code_update: " + RoomDocument.NUL_REFUSED, null);
            return;
        }
        SeenTexts.Seen base = seen.baseOf(code);
        TextOperation diff = TextDiff.between(base.text(), code);
        if (diff.isNoop()) {
            return;
        }
        toTheHead(peer, new IncomingEdit(diff, base.revision()), "code_update", null, members::get, (p, edit) -> {
            Refusal refused = document.finish(edit, "code_update", p.seedClientId, p.seedSeq + 1, p.authorship(), p, null);
            if (refused == null) {
                p.seedSeq++;
                p.seen.sent(code, document.revision());
            }
            refuse(p, refused, null);
        });
    }

    /** Who may still go on with an edit, checked under the lock at every round; null to stop. */
    private interface Sender {
        Participant check(Peer peer);
    }

    /** The last, locked step of an edit: transform the rest of the way and apply. */
    private interface Finish {
        void run(Participant sender, IncomingEdit edit);
    }

    /**
     * Moves {@code edit} to the head: past stored operations without the lock (those memory holds, else a
     * page of the log at a time), then the last few under it, where {@code finish} applies it.
     */
    private void toTheHead(Peer peer, IncomingEdit edit, String what, Long clientSeq, Sender sender, Finish finish) {
        for (int round = 0; ; round++) {
            List<KeptOperation> kept;
            long missingUpTo;
            synchronized (room) {
                Participant p = sender.check(peer);
                if (p == null) {
                    return;
                }
                if (round == OUTSIDE_ROUNDS || document.closeEnough(edit)) {
                    finish.run(p, edit);
                    return;
                }
                kept = document.keptAfter(edit.base());
                missingUpTo = document.missingUpTo(edit.base());
            }
            try {
                edit.transformPast(kept != null ? RecentOperations.inflate(kept)
                        : storage.page(room.id(), edit.base(), missingUpTo, CatchUp.PAGE_OPS, CatchUp.PAGE_CHARS));
            } catch (StoreException | OperationException | IncomingEdit.TooMuchWork e) {
                members.refuse(peer, IncomingEdit.refusal(what, edit, e), clientSeq);
                return;
            }
        }
    }

    private void refuse(Participant p, Refusal refusal, Long clientSeq) {
        if (refusal != null) {
            members.refuse(p.peer, refusal, clientSeq);
        }
    }
}
