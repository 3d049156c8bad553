package io.pairprog.desktop.support;

import io.pairprog.ot.ClientChannel;
import io.pairprog.ot.OtClient;
import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ProtocolException;
import io.pairprog.protocol.ServerMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A second participant for the GUI tests: the shared {@link OtClient} over the JDK's own WebSocket
 * client (so it shares no transport code with the app), holding its own copy of the document.
 * Like the app it confines the state machine to one thread: received messages and the test's
 * edits are both queued to {@code owner}.
 */
public final class TestPeer implements AutoCloseable {

    private static final MessageCodec CODEC = new MessageCodec();

    private final ExecutorService owner;
    private final String clientId;
    private final String name;
    private final CompletableFuture<Void> joined = new CompletableFuture<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> participants = new ArrayList<>();
    private final java.util.Map<String, String> roles = new java.util.HashMap<>();
    private volatile WebSocket socket; // set in onOpen: initial_code may arrive before buildAsync completes
    private OtClient ot;
    private String doc;
    private String language;

    private TestPeer(String clientId, String name) {
        this.clientId = clientId;
        this.name = name;
        this.owner = Executors.newSingleThreadExecutor(r -> new Thread(r, "peer-" + name));
    }

    /** Connects to {@code ws://…/ws/{roomId}} and returns once {@code joined} has arrived. */
    public static TestPeer join(URI webSocket, String clientId, String name) {
        TestPeer peer = new TestPeer(clientId, name);
        HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(webSocket, peer.new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
        peer.joined.orTimeout(10, TimeUnit.SECONDS).join();
        return peer;
    }

    /** A local edit: applied to the peer's text at once, sent when the state machine allows. */
    public void edit(TextOperation op) {
        on(() -> {
            doc = op.apply(doc);
            ot.applyClient(op);
            return null;
        });
    }

    /** A local edit made from the peer's current text, as a person edits what they see. */
    public void editWith(java.util.function.Function<String, TextOperation> edit) {
        on(() -> {
            TextOperation op = edit.apply(doc);
            doc = op.apply(doc);
            ot.applyClient(op);
            return null;
        });
    }

    /** A random insert (letters, a space or a newline) or delete somewhere in the text. */
    public void randomEdit(Random random) {
        on(() -> {
            TextOperation op = randomOperation(random, doc);
            doc = op.apply(doc);
            ot.applyClient(op);
            return null;
        });
    }

    /** Shows our selection to the others (sent only while synchronized, as the protocol asks). */
    public void select(int anchor, int head) {
        on(() -> {
            if (ot.isSynchronized()) {
                send(new ClientMessage.Cursor(ot.revision(), List.of(new Selection.Range(anchor, head))));
            }
            return null;
        });
    }

    /** Changes the room's language, as the language menu of another client would. */
    public void setLanguage(String language) {
        on(() -> {
            send(new ClientMessage.SetLanguage(language));
            return null;
        });
    }

    /** The room's language as last announced to this peer. */
    public String language() {
        return on(() -> language);
    }

    public String doc() {
        return on(() -> doc);
    }

    public boolean isSynchronized() {
        return on(() -> ot.isSynchronized());
    }

    public long revision() {
        return on(() -> ot.revision());
    }

    /** Names announced by {@code joined} and {@code participant}, minus those that left. */
    public List<String> participants() {
        return on(() -> List.copyOf(participants));
    }

    /** The role ({@code editor} or {@code viewer}) last announced for the participant called {@code name}, or null. */
    public String roleOf(String name) {
        return on(() -> roles.get(name));
    }

    /** Errors the server sent and anything that went wrong on the peer's thread. */
    public List<String> problems() {
        return on(() -> List.copyOf(problems));
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        owner.shutdownNow();
    }

    private <T> T on(java.util.concurrent.Callable<T> task) {
        try {
            return owner.submit(task).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(name + ": " + e, e);
        }
    }

    private void handle(String json) {
        ServerMessage message;
        try {
            message = CODEC.decodeServer(json);
        } catch (ProtocolException e) {
            problems.add("undecodable: " + e.getMessage());
            return;
        }
        if (message instanceof ServerMessage.InitialCode initial) {
            doc = initial.code();
            language = initial.language();
            ot = new OtClient(clientId, initial.revision(), new Channel());
            send(new ClientMessage.Hello(clientId, ot.revision(), name));
        } else if (message instanceof ServerMessage.Op op) {
            ot.applyServer(op.revision(), op.clientId(), op.clientSeq(), op.op());
        } else if (message instanceof ServerMessage.Ack ack) {
            ot.serverAck(ack.revision(), ack.clientSeq());
        } else if (message instanceof ServerMessage.Joined j) {
            participants.clear();
            j.participants().forEach(p -> {
                participants.add(p.name());
                roles.put(p.name(), p.role());
            });
            ot.resend();
            joined.complete(null);
        } else if (message instanceof ServerMessage.Language l) {
            language = l.language();
        } else if (message instanceof ServerMessage.ParticipantChanged p) {
            participants.add(p.name());
            roles.put(p.name(), p.role());
        } else if (message instanceof ServerMessage.Error error) {
            problems.add(error.code() + ": " + error.message());
        }
    }

    private void send(ClientMessage message) {
        socket.sendText(CODEC.encode(message), true).orTimeout(10, TimeUnit.SECONDS).join();
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

    private final class Channel implements ClientChannel {
        @Override
        public void send(long baseRevision, long clientSeq, TextOperation op) {
            TestPeer.this.send(new ClientMessage.Op(clientId, clientSeq, baseRevision, op));
        }

        @Override
        public void applyRemote(TextOperation op) {
            doc = op.apply(doc);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String json = partial.toString();
                partial.setLength(0);
                owner.execute(() -> {
                    try {
                        handle(json);
                    } catch (RuntimeException e) {
                        problems.add(e.toString());
                    }
                });
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            owner.execute(() -> problems.add("socket error: " + error));
        }
    }
}
