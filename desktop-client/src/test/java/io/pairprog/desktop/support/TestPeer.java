package io.pairprog.desktop.support;

import io.pairprog.client.Document;
import io.pairprog.client.Listener;
import io.pairprog.client.Notice;
import io.pairprog.client.RoomClient;
import io.pairprog.client.Status;
import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.Participant;
import io.pairprog.protocol.ProtocolException;
import io.pairprog.protocol.ServerMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A second participant for the GUI tests: the production {@link RoomClient} over the JDK's own WebSocket
 * client ({@link JdkWebSocketTransport}, so it shares no transport code with the app), holding its own copy
 * of the document. Like the app it confines the client to one thread: socket events, its timers and the
 * test's edits are all queued to {@code owner}.
 */
public final class TestPeer implements AutoCloseable {

    private static final MessageCodec CODEC = new MessageCodec();

    private final ScheduledExecutorService owner;
    private final String clientId;
    private final String name;
    private final CompletableFuture<Void> joined = new CompletableFuture<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> roles = new HashMap<>();
    private final JdkWebSocketTransport socket;
    private final RoomClient client;
    private List<String> participants = List.of();
    private String doc = "";
    private String language;
    private Selection selection;

    private TestPeer(URI uri, String clientId, String name) {
        this.clientId = clientId;
        this.name = name;
        this.owner = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "peer-" + name));
        this.socket = new JdkWebSocketTransport(uri, owner, problems::add);
        Peer peer = new Peer();
        this.client = new RoomClient(n -> n == 0 ? clientId : clientId + "-r" + n, name, false, socket,
                this::schedule, peer, peer);
        socket.attach(client, this::handle);
    }

    /** Connects to {@code ws://…/ws/{roomId}} and returns once {@code joined} has arrived. */
    public static TestPeer join(URI webSocket, String clientId, String name) {
        TestPeer peer = new TestPeer(webSocket, clientId, name);
        peer.owner.execute(peer.client::start);
        peer.joined.orTimeout(10, TimeUnit.SECONDS).join();
        return peer;
    }

    /** A local edit: applied to the peer's text at once, sent when the state machine allows. */
    public void edit(TextOperation op) {
        editWith(text -> op);
    }

    /** A local edit made from the peer's current text, as a person edits what they see. */
    public void editWith(Function<String, TextOperation> edit) {
        on(() -> {
            TextOperation op = edit.apply(doc);
            doc = op.apply(doc);
            client.localEdit(op);
            return null;
        });
    }

    /** A random insert (letters, a space or a newline) or delete somewhere in the text. */
    public void randomEdit(Random random) {
        editWith(text -> randomOperation(random, text));
    }

    /** Shows our selection to the others (sent once nothing is unacknowledged, as the protocol asks). */
    public void select(int anchor, int head) {
        on(() -> {
            selection = new Selection(List.of(new Selection.Range(anchor, head)));
            client.localSelectionChanged();
            return null;
        });
    }

    /** Changes the room's language, as the language menu of another client would. */
    public void setLanguage(String newLanguage) {
        on(() -> client.setLanguage(newLanguage));
    }

    /** The room's language as last announced to this peer. */
    public String language() {
        return on(() -> language);
    }

    /** The id this peer joined under (the one the others' remote carets are keyed by). */
    public String clientId() {
        return clientId;
    }

    public String doc() {
        return on(() -> doc);
    }

    public boolean isSynchronized() {
        return on(client::isSynchronized);
    }

    public long revision() {
        return on(client::revision);
    }

    /** The names of everyone in the room, this peer included, as {@code joined}, {@code participant} and {@code participant_left} left them. */
    public List<String> participants() {
        return on(() -> participants);
    }

    /** The role ({@code editor} or {@code viewer}) last announced for the participant called {@code name}, or null. */
    public String roleOf(String participant) {
        return on(() -> roles.get(participant));
    }

    /** Errors the server sent, the client finding itself out of step, and anything that went wrong on the peer's thread. */
    public List<String> problems() {
        return on(() -> List.copyOf(problems));
    }

    /** Leaves the room and stops the peer's thread; closing a closed peer does nothing. */
    @Override
    public void close() {
        if (owner.isShutdown()) {
            return;
        }
        on(() -> {
            client.close();
            return socket.closing();
        }).orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        owner.shutdownNow();
    }

    private <T> T on(Callable<T> task) {
        try {
            return owner.submit(task).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(name + ": " + e, e);
        }
    }

    private Runnable schedule(long delayMillis, Runnable task) {
        ScheduledFuture<?> timer = owner.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return () -> timer.cancel(false);
    }

    private void handle(String json) {
        ServerMessage message;
        try {
            message = CODEC.decodeServer(json);
        } catch (ProtocolException e) {
            problems.add("undecodable: " + e.getMessage());
            return;
        }
        if (message instanceof ServerMessage.Error error) {
            problems.add(error.code() + ": " + error.message());
        }
        client.receive(message);
    }

    private static TextOperation randomOperation(Random random, String doc) {
        int at = random.nextInt(doc.length() + 1);
        TextOperation.Builder op = TextOperation.builder().retain(at);
        if (doc.length() > 20 && random.nextInt(3) == 0) {
            int n = 1 + random.nextInt(Math.min(4, doc.length() - at + 1));
            n = Math.min(n, doc.length() - at);
            if (n > 0) {
                return op.delete(n).retain(doc.length() - at - n).build();
            }
        }
        String[] pieces = {"x", "yz", " ", "\n", "q", "peer"};
        return op.insert(pieces[random.nextInt(pieces.length)]).retain(doc.length() - at).build();
    }

    /** The client's text and what it reports, on the owner thread. */
    private final class Peer implements Document, Listener {
        @Override
        public void reset(String text) {
            doc = text;
        }

        @Override
        public void applyRemote(TextOperation op) {
            doc = op.apply(doc);
        }

        @Override
        public Selection selection() {
            return selection;
        }

        @Override
        public void status(Status status) {
            if (status.phase() == Status.Phase.ONLINE) {
                joined.complete(null);
            }
        }

        @Override
        public void participants(List<Participant> everyone, String selfId) {
            participants = everyone.stream().map(Participant::name).toList();
            everyone.forEach(p -> roles.put(p.name(), p.role()));
        }

        @Override
        public void language(String newLanguage, String byClientId) {
            language = newLanguage;
        }

        @Override
        public void notice(Notice notice) {
            if (notice.code() == null) { // the server's refusals are recorded as they arrive
                problems.add("out of step: " + notice);
            }
        }
    }
}
