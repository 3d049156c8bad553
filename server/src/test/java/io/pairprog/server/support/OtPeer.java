package io.pairprog.server.support;

import io.pairprog.ot.ClientChannel;
import io.pairprog.ot.OtClient;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientAction;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ProtocolException;
import io.pairprog.protocol.ServerMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An OT client as our real clients are built: the shared {@link OtClient} state machine over a WebSocket,
 * holding its own copy of the document. Messages are processed only when the test calls {@link #pump},
 * so a test decides how edits and deliveries interleave.
 */
public final class OtPeer implements AutoCloseable {
    private static final MessageCodec CODEC = new MessageCodec();

    private final URI room;
    private final String clientId;
    private final List<ServerMessage.Error> errors = new ArrayList<>();
    private WsClient ws;
    private OtClient ot;
    private String doc;
    private boolean connected;
    /** Proves this peer owns its client id when it says hello again. */
    private String resumeToken;
    /** When to resend an edit the server refused for a passing reason (database down, rate, race). */
    private long resendAt = Long.MAX_VALUE;

    private OtPeer(URI room, String clientId) {
        this.room = room;
        this.clientId = clientId;
    }

    /** Connects, takes the initial text and completes the hello handshake. */
    public static OtPeer join(TestServer server, String roomId, String clientId) {
        return join(server.ws("/ws/" + roomId), clientId);
    }

    /** The same, for a room at any WebSocket address (e.g. a server started as a separate process). */
    public static OtPeer join(URI room, String clientId) {
        OtPeer peer = new OtPeer(room, clientId);
        peer.ws = WsClient.connect(room);
        var initial = peer.ws.next("initial_code");
        peer.doc = initial.get("code").asText();
        peer.ot = new OtClient(clientId, initial.get("revision").asLong(), peer.new Channel());
        peer.handshake();
        return peer;
    }

    private void handshake() {
        ws.send(CODEC.encode(new ClientMessage.Hello(clientId, ot.revision(), clientId, resumeToken)));
        connected = true;
        while (!handle(ws.next())) {
            // catch-up operations are applied until "joined"
        }
    }

    /** A local edit, as typing would make it: applied at once, sent when the state machine allows. */
    public void edit(TextOperation op) {
        doc = op.apply(doc);
        ot.applyClient(op);
    }

    /** A random insert or delete that never splits a surrogate pair. */
    public void randomEdit(Random random) {
        edit(RandomEdits.next(random, doc));
    }

    /** Processes whatever arrives within {@code wait}; notices when the server has gone away. */
    public void pump(Duration wait) {
        String message;
        while (connected && (message = ws.poll(wait)) != null) {
            handle(TestServer.json(message));
            wait = Duration.ZERO;
        }
        if (connected && ws.isClosed() && ws.poll(Duration.ZERO) == null) {
            connected = false;
        }
        if (connected && System.nanoTime() >= resendAt) {
            resendAt = Long.MAX_VALUE;
            ot.resend();
        }
    }

    public boolean isConnected() {
        return connected;
    }

    /** Processes messages until nothing is in flight, or fails after {@code timeout}. */
    public void settle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ot.isSynchronized()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(clientId + " did not settle: " + ot.state() + ", errors " + errors);
            }
            pump(Duration.ofMillis(20));
        }
    }

    /** Processes messages until this client has reached {@code revision}, or fails after {@code timeout}. */
    public void pumpUntilRevision(long revision, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ot.revision() < revision) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(clientId + " stayed at revision " + ot.revision() + ", expected " + revision);
            }
            pump(Duration.ofMillis(20));
        }
    }

    /** Drops the connection abruptly; local edits made meanwhile wait in the state machine. */
    public void disconnect() {
        connected = false;
        ws.abort();
    }

    /** Connects again and catches up from the revision it has; resends what is unacknowledged. */
    public void reconnect() {
        ws = WsClient.connect(room);
        ws.next("initial_code"); // a reconnecting client keeps its own text
        handshake();
    }

    private boolean handle(com.fasterxml.jackson.databind.JsonNode json) {
        ServerMessage message;
        try {
            message = CODEC.decodeServer(json.toString());
        } catch (ProtocolException e) {
            throw new AssertionError("server sent an undecodable message: " + json, e);
        }
        if (message instanceof ServerMessage.Op op) {
            ot.applyServer(op.revision(), op.clientId(), op.clientSeq(), op.op());
        } else if (message instanceof ServerMessage.Ack ack) {
            ot.serverAck(ack.revision(), ack.clientSeq());
        } else if (message instanceof ServerMessage.Joined joined) {
            if (joined.resumeToken() != null) {
                resumeToken = joined.resumeToken();
            }
            ot.resend();
            return true;
        } else if (message instanceof ServerMessage.Error error) {
            errors.add(error);
            if (error.code() == ErrorCode.CLIENT_ID_TAKEN || error.clientSeq() == null && error.message().startsWith("hello:")) {
                throw new AssertionError(clientId + " could not join: " + error);
            }
            if (error.code().clientAction() == ClientAction.RESEND_LATER && error.clientSeq() != null) {
                resendAt = System.nanoTime() + Duration.ofMillis(200).toNanos(); // as real clients do, with backoff
            }
        }
        return false;
    }

    public String doc() {
        return doc;
    }

    public long revision() {
        return ot.revision();
    }

    public List<ServerMessage.Error> errors() {
        return errors;
    }

    public WsClient socket() {
        return ws;
    }

    @Override
    public void close() {
        connected = false;
        ws.close();
    }

    private final class Channel implements ClientChannel {
        @Override
        public void send(long baseRevision, long clientSeq, TextOperation op) {
            if (connected) { // while offline the edit stays outstanding; resend() after the handshake sends it
                try {
                    ws.send(CODEC.encode(new ClientMessage.Op(clientId, clientSeq, baseRevision, op)));
                } catch (RuntimeException connectionLost) {
                    connected = false;
                }
            }
        }

        @Override
        public void applyRemote(TextOperation op) {
            doc = op.apply(doc);
        }
    }
}
