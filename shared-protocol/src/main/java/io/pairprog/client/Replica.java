package io.pairprog.client;

import io.pairprog.ot.AwaitingConfirm;
import io.pairprog.ot.AwaitingWithBuffer;
import io.pairprog.ot.ClientChannel;
import io.pairprog.ot.OperationException;
import io.pairprog.ot.OtClient;
import io.pairprog.ot.State;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ServerMessage;
import java.util.function.IntFunction;

/**
 * Our copy of the room and who we are in it: the {@link OtClient}, the client id and its resume token,
 * and the handshake that keeps them in step with the server ({@code initial_code} → {@code hello} →
 * catch-up → {@code joined} → resend). Used by its {@link RoomClient} only.
 */
final class Replica {
    private final RoomClient client;
    private final IntFunction<String> clientIds;
    private final Transport transport;
    private final Document document;
    private final Listener listener;
    private final Link link;
    private final Presence presence;
    private final Resender resender;
    private final Channel channel = new Channel();
    private String clientId;
    private int startOvers;
    /** Given by the server when this client id first joined; proves the id is ours in every later hello. */
    private String resumeToken;
    private String name;
    /** Null until the server's text is loaded, and again after starting over. */
    private OtClient ot;
    private boolean readOnly;

    Replica(RoomClient client, IntFunction<String> clientIds, String name, Transport transport, Document document,
            Listener listener, Link link, Presence presence, Resender resender) {
        this.client = client;
        this.clientIds = clientIds;
        this.clientId = clientIds.apply(0);
        this.name = name;
        this.transport = transport;
        this.document = document;
        this.listener = listener;
        this.link = link;
        this.presence = presence;
        this.resender = resender;
    }

    /** {@code initial_code}: take the text unless we hold one (a reconnect keeps its own and catches up), then hello. */
    void loaded(ServerMessage.InitialCode initial) {
        if (ot == null) {
            document.reset(initial.code());
            ot = new OtClient(clientId, initial.revision(), channel);
            presence.loaded(initial.revision(), initial.code().length());
        }
        if (initial.language() != null) {
            listener.language(initial.language(), null);
        }
        transport.send(new ClientMessage.Hello(clientId, ot.revision(), name, resumeToken));
        link.joining();
        client.publishStatus();
    }

    void applied(ServerMessage.Op op) {
        if (ot != null) {
            ot.applyServer(op.revision(), op.clientId(), op.clientSeq(), op.op());
            presence.stored(op.revision(), op.op());
            stepped();
        }
    }

    void acknowledged(ServerMessage.Ack ack) {
        if (ot == null) {
            return;
        }
        TextOperation outstanding = outstanding(ot.state());
        if (ot.serverAck(ack.revision(), ack.clientSeq())) {
            presence.stored(ack.revision(), outstanding);
            resender.stored();
        }
        stepped();
    }

    /** {@code joined}: the catch-up must have brought us to its revision; keep a new resume token, then resend. */
    void joined(ServerMessage.Joined joined) {
        if (ot == null) {
            return;
        }
        if (joined.revision() != ot.revision()) {
            throw new OperationException("joined: at revision " + joined.revision()
                    + ", but the catch-up brought us to " + ot.revision());
        }
        if (joined.resumeToken() != null) {
            resumeToken = joined.resumeToken();
        }
        readOnly = joined.readOnly();
        link.joined();
        presence.joined(joined.participants(), clientId);
        if (joined.language() != null) {
            listener.language(joined.language(), null);
        }
        ot.resend();
        stepped();
    }

    /** A local edit, already in the document; one made before the text is (re)loaded is dropped with it. */
    void edited(TextOperation op) {
        if (ot != null) {
            ot.applyClient(op);
            client.publishStatus();
        }
    }

    /** Sends the edit {@code clientSeq} again if it still awaits its ack and we are joined. */
    void resend(long clientSeq) {
        if (link.isJoined() && awaitsAck(clientSeq)) {
            ot.resend();
        }
    }

    /** A new client id with no resume token and no text: the next {@code initial_code} is taken as it is. */
    void startOver() {
        clientId = clientIds.apply(++startOvers);
        resumeToken = null;
        ot = null;
    }

    void rename(String newName) {
        name = newName;
    }

    /** True when {@code clientSeq} numbers the edit awaiting its ack. */
    boolean awaitsAck(Long clientSeq) {
        return clientSeq != null && ot != null && ot.state().awaitsAck(clientSeq);
    }

    /** Null before the text is loaded. */
    OtClient ot() {
        return ot;
    }

    String clientId() {
        return clientId;
    }

    String resumeToken() {
        return resumeToken;
    }

    String name() {
        return name;
    }

    /** The server said this connection may not edit. */
    boolean joinedReadOnly() {
        return readOnly;
    }

    private void stepped() {
        presence.stepped(ot);
        client.publishStatus();
    }

    private static TextOperation outstanding(State state) {
        if (state instanceof AwaitingConfirm confirm) {
            return confirm.outstanding();
        }
        return state instanceof AwaitingWithBuffer buffer ? buffer.outstanding() : null;
    }

    /** The OtClient's view of the world: send while joined (the resend after {@code joined} sends the rest), apply to the document. */
    private final class Channel implements ClientChannel {
        @Override
        public void send(long baseRevision, long clientSeq, TextOperation op) {
            if (link.isJoined()) {
                transport.send(new ClientMessage.Op(clientId, clientSeq, baseRevision, op));
            }
        }

        @Override
        public void applyRemote(TextOperation op) {
            document.applyRemote(op);
        }
    }
}
