package io.pairprog.ot;

/**
 * The client side of the protocol (ot.js {@code Client}): keeps the local document editable
 * while the server orders everyone's operations, with at most one local operation in flight.
 *
 * <p>The client holds the {@link #revision()} of the last server state it has seen and a
 * {@link State}. Every server message it accepts must carry exactly {@code revision() + 1}; any
 * other revision means a message was lost or the caller has a bug, and an
 * {@link OperationException} tells the caller to reconnect and catch up.
 *
 * <p>Reconnecting: send {@code hello} with {@link #revision()}, feed the catch-up operations to
 * {@link #applyServer} (our own operation among them counts as its ack), then call
 * {@link #resend()} once the server has confirmed the join. The server drops a resend it already
 * stored, because it carries the same {@code clientSeq}.
 *
 * <p>Not thread-safe: confine each client to one thread (the EDT on the desktop).
 */
public final class OtClient {

    private final String clientId;
    private final ClientChannel channel;
    private long revision;
    private State state = new Synchronized(0);

    /**
     * A synchronized client holding the server's document at {@code revision}; its first operation
     * will be sent with {@code clientSeq} 1.
     */
    public OtClient(String clientId, long revision, ClientChannel channel) {
        if (clientId == null || clientId.isEmpty()) {
            throw new OperationException("OtClient: clientId must be non-empty, got " + clientId);
        }
        if (revision < 0) {
            throw new OperationException("OtClient: revision must not be negative, got " + revision);
        }
        if (channel == null) {
            throw new OperationException("OtClient: channel is null");
        }
        this.clientId = clientId;
        this.revision = revision;
        this.channel = channel;
    }

    /** A local edit, already applied to the local document: sent at once, or buffered while one is in flight. */
    public void applyClient(TextOperation op) {
        requireOp("applyClient", op);
        state = state.applyClient(op, revision, channel);
    }

    /**
     * A broadcast operation that the server stored at {@code revision}. If it is our own
     * outstanding operation coming back (after a reconnect the catch-up includes it) it counts as
     * the ack; otherwise it is transformed past local work and handed to
     * {@link ClientChannel#applyRemote}.
     */
    public void applyServer(long revision, String clientId, long clientSeq, TextOperation op) {
        requireNext("applyServer", revision);
        requireOp("applyServer", op);
        State next = this.clientId.equals(clientId) && state.awaitsAck(clientSeq)
                ? state.serverAck(revision, channel)
                : state.applyServer(op, channel);
        this.revision = revision;
        this.state = next;
    }

    /**
     * The server stored our outstanding operation at {@code revision}. Returns false, changing
     * nothing, when {@code clientSeq} is not the outstanding one: a duplicate ack for a resend the
     * server had already stored, or one the echo after a reconnect already confirmed.
     */
    public boolean serverAck(long revision, long clientSeq) {
        if (!state.awaitsAck(clientSeq)) {
            return false;
        }
        requireNext("serverAck", revision);
        State next = state.serverAck(revision, channel);
        this.revision = revision;
        this.state = next;
        return true;
    }

    /**
     * Once a reconnect handshake is complete: sends the outstanding operation again, with the same
     * {@code clientSeq} and the current revision as its base. A no-op when synchronized.
     */
    public void resend() {
        state = state.resend(revision, channel);
    }

    /** A peer's selection on the server's document, moved into the local document. */
    public Selection transformSelection(Selection selection) {
        return state.transformSelection(selection);
    }

    /** The revision of the last server state this client has seen. */
    public long revision() {
        return revision;
    }

    public State state() {
        return state;
    }

    public boolean isSynchronized() {
        return state instanceof Synchronized;
    }

    public String clientId() {
        return clientId;
    }

    private void requireNext(String function, long revision) {
        if (revision != this.revision + 1) {
            throw new OperationException(function + ": expected revision " + (this.revision + 1)
                    + ", got " + revision);
        }
    }

    private static void requireOp(String function, TextOperation op) {
        if (op == null) {
            throw new OperationException(function + ": op is null");
        }
    }

    @Override
    public String toString() {
        return "OtClient[" + clientId + " at revision " + revision + ", " + state + "]";
    }
}
