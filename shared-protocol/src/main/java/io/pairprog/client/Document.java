package io.pairprog.client;

import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;

/** The text a {@link RoomClient} keeps in step with the room: an editor, or a string in a headless client. */
public interface Document {

    /** Replaces the whole text: the server's, on the first {@code initial_code} and after starting over. */
    void reset(String text);

    /** Applies a peer's operation, already transformed past the local edits, without reporting it back as a local edit. */
    void applyRemote(TextOperation op);

    /** The local selection, shown to peers as our cursor; null for a client that has none to show (nothing is sent then). */
    default Selection selection() {
        return null;
    }
}
