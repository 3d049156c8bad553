package io.pairprog.loadtest;

import io.pairprog.ot.ClientChannel;
import io.pairprog.ot.OtClient;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ProtocolException;
import io.pairprog.protocol.ServerMessage;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;

/**
 * One simulated editor, speaking the protocol as the web page does: {@code initial_code}, {@code hello},
 * then one operation in flight at a time ({@link OtClient}), with later keystrokes composed into the
 * buffer and incoming operations transformed past both. Everything runs on the {@link EventLoop}.
 */
final class LoadClient implements Connection.Handler, ClientChannel {
    private final String clientId;
    private final String roomId;
    private final int peers;
    private final boolean keepText;
    private final MessageCodec codec;
    private final EditTracker tracker;
    private final CompletableFuture<LoadClient> joined = new CompletableFuture<>();
    private Connection connection;
    private Document document;
    private OtClient ot;
    private boolean broken;
    /** When the first keystroke not yet sent was typed, and how many keystrokes wait in the buffer. */
    private long firstUnsentNanos;
    private int unsentKeystrokes;
    /** When {@code initial_code} and {@code joined} arrived, for the join measurement. */
    private long initialCodeNanos;
    private long joinedNanos;

    LoadClient(String clientId, String roomId, int peers, boolean keepText, MessageCodec codec, EditTracker tracker) {
        this.clientId = clientId;
        this.roomId = roomId;
        this.peers = peers;
        this.keepText = keepText;
        this.codec = codec;
        this.tracker = tracker;
    }

    /** Connects and joins; the future completes on {@code joined}. */
    CompletableFuture<LoadClient> join(Target target, HttpClient http, EventLoop loop) {
        connection = new Connection(loop, this);
        connection.open(http, target.webSocket(roomId));
        return joined;
    }

    /** Types {@code text} at {@code position} (clamped to the document). */
    void type(int position, String text) {
        if (!isReady()) {
            return;
        }
        int length = document.length();
        int at = Math.min(position, length);
        TextOperation op = TextOperation.builder().retain(at).insert(text).retain(length - at).build();
        document.apply(op);
        if (unsentKeystrokes++ == 0) {
            firstUnsentNanos = System.nanoTime();
        }
        tracker.typed();
        ot.applyClient(op);
    }

    long initialCodeNanos() {
        return initialCodeNanos;
    }

    long joinedNanos() {
        return joinedNanos;
    }

    boolean isReady() {
        return joined.isDone() && !joined.isCompletedExceptionally() && !broken;
    }

    boolean isSynchronized() {
        return ot != null && ot.isSynchronized();
    }

    int unsentKeystrokes() {
        return unsentKeystrokes;
    }

    String roomId() {
        return roomId;
    }

    long revision() {
        return ot == null ? -1 : ot.revision();
    }

    int length() {
        return document == null ? 0 : document.length();
    }

    /** The client's text, or null when it keeps only the length. */
    String text() {
        return document == null ? null : document.text();
    }

    void close() {
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    public void send(long baseRevision, long clientSeq, TextOperation op) {
        connection.send(codec.encode(new ClientMessage.Op(clientId, clientSeq, baseRevision, op)));
        tracker.sent(clientId, clientSeq, firstUnsentNanos, unsentKeystrokes, peers);
        unsentKeystrokes = 0;
    }

    @Override
    public void applyRemote(TextOperation op) {
        document.apply(op);
    }

    @Override
    public void onMessage(String text) {
        ServerMessage message;
        try {
            message = codec.decodeServer(text);
        } catch (ProtocolException e) {
            fail("undecodable message: " + e.getMessage());
            return;
        }
        try {
            dispatch(message);
        } catch (RuntimeException e) {
            fail(e.toString());
        }
    }

    private void dispatch(ServerMessage message) {
        if (message instanceof ServerMessage.Op op) {
            ot.applyServer(op.revision(), op.clientId(), op.clientSeq(), op.op());
            if (!clientId.equals(op.clientId()) && joined.isDone()) {
                tracker.applied(op.clientId(), op.clientSeq());
            }
        } else if (message instanceof ServerMessage.Ack ack) {
            if (ot.serverAck(ack.revision(), ack.clientSeq())) {
                tracker.acked(clientId, ack.clientSeq());
            } else {
                tracker.step().unexpected++;
            }
        } else if (message instanceof ServerMessage.InitialCode initial) {
            initialCodeNanos = System.nanoTime();
            document = Document.of(initial.code(), keepText);
            ot = new OtClient(clientId, initial.revision(), this);
            connection.send(codec.encode(new ClientMessage.Hello(clientId, initial.revision(), null)));
        } else if (message instanceof ServerMessage.Joined) {
            joinedNanos = System.nanoTime();
            joined.complete(this);
        } else if (message instanceof ServerMessage.Error error) {
            tracker.step().error(clientId + ": " + error.code() + " " + error.message());
        }
        // Presence (participant, cursor, language) is not part of the load.
    }

    private void fail(String why) {
        broken = true;
        tracker.step().error(clientId + ": " + why);
        joined.completeExceptionally(new IllegalStateException(clientId + ": " + why));
    }

    @Override
    public void onClosed(int code, String reason, Throwable error) {
        if (!joined.isDone()) {
            joined.completeExceptionally(new IllegalStateException(clientId + ": closed before joining: "
                    + code + " " + reason, error));
        } else if (!broken && error != null) {
            fail("connection failed: " + error);
        } else if (!broken && code != 1000) {
            fail("closed by the server: " + code + " " + reason);
        }
        broken = true;
    }
}
