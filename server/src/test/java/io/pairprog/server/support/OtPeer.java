package io.pairprog.server.support;

import io.pairprog.client.Document;
import io.pairprog.client.FilesClient;
import io.pairprog.client.Listener;
import io.pairprog.client.Notice;
import io.pairprog.client.RoomClient;
import io.pairprog.client.Transport;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ProtocolException;
import io.pairprog.protocol.ServerMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * An OT client as our real clients are built: the production {@link RoomClient} over a {@link WsClient},
 * holding its own copy of the document. Messages and the client's timers (its resend and reconnect
 * backoff) are processed only when the test calls {@link #pump}, so a test decides how edits and
 * deliveries interleave. A client that cannot join, or that finds itself out of step with the server, is
 * a failure of the test.
 */
public final class OtPeer implements AutoCloseable {
    private static final MessageCodec CODEC = new MessageCodec();
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    /** Where each connection goes: the next of these each time, as a client spread over several nodes. */
    private final List<URI> addresses;
    private int connections;
    private final String clientId;
    private final List<ServerMessage.Error> errors = new ArrayList<>();
    private final List<Timer> timers = new ArrayList<>();
    private final RoomClient client;
    /** The files side, for a peer that opens files ({@link #joinWithFiles}); null otherwise. */
    private PeerFiles files;
    private WsClient ws;
    private String doc = "";
    /** Why the last connect failed (the server is down), for {@link #reconnect()} to throw. */
    private RuntimeException connectFailure;

    private OtPeer(List<URI> addresses, int first, String clientId) {
        this.addresses = List.copyOf(addresses);
        this.connections = first;
        this.clientId = clientId;
        Peer peer = new Peer();
        this.client = new RoomClient(n -> n == 0 ? clientId : clientId + "-r" + n, clientId, false, peer,
                this::schedule, peer, peer);
    }

    /** Connects, takes the initial text and completes the hello handshake. */
    public static OtPeer join(TestServer server, String roomId, String clientId) {
        return join(server.ws("/ws/" + roomId), clientId);
    }

    /** The same, for a room at any WebSocket address (e.g. a server started as a separate process). */
    public static OtPeer join(URI room, String clientId) {
        return join(List.of(room), 0, clientId);
    }

    /**
     * The same for a room served by several nodes: connects to {@code addresses[first]}, and each
     * reconnect to the next address, as a client behind a round-robin balancer or with a node list does.
     */
    public static OtPeer join(List<URI> addresses, int first, String clientId) {
        OtPeer peer = new OtPeer(addresses, first, clientId);
        peer.client.start();
        peer.awaitJoined();
        return peer;
    }

    /** The same for a client that also follows the room's files and opens some ({@link #files()}). */
    public static OtPeer joinWithFiles(URI room, String clientId) {
        OtPeer peer = new OtPeer(List.of(room), 0, clientId);
        peer.files = new PeerFiles(clientId, peer::schedule);
        peer.files.attach(new FilesClient(peer.new Peer(), peer.client, peer.files));
        peer.client.start();
        peer.awaitJoined();
        return peer;
    }

    /** The files side; null unless joined {@link #joinWithFiles with files}. */
    public PeerFiles files() {
        return files;
    }

    /** A local edit, as typing would make it: applied at once, sent when the state machine allows. */
    public void edit(TextOperation op) {
        doc = op.apply(doc);
        client.localEdit(op);
    }

    /** A random insert or delete that never splits a surrogate pair. */
    public void randomEdit(Random random) {
        edit(RandomEdits.next(random, doc));
    }

    /** Processes whatever arrives within {@code wait}, and the client's timers that are due; notices a closed socket. */
    public void pump(Duration wait) {
        runDueTimers();
        while (ws != null) {
            String message = ws.poll(wait);
            if (message == null && ws.isClosed() && (message = ws.poll(Duration.ZERO)) == null) {
                WsClient closed = ws;
                ws = null;
                client.closed(closed.closeCode(), "");
            }
            if (message == null) {
                break;
            }
            handle(message);
            wait = Duration.ZERO;
        }
        runDueTimers();
    }

    /** True while joined: edits go out as they are made. */
    public boolean isConnected() {
        return client.isJoined();
    }

    /** Processes messages until nothing is in flight, or fails after {@code timeout}. */
    public void settle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!client.isSynchronized()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(clientId + " did not settle: " + client.state() + ", " + client.status()
                        + ", errors " + errors);
            }
            pump(Duration.ofMillis(20));
        }
    }

    /** Processes messages until this client has reached {@code revision}, or fails after {@code timeout}. */
    public void pumpUntilRevision(long revision, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (client.revision() < revision) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(clientId + " stayed at revision " + client.revision() + ", expected " + revision);
            }
            pump(Duration.ofMillis(20));
        }
    }

    /** Drops the connection abruptly, as a lost network would; local edits made meanwhile wait in the client. */
    public void disconnect() {
        WsClient lost = ws;
        ws = null;
        lost.abort();
        client.closed(1006, "aborted by the test");
    }

    /**
     * Connects again now (without waiting for the backoff) unless already joined, and returns once joined:
     * the client catches up from the revision it has and resends what is unacknowledged. Throws when the
     * server cannot be reached.
     */
    public void reconnect() {
        if (client.isJoined()) {
            return;
        }
        connectFailure = null;
        client.retryNow();
        if (connectFailure != null) {
            throw connectFailure;
        }
        awaitJoined();
    }

    public String doc() {
        return doc;
    }

    public long revision() {
        return client.revision();
    }

    public List<ServerMessage.Error> errors() {
        return errors;
    }

    /** Whether a connection is open now (joined or joining). */
    public boolean hasConnection() {
        return ws != null;
    }

    public WsClient socket() {
        return ws;
    }

    @Override
    public void close() {
        client.close();
    }

    private void awaitJoined() {
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        while (!client.isJoined()) {
            if (connectFailure != null) {
                throw connectFailure;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(clientId + " did not join within " + JOIN_TIMEOUT + ": " + client.status()
                        + ", errors " + errors);
            }
            pump(Duration.ofMillis(20));
        }
    }

    private void handle(String json) {
        ServerMessage message;
        String file;
        try {
            MessageCodec.ServerAddressed addressed = CODEC.decodeServerAddressed(json);
            message = addressed.message();
            file = addressed.file();
        } catch (ProtocolException e) {
            throw new AssertionError("server sent an undecodable message: " + json, e);
        }
        if (files != null && files.receive(file, message)) {
            return;
        }
        if (message instanceof ServerMessage.Error error) {
            errors.add(error);
            if (error.code() == ErrorCode.CLIENT_ID_TAKEN || error.clientSeq() == null && error.message().startsWith("hello:")) {
                throw new AssertionError(clientId + " could not join: " + error);
            }
        }
        client.receive(message);
    }

    private Runnable schedule(long delayMillis, Runnable task) {
        Timer timer = new Timer(System.nanoTime() + delayMillis * 1_000_000, task);
        timers.add(timer);
        return () -> timers.remove(timer);
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        List<Timer> due = timers.stream().filter(t -> t.dueNanos <= now).sorted(Comparator.comparingLong(Timer::dueNanos)).toList();
        timers.removeAll(due);
        due.forEach(t -> t.task.run());
    }

    private record Timer(long dueNanos, Runnable task) {
    }

    /** The client's world: a {@link WsClient} per connection, the text as a string, and failures as test failures. */
    private final class Peer implements Transport, Document, Listener {
        @Override
        public boolean send(ClientMessage message) {
            if (ws == null) {
                return false;
            }
            try {
                ws.send(CODEC.encode(message));
                return true;
            } catch (RuntimeException connectionLost) {
                return false; // pump notices the close
            }
        }

        @Override
        public boolean send(ClientMessage message, String file) {
            if (ws == null) {
                return false;
            }
            try {
                ws.send(CODEC.encode(message, file));
                return true;
            } catch (RuntimeException connectionLost) {
                return false;
            }
        }

        @Override
        public void status(io.pairprog.client.Status status) {
            if (files != null) {
                files.roomStatus(client.isJoined());
            }
        }

        @Override
        public void connect() {
            disconnect();
            try {
                ws = WsClient.connect(addresses.get(connections++ % addresses.size()));
            } catch (RuntimeException e) {
                connectFailure = e;
                client.closed(1006, String.valueOf(e));
                return;
            }
            client.opened();
        }

        @Override
        public void disconnect() {
            if (ws != null) {
                ws.close();
                ws = null;
            }
        }

        @Override
        public void reset(String text) {
            doc = text;
        }

        @Override
        public void applyRemote(TextOperation op) {
            doc = op.apply(doc);
        }

        @Override
        public void notice(Notice notice) {
            if (notice.code() == null) { // the server's refusals are in errors(); this is the client finding itself out of step
                throw new AssertionError(clientId + ": " + notice);
            }
        }
    }
}
