package io.pairprog.client;

import io.pairprog.ot.OperationException;
import io.pairprog.ot.OtClient;
import io.pairprog.ot.State;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ServerMessage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;

/**
 * One client in one room: ot.js's {@code EditorClient} without the editor. It runs the handshake, routes
 * operations and acks to its {@link OtClient}, keeps presence, sends our cursor, and does what
 * {@link io.pairprog.protocol.ErrorCode#clientAction()} and
 * {@link io.pairprog.protocol.CloseCodes#reconnect(int)} say. It talks out through a {@link Transport}, a
 * {@link Scheduler}, a {@link Document} and a {@link Listener}; the package documentation states the
 * threading rule, the handshake and the presence rules. The web page's {@code room-client.js} is its
 * line-for-line twin, and {@code conversation-vectors.json} holds both to the same exchanges.
 *
 * <p>Inside, {@link Replica} keeps the text and the OT state, {@link Link} the connection, {@link Presence}
 * the participants and cursors, {@link Refusals} the reaction to errors and {@link Resender} the resends.
 */
public final class RoomClient {
    private final boolean readOnlyLink;
    private final Transport transport;
    private final Listener listener;
    private final Link link;
    private final Resender resender;
    private final Presence presence;
    private final Replica replica;
    private final Refusals refusals;
    private boolean closedByUser;

    /**
     * {@code clientIds.apply(n)} is the client id after the n-th start over (0: the first); each must be new
     * to the room, since starting over restarts {@code clientSeq}. {@code readOnly}: joined through a
     * view-only link.
     */
    public RoomClient(IntFunction<String> clientIds, String name, boolean readOnly, Transport transport,
                      Scheduler scheduler, Document document, Listener listener) {
        DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        this.readOnlyLink = readOnly;
        this.transport = transport;
        this.listener = listener;
        this.link = new Link(this, transport, scheduler, listener, new Backoff(random));
        this.resender = new Resender(scheduler, new Backoff(random));
        this.presence = new Presence(listener, new CursorSender(this, transport, scheduler, document));
        this.replica = new Replica(this, clientIds, name, transport, document, listener, link, presence, resender);
        this.refusals = new Refusals(this, replica, link, resender, listener);
    }

    /** Tuning, before {@link #start()}: the source of the backoffs' jitter, in [0, 1) (a seeded one in simulations). */
    public RoomClient jitter(DoubleSupplier random) {
        link.backoff(new Backoff(random));
        resender.backoff(new Backoff(random));
        return this;
    }

    /** Tuning, before {@link #start()}: stored operations kept to place a late cursor (0 for a client that shows none). */
    public RoomClient rememberOperations(int count) {
        presence.remember(count);
        return this;
    }

    /** Connects for the first time. */
    public void start() {
        link.connect();
    }

    /** Leaves the room for good: the connection is dropped and nothing is tried again. */
    public void close() {
        closedByUser = true;
        cancelTimers();
        link.close();
        publishStatus();
    }

    /** The transport's connection is open; the server's {@code initial_code} comes next. */
    public void opened() {
        if (link.phase() != Status.Phase.CLOSED) {
            link.opened();
        }
    }

    /**
     * A message from the server. One the OT state cannot accept (a gap in revisions, a catch-up that falls
     * short of {@code joined}) is healed by catching up on a fresh connection; one the document cannot
     * take means our copy cannot be trusted, and the client starts over.
     */
    public void receive(ServerMessage message) {
        if (link.phase() == Status.Phase.CLOSED) {
            return;
        }
        try {
            dispatch(message);
        } catch (OperationException e) {
            refusals.catchUp(new Notice(Notice.Kind.CATCHING_UP, null, e.getMessage()));
        } catch (RuntimeException e) {
            refusals.startOver(new Notice(Notice.Kind.STARTED_OVER, null, e.toString()));
        }
    }

    /** The connection held was closed with {@code code}: reconnect later, at once or never, as the shared table says. */
    public void closed(int code, String reason) {
        if (link.phase() != Status.Phase.CLOSED) {
            link.closed(code, reason);
        }
    }

    /** A local edit, already applied to the document. One made before the text is (re)loaded is dropped: the reset that follows replaces it. */
    public void localEdit(TextOperation op) {
        replica.edited(op);
    }

    /** The local selection moved; peers see it while nothing local is unacknowledged. */
    public void localSelectionChanged() {
        if (link.phase() != Status.Phase.CLOSED) {
            presence.moved();
        }
    }

    /** Our display name; the others see it at once if joined, else with the next {@code hello}. */
    public void rename(String newName) {
        replica.rename(newName);
        if (link.isJoined() && newName != null) {
            transport.send(new ClientMessage.Rename(newName));
        }
        presence.renamed(replica.clientId(), newName);
    }

