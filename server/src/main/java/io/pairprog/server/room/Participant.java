package io.pairprog.server.room;

import io.pairprog.ot.Selection;
import io.pairprog.protocol.ServerMessage;
import io.pairprog.server.store.Authorship;
import java.util.List;
import java.util.Objects;

/**
 * A connection's standing in a room. Every connection starts as a seed-style client that exchanges whole
 * texts ({@code code_update}); a {@code hello} turns it into an OT client with a stable {@code clientId}.
 * Only the owning room touches it, under the room's lock.
 */
final class Participant {
    final Peer peer;
    /** Joined through a view-only link: sees everything, changes nothing. */
    final boolean readOnly;
    /** Another node feeds it operations and cursors from the bus ({@link Peer#fedByBus}). */
    final boolean fed;
    /** The author id for this connection's whole-text (seed) updates, which have no client-chosen id. */
    final String seedClientId;
    long seedSeq;
    /**
     * The texts this seed-style client may have typed on (sent to it, or sent by it): its next whole text
     * is diffed against one of them, not against the head, so concurrent edits by others are kept.
     */
    final SeenTexts seen;
    String clientId;
    /** Between its {@code hello} and {@code joined}: its catch-up is under way. */
    boolean joining;
    String name;
    String color;
    /** The last selection this client sent, at {@code cursorRevision}; shown to clients who join later. */
    List<Selection.Range> cursor;
    long cursorRevision;
    /** The last {@link #authorship()}: every operation in the room's memory refers to it, not to a copy. */
    private Authorship authorship;

    Participant(Peer peer, boolean readOnly, boolean fed, String seedClientId, String text, long revision) {
        this.peer = peer;
        this.readOnly = readOnly;
        this.fed = fed;
        this.seedClientId = seedClientId;
        this.seen = new SeenTexts(text, revision);
    }

    boolean speaksOt() {
        return clientId != null;
    }

    io.pairprog.protocol.Participant describe() {
        return new io.pairprog.protocol.Participant(clientId, name, color, role());
    }

    String role() {
        return readOnly ? io.pairprog.protocol.Participant.VIEWER : io.pairprog.protocol.Participant.EDITOR;
    }

    /** How the operation log records this connection's edits: named and coloured once it speaks OT. */
    Authorship authorship() {
        if (!speaksOt()) {
            return Authorship.UNKNOWN;
        }
        if (authorship == null || !Objects.equals(authorship.name(), name) || !Objects.equals(authorship.color(), color)) {
            authorship = new Authorship(name, color, null);
        }
        return authorship;
    }

    ServerMessage.ParticipantChanged changed() {
        return new ServerMessage.ParticipantChanged(clientId, name, color, role());
    }
}
