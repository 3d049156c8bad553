package io.pairprog.ot;

/**
 * Everything {@link OtClient} does to the outside world, as two methods, so the desktop client,
 * the browser port and the tests drive the same state machine (ot.js's {@code sendOperation} and
 * {@code applyOperation}). Both are called on the thread that calls the client.
 */
public interface ClientChannel {

    /**
     * Sends a local operation to the server. {@code op} applies to the document at
     * {@code baseRevision}; {@code clientSeq} identifies it, and a resend after a reconnect repeats
     * the same number so the server can drop the duplicate. Sending may fail silently while
     * disconnected: the operation stays outstanding and {@link OtClient#resend()} sends it again.
     */
    void send(long baseRevision, long clientSeq, TextOperation op);

    /** Applies another client's operation, already transformed, to the local document. */
    void applyRemote(TextOperation op);
}