    /** Asks the server to change the room's language; false when not joined or view only. The {@code language} broadcast confirms it. */
    public boolean setLanguage(String language) {
        return link.isJoined() && !isReadOnly() && transport.send(new ClientMessage.SetLanguage(language));
    }

    /** Skips the wait before a scheduled reconnect (a "retry now" button, the network coming back). */
    public void retryNow() {
        link.retryNow();
    }

    /** The client id in use (a new one after starting over). */
    public String clientId() {
        return replica.clientId();
    }

    /** The proof that {@link #clientId()} is ours, once the server gave it; null before. */
    public String resumeToken() {
        return replica.resumeToken();
    }

    /** The display name the others see. */
    public String name() {
        return replica.name();
    }

    /** True when joined through a view-only link, or when the server said this connection may not edit. */
    public boolean isReadOnly() {
        return readOnlyLink || replica.joinedReadOnly();
    }

    /** True between {@code joined} and the next drop: edits and cursors go out as they are made. */
    public boolean isJoined() {
        return link.isJoined();
    }

    /** The connection's phase. */
    public Status.Phase phase() {
        return link.phase();
    }

    /** The revision of the last server state seen; -1 before the text is loaded. */
    public long revision() {
        OtClient ot = replica.ot();
        return ot == null ? -1 : ot.revision();
    }

    /** The OT state (an immutable value); null before the text is loaded. */
    public State state() {
        OtClient ot = replica.ot();
        return ot == null ? null : ot.state();
    }

    /** True when the text is loaded and the server has stored every local edit. */
    public boolean isSynchronized() {
        OtClient ot = replica.ot();
        return ot != null && ot.isSynchronized();
    }

    /** Where the client stands, as last published to the {@link Listener}. */
    public Status status() {
        Status.Phase phase = link.phase();
        OtClient ot = replica.ot();
        if (ot == null) {
            return new Status(phase, -1, Status.Sync.LOADING, waitOf(phase), causeOf(phase));
        } else if (ot.isSynchronized()) {
            return new Status(phase, ot.revision(), Status.Sync.SAVED, waitOf(phase), causeOf(phase));
        } else if (phase == Status.Phase.ONLINE && resender.isWaiting()) {
            return new Status(phase, ot.revision(), Status.Sync.RETRYING, resender.delayMillis(), resender.cause());
        }
        Status.Sync sync = link.isJoined() ? Status.Sync.SAVING : Status.Sync.PENDING;
        return new Status(phase, ot.revision(), sync, waitOf(phase), causeOf(phase));
    }

    private long waitOf(Status.Phase phase) {
        return phase == Status.Phase.OFFLINE ? link.retryInMillis() : 0;
    }

    private Status.Cause causeOf(Status.Phase phase) {
        return phase == Status.Phase.ONLINE || closedByUser ? null : link.cause();
    }

    private void dispatch(ServerMessage message) {
        if (message instanceof ServerMessage.InitialCode initial) {
            replica.loaded(initial);
        } else if (message instanceof ServerMessage.Op op) {
            replica.applied(op);
        } else if (message instanceof ServerMessage.Ack ack) {
            replica.acknowledged(ack);
        } else if (message instanceof ServerMessage.Joined joined) {
            replica.joined(joined);
        } else if (message instanceof ServerMessage.Error error) {
            refusals.refused(error);
        } else if (message instanceof ServerMessage.ParticipantChanged p) {
            presence.changed(p, replica.clientId());
        } else if (message instanceof ServerMessage.ParticipantLeft left) {
            presence.left(left.clientId(), replica.clientId());
        } else if (message instanceof ServerMessage.Cursor cursor) {
            if (replica.ot() != null) {
                presence.cursor(cursor, replica.ot());
            }
        } else if (message instanceof ServerMessage.Language language) {
            listener.language(language.language(), language.clientId());
        }
        // code_update goes to seed clients only; an OT client ignores it.
    }

    // --- for the parts ----------------------------------------------------------------------

    /** Our cursor may go out: joined, allowed to, and its offsets are the server's (nothing unacknowledged). */
    boolean maySendCursor() {
        return link.isJoined() && !isReadOnly() && isSynchronized();
    }

    /** The connection is gone or being replaced: what belonged to it goes stale. */
    void dropped() {
        resender.cancel();
        presence.dropped();
    }

    /** Closed for good: no timer may fire any more. */
    void cancelTimers() {
        resender.cancel();
        presence.cancel();
    }

    void publishStatus() {
        listener.status(status());
    }
}
