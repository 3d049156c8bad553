package io.pairprog.client;

import io.pairprog.ot.Selection;
import io.pairprog.protocol.Participant;
import java.util.List;

/**
 * What a {@link RoomClient} tells its user interface, on the client's thread. Every method does nothing
 * unless overridden, so a headless client listens only to what it needs.
 */
public interface Listener {

    /** Where the client stands now; called after every change of phase, revision or sync. */
    default void status(Status status) {
    }

    /** Everyone in the room, this client ({@code selfId}) included, in the order they joined. */
    default void participants(List<Participant> everyone, String selfId) {
    }

    /**
     * A peer's selection, moved into the local document; from then on the user interface moves it with
     * every operation applied locally. Null: it is gone (the peer left, or our connection dropped).
     */
    default void remoteSelection(String clientId, Selection selection) {
    }

    /** The room's language; {@code byClientId} is who changed it, or null when it is the state found on joining. */
    default void language(String language, String byClientId) {
    }

    /** Something the user should know: the client goes on (see {@link Notice.Kind}). */
    default void notice(Notice notice) {
    }

    /**
     * The server refused this client for good (no such room, a foreign origin): nothing more will be
     * tried. {@code why} is the server's explanation, or the close reason.
     */
    default void closed(int code, String why) {
    }
}
