package io.pairprog.ot;

/**
 * Where {@link OtClient} stands relative to the server (ot.js {@code client.js}):
 *
 * <pre>
 *                 applyClient                      applyClient
 *  Synchronized ---------------&gt; AwaitingConfirm -------------&gt; AwaitingWithBuffer
 *       ^                          |     ^                         |
 *       +------- serverAck --------+     +------- serverAck -------+
 *                                          (the buffer is sent and becomes outstanding)
 * </pre>
 *
 * <p>At most one operation is in flight: the {@code outstanding} one, numbered {@code clientSeq}.
 * Local edits made meanwhile are composed into the {@code buffer}.
 *
 * <p>States are immutable values; each transition returns the next state and talks to the world
 * only through the {@link ClientChannel} it is given, so a transition can be tested on its own.
 * {@code revision} is the server revision the client holds once the transition is done; it is the
 * base revision of anything sent.
 */
public sealed interface State permits Synchronized, AwaitingConfirm, AwaitingWithBuffer {

    /** A local edit was made on the client's document. */
    State applyClient(TextOperation op, long revision, ClientChannel channel);

    /** Another client's operation arrived; it is transformed past local work and applied. */
    State applyServer(TextOperation op, ClientChannel channel);

    /** The server stored the outstanding operation. Call only when {@link #awaitsAck} holds. */
    State serverAck(long revision, ClientChannel channel);

    /** After a reconnect: sends the outstanding operation again with the same {@code clientSeq}. */
    State resend(long revision, ClientChannel channel);

    /** True when {@code clientSeq} numbers the outstanding operation, i.e. an ack for it is due. */
    boolean awaitsAck(long clientSeq);

    /**
     * A selection made on the server's document, moved into the client's, which has local work on
     * top: {@code selection.transform(outstanding).transform(buffer)}.
     */
    Selection transformSelection(Selection selection);
}
