package io.pairprog.desktop.net;

import io.pairprog.ot.ClientChannel;
import io.pairprog.ot.OperationException;
import io.pairprog.ot.OtClient;
import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.CloseCodes;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.Participant;
import io.pairprog.protocol.ServerMessage;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;

/**
 * One room as this client takes part in it: the {@link OtClient}, the connection, and who else is
 * there. It runs the handshake ({@code initial_code} → {@code hello} → catch-up → {@code joined} →
 * {@link OtClient#resend()}), reconnects with {@link Backoff} when the connection drops, resends
 * an edit the server could not store, and hands presence to the UI. What it does about each error
 * and close code is decided in shared-protocol ({@link ErrorCode#clientAction()},
 * {@link CloseCodes#reconnect(int)}); only the mechanics are here.
 *
 * <p><b>Threading.</b> Everything in this class, and everything it calls, runs on the Swing event
 * dispatch thread. {@link Connection} callbacks arrive on network threads and are handed over
 * through the {@code ui} executor ({@code SwingUtilities::invokeLater} in the app): network thread
 * → {@code SwingUtilities.invokeLater} → EDT, with no exception. So the OtClient, the document and
 * the presence state have one owner, and the EDT never waits for the network: connections are
 * opened and closed on background threads and messages are sent asynchronously. Callbacks of a
 * connection that has since been replaced are dropped ({@code epoch}).
 *
 * <p><b>View only.</b> A session joined through a view-only link ({@link RoomRef#view}) receives
 * everything an editor does but sends no edits, cursors or language changes; the server would
 * refuse them with {@code READ_ONLY}. Such a refusal is shown, never retried.
 */
public final class RoomSession {

    /** Where the session stands. */
    public enum Phase {
        /** Opening the WebSocket. */
        CONNECTING,
        /** Connected; catching up between {@code hello} and {@code joined}. */
        JOINING,
        /** Joined: edits are sent as they are made. */
        ONLINE,
        /** Disconnected; a reconnect is scheduled. Edits are kept and sent after it. */
        OFFLINE,
        /** Closed for good: by the user, or the server refuses the connection for good (no such room). */
        CLOSED
    }

    /** What the status bar shows. {@code revision} is -1 before the first {@code initial_code}. */
    public record Status(Phase phase, long revision, boolean allStored, String detail) {
    }

    /** The document side, implemented by the editor. Called on the EDT. */
    public interface Document {
        /** Replaces the whole text: the first state from the server, or after a reload. */
        void reset(String text);

        /** Applies another client's operation, already transformed, without echoing it back. */
        void applyRemote(TextOperation op);

        /** The local selection, in the local document. */
        Selection selection();
    }

    /** What the session tells the UI. Called on the EDT. */
    public interface Listener {
        void status(Status status);

        /** Everyone in the room, this client included, in join order. */
        void participants(List<Participant> participants, String selfId);

        /** A peer's selection in the local document, or null when it is gone. */
        void remoteSelection(String clientId, Selection selection);

        void language(String language);

        /** Something went wrong; the session goes on. */
        void notice(String message);

        /** The room cannot be used (it does not exist, or the server refuses this client); the session is closed. */
        void roomClosed(String message);
    }

    /** Runs a task later on the EDT; returns a handle that cancels it. */
    @FunctionalInterface
    public interface Scheduler {
        Runnable schedule(long delayMillis, Runnable task);
    }

    private static final Random RANDOM = new Random();

    private final ServerAddress server;
    private final RoomRef target;
    private final String clientIdBase;
    private final Connection.Connector connector;
    private final Executor ui;
    private final Scheduler scheduler;
    private final Document document;
    private final Listener listener;
    private final Backoff reconnectBackoff = new Backoff(500, 15_000, RANDOM);
    private final Backoff resendBackoff = new Backoff(500, 10_000, RANDOM);
    private final Presence presence;

    private String name;
    private String clientId;
    /** Given by the server when this client id first joined; proves the id is ours when we say hello again. */
    private String resumeToken;
    private int reloads;
    private int epoch;
    private Phase phase = Phase.CONNECTING;
    private Connection connection;
    private OtClient ot;
    private boolean needsReset = true;
    private String detail = "";
    private String closeMessage;
    private Runnable pendingTask;
    private Selection lastSentSelection;
    private boolean joinedReadOnly;

