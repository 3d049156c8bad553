package io.pairprog.server.room;

import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.StoreException;
import java.util.List;

/**
 * What a room does with the outcome of a commit, on the group-commit thread: a stored edit is acknowledged
 * to its sender and sent to everyone else; a failed one is rolled back and its sender told; edits that lost
 * a revision race to another server are transformed past its operations and queued again. Part of its
 * {@link Room}: every step synchronizes on the room.
 */
final class RoomCommits {
    private final Room room;
    private final RoomDocument document;
    private final Members members;

    RoomCommits(Room room, RoomDocument document, Members members) {
        this.room = room;
        this.document = document;
        this.members = members;
    }

    boolean isCurrent(PendingEdit edit) {
        synchronized (room) {
            return document.isCurrent(edit);
        }
    }

    /** The commit of {@code edits} (this room's part of one batch, in order) succeeded; true if the room is idle now. */
    boolean committed(List<PendingEdit> edits) {
        synchronized (room) {
            document.committed(edits);
            for (PendingEdit edit : edits) {
                members.publish(edit.operation(), edit.sender());
                if (edit.stored() != null) {
                    edit.stored().complete(edit.operation().revision());
                }
            }
            members.sendTextToSeedClients(document.durableText(), document.durableRevision(),
                    edits.stream().allMatch(e -> e.sender() == edits.get(0).sender()) ? edits.get(0).sender() : null);
            return room.isIdle();
        }
    }

    /**
     * A commit failed: the head goes back to the durable text, every pending edit is void (later ones were
     * transformed against the failed ones), and each sender is told, who keeps the edit and resends it.
     */
    void failed(StoreException cause) {
        synchronized (room) {
            rollBack(cause);
        }
    }

    private void rollBack(StoreException cause) {
        boolean conflict = cause.kind() == StoreException.Kind.CONFLICT;
        for (PendingEdit edit : document.rollBack()) {
            if (edit.stored() != null) {
                edit.stored().completeExceptionally(cause);
            } else if (members.isCurrent(edit.sender())) {
                members.sendError(edit.sender().peer, conflict ? ErrorCode.RETRY_EXHAUSTED : ErrorCode.STORE_UNAVAILABLE,
                        "op: not stored (" + (conflict ? "another writer stored this revision first"
                                : "the database is unavailable") + "); resend it", edit.operation().clientSeq());
            }
        }
        members.rolledBack(document.durableText(), document.durableRevision());
        if (conflict) {
            adopt(document.foreignOperations());
        }
    }

    /**
     * Another writer (a second server on the same database) stored the revisions this room was about to
     * store. Its operations become durable history here too and every pending edit is transformed past
     * them and queued again ({@link RoomDocument#requeue}); after {@value RoomDocument#MAX_REBASES} rounds
     * the edits fail with {@code RETRY_EXHAUSTED} and their senders resend.
     */
    void rebase(StoreException conflict) {
        synchronized (room) {
            requeue(conflict);
        }
    }

    private void requeue(StoreException conflict) {
        List<LoggedOperation> foreign = document.foreignOperations();
        if (foreign.isEmpty() || !document.mayRebase()) {
            rollBack(conflict);
            return;
        }
        long oldDurable = document.durableRevision();
        List<PendingEdit> voided = document.rollBack();
        adopt(foreign);
        for (PendingEdit again : document.requeue(voided, foreign)) {
            Participant sender = again.sender();
            if (sender != null && sender.seen.forgetAfter(oldDurable)) {
                // A seed client's own pending text moved; what it last saw is now this edit's result.
                sender.seen.saw(again.textAfter(), again.operation().revision());
            }
        }
    }

    /** Takes another writer's stored operations as durable history and passes them on to the clients. */
    private void adopt(List<LoggedOperation> foreign) {
        document.adopt(foreign);
        for (LoggedOperation op : foreign) {
            members.publish(op, null);
        }
        if (!foreign.isEmpty()) {
            members.sendTextToSeedClients(document.durableText(), document.durableRevision(), null);
        }
    }
}
