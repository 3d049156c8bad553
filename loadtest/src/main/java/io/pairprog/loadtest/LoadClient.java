package io.pairprog.loadtest;

import io.pairprog.client.Listener;
import io.pairprog.client.Notice;
import io.pairprog.client.RoomClient;
import io.pairprog.client.Scheduler;
import io.pairprog.client.Transport;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ProtocolException;
import io.pairprog.protocol.ServerMessage;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One simulated editor, speaking the protocol as the web page does, because it runs the same client: the
 * production {@link RoomClient} ({@code initial_code}, {@code hello}, one operation in flight with later
 * keystrokes composed into the buffer, resends after a refusal). Around it this class times each edit:
 * the {@link EditTracker} hears of an edit when its {@code op} leaves, of its ack, and of each peer
 * applying it. A dropped connection is a failure of the run, never reconnected. Everything runs on the
 * {@link EventLoop}.
 */
final class LoadClient implements Connection.Handler {
    private final String clientId;
    private final String roomId;
    private final int peers;
    private final boolean keepText;
    private final MessageCodec codec;
    private final EditTracker tracker;
    private final CompletableFuture<LoadClient> joined = new CompletableFuture<>();
    private final RoomClient client;
    private Target target;
    private HttpClient http;
    private EventLoop loop;
    private Connection connection;
    private Document document;
    private boolean broken;
    /** When the first keystroke not yet sent was typed, and how many keystrokes wait in the buffer. */
    private long firstUnsentNanos;
    private int unsentKeystrokes;
    /** The newest clientSeq the tracker heard of: a resend of an edit is not a new one. */
    private long trackedSeq;
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
        Wire wire = new Wire();
        // Presence is not part of the load: no cursor is shown, so no operations are kept to place one.
        this.client = new RoomClient(n -> clientId, null, false, wire, wire, wire, wire).rememberOperations(0);
    }

    /** Connects and joins; the future completes on {@code joined}. */
    CompletableFuture<LoadClient> join(Target joinTarget, HttpClient httpClient, EventLoop eventLoop) {
        this.target = joinTarget;
        this.http = httpClient;
        this.loop = eventLoop;
        client.start();
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
        client.localEdit(op);
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
        return client.isSynchronized();
    }

    int unsentKeystrokes() {
        return unsentKeystrokes;
    }

    String roomId() {
        return roomId;
    }

    long revision() {
        return client.revision();
    }

    int length() {
        return document == null ? 0 : document.length();
    }

    /** The client's text, or null when it keeps only the length. */
    String text() {
        return document == null ? null : document.text();
    }

    void close() {
        client.close();
    }

    /** Times the edit as the client sees it, then hands the message to the client. */
    @Override
    public void onMessage(String text) {
        ServerMessage message;
        try {
            message = codec.decodeServer(text);
        } catch (ProtocolException e) {
            fail("undecodable message: " + e.getMessage());
            return;
        }
        if (message instanceof ServerMessage.Ack ack) {
            boolean expected = client.state() != null && client.state().awaitsAck(ack.clientSeq());
            client.receive(message);
            if (expected) {
                tracker.acked(clientId, ack.clientSeq());
            } else {
                tracker.step().unexpected++;
            }
        } else if (message instanceof ServerMessage.Op op) {
            client.receive(message);
            if (!clientId.equals(op.clientId()) && joined.isDone()) {
                tracker.applied(op.clientId(), op.clientSeq());
            }
        } else {
            if (message instanceof ServerMessage.InitialCode) {
                initialCodeNanos = System.nanoTime();
            } else if (message instanceof ServerMessage.Error error) {
                tracker.step().error(clientId + ": " + error.code() + " " + error.message());
            }
            client.receive(message);
            if (message instanceof ServerMessage.Joined && client.isJoined()) {
                joinedNanos = System.nanoTime();
                joined.complete(this);
            }
        }
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

    /** The client's world: the one connection, the text (or its length), the loop's timers, and failures. */
    private final class Wire implements Transport, Scheduler, io.pairprog.client.Document, Listener {
        @Override
        public boolean send(ClientMessage message) {
            connection.send(codec.encode(message));
            if (message instanceof ClientMessage.Op op && op.clientSeq() > trackedSeq) {
                trackedSeq = op.clientSeq();
                tracker.sent(clientId, op.clientSeq(), firstUnsentNanos, unsentKeystrokes, peers);
                unsentKeystrokes = 0;
            }
            return true;
        }

        @Override
        public void connect() {
            if (connection != null) {
                if (!broken) {
                    fail("the client asked to connect again (" + client.status() + "); the load tool does not");
                }
                return;
            }
            connection = new Connection(loop, LoadClient.this);
            connection.open(http, target.webSocket(roomId));
        }

        @Override
        public void disconnect() {
            if (connection != null) {
                connection.close();
            }
        }

        @Override
        public Runnable schedule(long delayMillis, Runnable task) {
            ScheduledFuture<?> timer = loop.after(delayMillis, task);
            return () -> timer.cancel(false);
        }

        @Override
        public void reset(String text) {
            document = Document.of(text, keepText);
        }

        @Override
        public void applyRemote(TextOperation op) {
            document.apply(op);
        }

        @Override
        public void notice(Notice notice) {
            if (notice.code() == null) { // the server's refusals are counted as they arrive
                fail("out of step: " + notice.message());
            }
        }
    }
}