    /**
     * {@code clientIdBase} identifies this app instance; the session appends a counter so that a
     * reload (which restarts {@code clientSeq} at 1) never reuses a number the server has stored.
     */
    public RoomSession(ServerAddress server, RoomRef target, String clientIdBase, String name,
                       Connection.Connector connector, Executor ui, Scheduler scheduler,
                       Document document, Listener listener) {
        this.server = server;
        this.target = target;
        this.clientIdBase = clientIdBase;
        this.name = name;
        this.connector = connector;
        this.ui = ui;
        this.scheduler = scheduler;
        this.document = document;
        this.listener = listener;
        this.clientId = clientIdBase;
        this.presence = new Presence(listener);
    }

    /** Connects for the first time. */
    public void start() {
        connect();
    }

    /** Leaves the room for good. */
    public void close() {
        phase = Phase.CLOSED;
        epoch++;
        cancelPending();
        if (connection != null) {
            connection.close();
            connection = null;
        }
        detail = "left the room";
        publishStatus();
    }

    /** A local edit, already applied to the editor's document. */
    public void localEdit(TextOperation op) {
        if (ot == null) {
            throw new IllegalStateException("localEdit: the document is not loaded yet");
        }
        ot.applyClient(op);
        publishStatus();
    }

    /** The local selection moved; peers see it while nothing local is unacknowledged. */
    public void localSelectionChanged() {
        sendCursorIfSynchronized();
    }

    public void rename(String newName) {
        this.name = newName;
        if (phase == Phase.ONLINE && newName != null) {
            connection.send(new ClientMessage.Rename(newName));
        }
    }

    /** Asks the server to change the room's language; the {@code language} broadcast confirms it. */
    public boolean setLanguage(String language) {
        if (phase != Phase.ONLINE || isReadOnly()) {
            return false;
        }
        connection.send(new ClientMessage.SetLanguage(language));
        return true;
    }

    public String clientId() {
        return clientId;
    }

    /** The room's id; null in a view-only session, which never learns it. */
    public String roomId() {
        return target.viewOnly() ? null : target.id();
    }

    public RoomRef target() {
        return target;
    }

    /** True when joined through a view-only link, or when the server said this connection may not edit. */
    public boolean isReadOnly() {
        return target.viewOnly() || joinedReadOnly;
    }

    /** The display name the others see. */
    public String name() {
        return name;
    }

    public ServerAddress server() {
        return server;
    }

    public Phase phase() {
        return phase;
    }

    /** The OT state, for the status bar and tests; null before the first {@code initial_code}. */
    public OtClient ot() {
        return ot;
    }

    // --- connection lifecycle ---------------------------------------------------------------

    private void connect() {
        cancelPending();
        int mine = ++epoch;
        phase = Phase.CONNECTING;
        publishStatus();
        connection = connector.open(target.webSocket(server), new Connection.Callbacks() {
            @Override
            public void opened() {
                onEdt(mine, () -> {
                    phase = Phase.JOINING;
                    publishStatus();
                });
            }

            @Override
            public void received(ServerMessage message) {
                onEdt(mine, () -> handle(message));
            }

            @Override
            public void undecodable(String reason) {
                onEdt(mine, () -> listener.notice("Skipped a message from the server: " + reason));
            }

            @Override
            public void closed(int code, String reason) {
                onEdt(mine, () -> onClosed(code, reason));
            }
        });
    }

    private void onEdt(int connectionEpoch, Runnable task) {
        ui.execute(() -> {
            if (connectionEpoch == epoch) {
                task.run();
            }
        });
    }

    private void onClosed(int code, String reason) {
        connection = null;
        presence.forgetSelections(clientId);
        switch (CloseCodes.reconnect(code)) {
            case NEVER -> {
                phase = Phase.CLOSED;
                detail = whyClosedForGood(code, reason);
                publishStatus();
                listener.roomClosed(detail);
            }
            case AT_ONCE -> {
                detail = describeClose(code, reason) + "; reconnecting";
                connect();
            }
            case LATER -> reconnectLater(describeClose(code, reason));
        }
    }

    private void reconnectLater(String why) {
        long delay = reconnectBackoff.next();
        phase = Phase.OFFLINE;
        detail = why + "; reconnecting in " + seconds(delay);
        publishStatus();
        pendingTask = scheduler.schedule(delay, this::connect);
    }

    /** The server refused our hello for now and may keep the connection open: drop it and join again later. */
    private void retryJoinLater(String why) {
        cancelPending();
        epoch++; // a close that may still follow belongs to the dropped connection
        if (connection != null) {
            connection.close();
            connection = null;
        }
        presence.forgetSelections(clientId);
        reconnectLater(why);
    }

