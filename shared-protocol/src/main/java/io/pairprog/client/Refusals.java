package io.pairprog.client;

import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.ServerMessage;

/**
 * What a {@link RoomClient} does about an {@code error} message, and about a message it cannot apply:
 * {@link ErrorCode#clientAction()} decides, this carries it out. Whether the refusal names the edit
 * awaiting its ack, the {@code hello} (no {@code clientSeq} before {@code joined}) or something else
 * decides how. Used by its client only.
 */
final class Refusals {
    private final RoomClient client;
    private final Replica replica;
    private final Link link;
    private final Resender resender;
    private final Listener listener;

    Refusals(RoomClient client, Replica replica, Link link, Resender resender, Listener listener) {
        this.client = client;
        this.replica = replica;
        this.link = link;
        this.resender = resender;
        this.listener = listener;
    }

    void refused(ServerMessage.Error error) {
        Long clientSeq = error.clientSeq();
        boolean refusedEdit = replica.awaitsAck(clientSeq);
        switch (error.code().clientAction()) {
            case RESEND_LATER -> {
                if (refusedEdit) {
                    resendLater(clientSeq, error);
                } else if (clientSeq == null && !link.isJoined()) {
                    link.retryJoinLater(new Status.Refused(error.code(), error.message()));
                } else if (clientSeq == null) {
                    listener.notice(notice(Notice.Kind.REPORTED, error)); // e.g. a cursor dropped for the rate: not worth a resend
                }
            }
            // Catching up brings an edit to a recent revision, from which its resend is cheap.
            case CATCH_UP -> catchUp(notice(Notice.Kind.CATCHING_UP, error));
            case START_OVER -> startOver(notice(Notice.Kind.STARTED_OVER, error));
            case STOP -> stop(error, refusedEdit);
            case NOTICE -> listener.notice(notice(Notice.Kind.REPORTED, error));
        }
    }

    /** Drops the connection and connects again at once; hello from the revision held catches up, then resends. */
    void catchUp(Notice notice) {
        listener.notice(notice);
        link.restart();
    }

    /** Drops unacknowledged edits and takes the server's text under a new client id, with no resume token. */
    void startOver(Notice notice) {
        listener.notice(notice);
        replica.startOver();
        link.restart();
    }

    /** The edit {@code clientSeq} was not stored: keep it and send it again, with the same number, after a backoff. */
    private void resendLater(long clientSeq, ServerMessage.Error error) {
        resender.later(new Status.Refused(error.code(), error.message()), () -> {
            replica.resend(clientSeq);
            client.publishStatus();
        });
        client.publishStatus();
    }

    /**
     * Never accepted: a refused edit would wait for its ack forever, so the client starts over without it;
     * another refusal is told; a refused connection waits for its close code, which ends the session.
     */
    private void stop(ServerMessage.Error error, boolean refusedEdit) {
        if (refusedEdit) {
            startOver(notice(Notice.Kind.STARTED_OVER, error));
        } else if (link.isJoined()) {
            listener.notice(notice(Notice.Kind.REFUSED, error));
        } else {
            link.refusedBeforeJoining(error.message());
        }
    }

    private static Notice notice(Notice.Kind kind, ServerMessage.Error error) {
        return new Notice(kind, error.code(), error.message());
    }
}
