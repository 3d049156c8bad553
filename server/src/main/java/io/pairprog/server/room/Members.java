package io.pairprog.server.room;

import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ServerMessage;
import io.pairprog.server.store.LoggedOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The connections of one room and the ways the room speaks to them: to one, to every OT client, to the
 * seed clients. Guarded by the room's lock; sends never block (see {@link Peer}).
 */
final class Members {
    private final MessageCodec codec;
    private final UUID room;
    private final NodeFanOut fanOut;
    private final String file;
    private final Map<Peer, Participant> byPeer = new LinkedHashMap<>();
    /**
     * The same participants as an immutable list, replaced on join and leave. Broadcasts iterate this:
     * a failing send may close its session synchronously, and the close handler re-enters the room to
     * leave it while the broadcast is still iterating.
     */
    private List<Participant> everyone = List.of();

    /** @param file the id every message names as its {@code file}, or null for the main file (named by none) */
    Members(MessageCodec codec, UUID room, NodeFanOut fanOut, String file) {
        this.codec = codec;
        this.room = room;
        this.fanOut = fanOut;
        this.file = file;
    }

    private String encode(ServerMessage message) {
        return file == null ? codec.encode(message) : codec.encode(message, file);
    }

    Participant get(Peer peer) {
        return byPeer.get(peer);
    }

    void add(Participant p) {
        byPeer.put(p.peer, p);
        everyone = List.copyOf(byPeer.values());
    }

    Participant remove(Peer peer) {
        Participant gone = byPeer.remove(peer);
        everyone = List.copyOf(byPeer.values());
        return gone;
    }

    boolean isEmpty() {
        return byPeer.isEmpty();
    }

    int size() {
        return byPeer.size();
    }

    List<Participant> everyone() {
        return everyone;
    }

    List<Peer> peers() {
        return new ArrayList<>(byPeer.keySet());
    }

    /** True while {@code p} is still this room's participant for its connection. */
    boolean isCurrent(Participant p) {
        return byPeer.get(p.peer) == p;
    }

    /** The connection joined under {@code clientId}, if any. */
    Participant connectionOf(String clientId) {
        for (Participant p : everyone) {
            if (clientId.equals(p.clientId)) {
                return p;
            }
        }
        return null;
    }

    void send(Peer peer, ServerMessage message) {
        peer.send(encode(message));
    }

    void sendError(Peer peer, ErrorCode code, String message, Long clientSeq) {
        send(peer, new ServerMessage.Error(code, message, clientSeq));
    }

    void refuse(Peer peer, Refusal refusal, Long clientSeq) {
        sendError(peer, refusal.code(), refusal.message(), clientSeq);
    }

    void broadcastToOt(ServerMessage message, Participant except) {
        String json = encode(message);
        for (Participant p : everyone) {
            if (p != except && p.speaksOt()) {
                p.peer.send(json);
            }
        }
    }

    String encode(LoggedOperation op) {
        return encode(new ServerMessage.Op(op.revision(), op.clientId(), op.clientSeq(), op.operation()));
    }

    /**
     * Acks a durable operation to its sender and sends it to every other OT client; clients fed from the
     * bus get it from there, published once. Their sender still gets the ack: its node then notices at once
     * when the bus lost the operation.
     */
    void publish(LoggedOperation op, Participant sender) {
        String broadcast = encode(op);
        boolean fed = false;
        for (Participant p : everyone) {
            if (p != sender) {
                if (p.speaksOt()) {
                    if (p.fed) {
                        fed = true;
                    } else {
                        p.peer.send(broadcast);
                    }
                }
            } else if (p.speaksOt() && op.clientId().equals(p.clientId)) {
                send(p.peer, new ServerMessage.Ack(op.revision(), op.clientSeq()));
                fed |= p.fed;
            }
        }
        if (fed) {
            fanOut.op(room, op, broadcast);
        }
    }

    /** A moved selection, to every OT client but its owner: directly, or once through the bus for the fed ones. */
    void broadcastCursor(ServerMessage.Cursor cursor, Participant owner) {
        String json = encode(cursor);
        boolean fed = false;
        for (Participant p : everyone) {
            if (p != owner && p.speaksOt()) {
                if (p.fed) {
                    fed = true;
                } else {
                    p.peer.send(json);
                }
            }
        }
        if (fed) {
            fanOut.cursor(room, cursor.clientId(), json);
        }
    }

    /** Seed clients get the whole durable text, except the one that wrote all of it (it has it already). */
    void sendTextToSeedClients(String text, long revision, Participant soleAuthor) {
        String update = null;
        for (Participant p : everyone) {
            if (p.speaksOt() || p == soleAuthor) {
                continue;
            }
            if (update == null) {
                update = encode(new ServerMessage.CodeUpdate(text, revision));
            }
            p.peer.send(update);
            p.seen.saw(text, revision);
        }
    }

    /** Seed clients forget the texts of revisions that were rolled back; their next text re-applies their change. */
    void rolledBack(String durableText, long durableRevision) {
        for (Participant p : everyone) {
            if (p.seen.forgetAfter(durableRevision)) {
                p.seen.saw(durableText, durableRevision);
            }
        }
    }
}