    /** Drops the connection and connects again at once, catching up from the revision held. */
    private void resync(String why) {
        listener.notice(why);
        if (connection != null) {
            connection.close();
            connection = null;
        }
        presence.forgetSelections(clientId);
        connect();
    }

    /**
     * The server cannot continue from our state: fetch the document afresh under a new client id.
     * Unacknowledged local edits are lost; the notice says so.
     */
    private void reload(String why) {
        startOver();
        resync(why + " The room was reloaded from the server; edits it had not stored were dropped.");
    }

    private void startOver() {
        needsReset = true;
        clientId = clientIdBase + "-r" + (++reloads);
        resumeToken = null;
    }

    // --- messages ---------------------------------------------------------------------------

    private void handle(ServerMessage message) {
        try {
            dispatch(message);
        } catch (OperationException e) {
            // A gap in revisions or an operation that does not fit: catch up again from what we hold.
            resync("Lost step with the server (" + e.getMessage() + "); catching up.");
        } catch (RuntimeException e) {
            // The editor could not apply what the OtClient handed it: our copy cannot be trusted.
            reload("The editor and the server disagree (" + e + ").");
        }
    }

    private void dispatch(ServerMessage message) {
        if (message instanceof ServerMessage.InitialCode initial) {
            onInitialCode(initial);
        } else if (message instanceof ServerMessage.Op op) {
            if (ot != null) {
                ot.applyServer(op.revision(), op.clientId(), op.clientSeq(), op.op());
                afterServerStep();
            }
        } else if (message instanceof ServerMessage.Ack ack) {
            if (ot != null && ot.serverAck(ack.revision(), ack.clientSeq())) {
                afterServerStep();
            }
        } else if (message instanceof ServerMessage.Joined joined) {
            onJoined(joined);
        } else if (message instanceof ServerMessage.Error error) {
            onError(error);
        } else if (message instanceof ServerMessage.ParticipantChanged p) {
            presence.changed(p, clientId);
        } else if (message instanceof ServerMessage.ParticipantLeft left) {
            presence.left(left.clientId(), clientId);
        } else if (message instanceof ServerMessage.Cursor cursor) {
            presence.cursor(cursor, ot, clientId);
        } else if (message instanceof ServerMessage.Language language) {
            listener.language(language.language());
        }
        // code_update goes to seed clients only; an OT client ignores it.
    }

    private void onInitialCode(ServerMessage.InitialCode initial) {
        if (needsReset || ot == null) {
            document.reset(initial.code());
            ot = new OtClient(clientId, initial.revision(), new Channel());
            needsReset = false;
            if (initial.language() != null) {
                listener.language(initial.language());
            }
        }
        // A reconnecting client keeps its own text and catches up from its own revision.
        connection.send(new ClientMessage.Hello(clientId, ot.revision(), name, resumeToken));
        phase = Phase.JOINING;
        publishStatus();
    }

    private void onJoined(ServerMessage.Joined joined) {
        if (joined.resumeToken() != null) {
            resumeToken = joined.resumeToken();
        }
        phase = Phase.ONLINE;
        joinedReadOnly = joined.readOnly();
        reconnectBackoff.reset();
        detail = "";
        closeMessage = null;
        presence.joined(joined.participants(), clientId);
        listener.language(joined.language());
        lastSentSelection = null;
        ot.resend();
        sendCursorIfSynchronized();
        publishStatus();
    }

    private void afterServerStep() {
        sendCursorIfSynchronized();
        publishStatus();
    }

    /** What to do is {@link ErrorCode#clientAction()}; how to do it is this session's. */
    private void onError(ServerMessage.Error error) {
        Long seq = error.clientSeq();
        String text = error.code() + ": " + error.message();
        boolean refusedEdit = seq != null && ot != null && ot.state().awaitsAck(seq);
        switch (error.code().clientAction()) {
            case RESEND_LATER -> {
                if (refusedEdit) {
                    scheduleResend(seq, text);
                } else if (seq == null && phase != Phase.ONLINE) {
                    retryJoinLater("the server could not let us join (" + text + ")");
                } else if (seq == null) {
                    listener.notice("The server reported " + text);
                }
            }
            // Catching up brings an edit to a recent revision, from which its resend is cheap.
            case CATCH_UP -> resync("Catching up with the server before resending (" + text + ").");
            case START_OVER -> reload("The server refused our edits (" + text + ").");
            case STOP -> stop(error, refusedEdit);
            case NOTICE -> listener.notice("The server reported " + text);
        }
    }

