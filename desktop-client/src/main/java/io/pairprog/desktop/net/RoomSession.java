package io.pairprog.desktop.net;

import io.pairprog.client.Document;
import io.pairprog.client.Notice;
import io.pairprog.client.RoomClient;
import io.pairprog.client.Scheduler;
import io.pairprog.client.Status.Phase;
import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.Participant;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One room as this app takes part in it. The protocol (handshake, reconnects, resends, presence, the
 * reaction to every error and close code) is shared-protocol's {@link RoomClient}; this class gives it
 * a {@link ReconnectingConnection} over the {@link Connection.Connector}, and turns what it reports into
 * the status bar's and the start screen's words ({@link SessionWords}).
 *
 * <p><b>Threading.</b> Everything in this class, and everything it calls, runs on the Swing event
 * dispatch thread, the RoomClient's one thread. {@link Connection} callbacks arrive on network threads
 * and are handed over through the {@code ui} executor ({@code SwingUtilities::invokeLater} in the app):
 * network thread → {@code SwingUtilities.invokeLater} → EDT, with no exception. So the OT state, the
 * document and the presence state have one owner, and the EDT never waits for the network: connections
 * are opened and closed on background threads and messages are sent asynchronously.
 *
 * <p><b>View only.</b> A session joined through a view-only link ({@link RoomRef#view}) receives
 * everything an editor does but sends no edits, cursors or language changes; the server would refuse
 * them with {@code READ_ONLY}. Such a refusal is shown, never retried.
 */
public final class RoomSession {

    /** What the status bar shows. {@code revision} is -1 before the first {@code initial_code}. */
    public record Status(Phase phase, long revision, boolean allStored, String detail) {
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

    private final ServerAddress server;
    private final RoomRef target;
    private final Listener listener;
    private final SessionWords words;
    private final RoomClient client;

    /**
     * {@code clientIdBase} identifies this app instance; after starting over the session appends "-r1",
     * "-r2" …, so that a new {@code clientSeq} 1 never reuses a number the server has stored.
     */
    public RoomSession(ServerAddress server, RoomRef target, String clientIdBase, String name,
                       Connection.Connector connector, Executor ui, Scheduler scheduler,
                       Document document, Listener listener) {
        this.server = server;
        this.target = target;
        this.listener = listener;
        this.words = new SessionWords(server, target);
        ReconnectingConnection connection = new ReconnectingConnection(connector, target.webSocket(server), ui);
        this.client = new RoomClient(n -> n == 0 ? clientIdBase : clientIdBase + "-r" + n, name, target.viewOnly(),
                connection, scheduler, document, new Events());
        connection.attach(client, reason -> listener.notice("Skipped a message from the server: " + reason));
    }

    /** Connects for the first time. */
    public void start() {
        client.start();
    }

    /** Leaves the room for good. */
    public void close() {
        client.close();
    }

    /** A local edit, already applied to the editor's document. */
    public void localEdit(TextOperation op) {
        client.localEdit(op);
    }

    /** The local selection moved; peers see it while nothing local is unacknowledged. */
    public void localSelectionChanged() {
        client.localSelectionChanged();
    }

    /** Our display name; the others see it at once if online, else when we join again. */
    public void rename(String newName) {
        client.rename(newName);
    }

    /** Asks the server to change the room's language; the {@code language} broadcast confirms it. */
    public boolean setLanguage(String language) {
        return client.setLanguage(language);
    }

    public String clientId() {
        return client.clientId();
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
        return client.isReadOnly();
    }

    /** The display name the others see. */
    public String name() {
        return client.name();
    }

    public ServerAddress server() {
        return server;
    }

    public Phase phase() {
        return client.phase();
    }

    /** The revision of the text held; -1 before the first {@code initial_code}. */
    public long revision() {
        return client.revision();
    }

    /** True when the text is loaded and the server has stored every local edit. */
    public boolean isSynchronized() {
        return client.isSynchronized();
    }

    /** True when some local edit is not stored yet (leaving now would lose it). */
    public boolean hasUnstoredEdits() {
        return client.revision() >= 0 && !client.isSynchronized();
    }

    /** The RoomClient's reports, in the UI's words. */
    private final class Events implements io.pairprog.client.Listener {
        @Override
        public void status(io.pairprog.client.Status status) {
            boolean stored = status.sync() == io.pairprog.client.Status.Sync.LOADING
                    || status.sync() == io.pairprog.client.Status.Sync.SAVED;
            listener.status(new Status(status.phase(), status.revision(), stored, words.detail(status)));
        }

        @Override
        public void participants(List<Participant> everyone, String selfId) {
            listener.participants(everyone, selfId);
        }

        @Override
        public void remoteSelection(String clientId, Selection selection) {
            listener.remoteSelection(clientId, selection);
        }

        @Override
        public void language(String language, String byClientId) {
            listener.language(language);
        }

        @Override
        public void notice(Notice notice) {
            listener.notice(SessionWords.describe(notice));
        }

        @Override
        public void closed(int code, String why) {
            listener.roomClosed(words.whyClosedForGood(code, why));
        }
    }
}