    /**
     * Never accepted: a refused edit would wait for an ack forever, so the text is reloaded without it;
     * another refusal is shown; a refused connection waits for its close code, which ends the session.
     */
    private void stop(ServerMessage.Error error, boolean refusedEdit) {
        String who = error.code() == ErrorCode.READ_ONLY ? "View only: the server" : "The server";
        if (refusedEdit) {
            reload(who + " refused an edit (" + error.message() + ").");
        } else if (phase == Phase.ONLINE) {
            listener.notice(who + " refused the change (" + error.message() + ").");
        } else {
            closeMessage = error.message();
        }
    }

    /** The edit {@code clientSeq} was not stored: keep it and send it again, same number, after a pause. */
    private void scheduleResend(long clientSeq, String why) {
        long delay = resendBackoff.next();
        detail = "edit not stored (" + why + "); retrying in " + seconds(delay);
        publishStatus();
        int mine = epoch;
        cancelPending();
        pendingTask = scheduler.schedule(delay, () -> {
            if (mine == epoch && phase == Phase.ONLINE && ot.state().awaitsAck(clientSeq)) {
                detail = "";
                ot.resend();
                publishStatus();
            }
        });
    }

    // --- presence ---------------------------------------------------------------------------

    private void sendCursorIfSynchronized() {
        if (phase != Phase.ONLINE || ot == null || !ot.isSynchronized() || isReadOnly()) {
            return;
        }
        Selection selection = document.selection();
        if (selection.equals(lastSentSelection)) {
            return;
        }
        lastSentSelection = selection;
        connection.send(new ClientMessage.Cursor(ot.revision(), selection.ranges()));
    }

    // --- helpers ----------------------------------------------------------------------------

    private void publishStatus() {
        boolean stored = ot == null || ot.isSynchronized();
        if (phase == Phase.ONLINE && stored && !detail.isEmpty() && detail.startsWith("edit not stored")) {
            detail = "";
        }
        listener.status(new Status(phase, ot == null ? -1 : ot.revision(), stored, detail));
        if (stored) {
            resendBackoff.reset();
        }
    }

    private void cancelPending() {
        if (pendingTask != null) {
            pendingTask.run();
            pendingTask = null;
        }
    }

    /** For the start screen, once the server refused the connection for good. */
    private String whyClosedForGood(int code, String reason) {
        return switch (code) {
            case CloseCodes.ROOM_NOT_FOUND -> target.viewOnly()
                    ? "The view-only link " + target.id() + " is not valid on " + server + "."
                    : "There is no room " + target.id() + " on " + server + ".";
            case CloseCodes.INVALID_ROOM_ID -> "\"" + target.id() + "\" is not a "
                    + (target.viewOnly() ? "view-only link." : "room ID.");
            default -> "The server refused this client: " + (closeMessage != null ? closeMessage : reason);
        };
    }

    private static String describeClose(int code, String reason) {
        String what = switch (code) {
            case CloseCodes.GOING_AWAY -> "the server is restarting";
            case CloseCodes.TRY_AGAIN_LATER -> "the server's database is unavailable";
            case CloseCodes.INTERNAL_ERROR -> "the server hit an error";
            case CloseCodes.IDLE_TIMEOUT -> "the connection was idle too long";
            case CloseCodes.TOO_MANY_CONNECTIONS -> "too many connections from this computer";
            case CloseCodes.SLOW_CONSUMER -> "this client fell behind";
            case 1006 -> "connection lost";
            default -> "disconnected (" + code + ")";
        };
        return reason == null || reason.isBlank() || code == CloseCodes.GOING_AWAY ? what : what + ": " + reason;
    }

    private static String seconds(long millis) {
        return Math.max(1, Math.round(millis / 1000.0)) + " s";
    }

    /** The OtClient's view of the world: send through the current connection, apply to the editor. */
    private final class Channel implements ClientChannel {
        @Override
        public void send(long baseRevision, long clientSeq, TextOperation op) {
            // Before joined (or while offline) the edit stays outstanding; resend() after joined sends it.
            if (phase == Phase.ONLINE && connection != null) {
                connection.send(new ClientMessage.Op(clientId, clientSeq, baseRevision, op));
            }
        }

        @Override
        public void applyRemote(TextOperation op) {
            document.applyRemote(op);
        }
    }
}
