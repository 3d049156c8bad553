package io.pairprog.server.ws;

import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.CloseCodes;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ProtocolException;
import io.pairprog.protocol.ServerMessage;
import io.pairprog.server.edge.ClientAddresses;
import io.pairprog.server.ops.LogIds;
import io.pairprog.server.room.Ownership;
import io.pairprog.server.room.Room;
import io.pairprog.server.room.RoomIds;
import io.pairprog.server.room.RoomRegistry;
import io.pairprog.server.store.StoreException;
import io.pairprog.server.store.ViewIds;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import org.glassfish.tyrus.core.TyrusSession;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code /ws/{roomId}} and, read-only, {@code /ws/view/{viewId}}: one instance per connection. Each
 * callback decodes, hands the message to the room and lets the room reply; nothing here knows about
 * transformation or storage. Public only because Tyrus invokes the callbacks reflectively.
 */
public final class RoomEndpoint extends Endpoint {
    private static final Logger log = LoggerFactory.getLogger(RoomEndpoint.class);

    private final RoomRegistry registry;
    private final MessageCodec codec;
    private final ConnectionGuard guard;
    private final RateLimiter rate;
    private final Forwarding forwarding;
    private final ClientAddresses clients;
    private SessionPeer peer;
    private String address;
    private volatile Room room;
    private volatile Upstream upstream;
    /** The client's connection has closed (guarded by this). */
    private boolean gone;
    private String clientId;
    private Mailbox mailbox;
    private ConnectionFiles files;

    RoomEndpoint(RoomRegistry registry, MessageCodec codec, ConnectionGuard guard, Forwarding forwarding,
                 ClientAddresses clients) {
        this.registry = registry;
        this.clients = clients;
        this.forwarding = forwarding;
        this.codec = codec;
        this.guard = guard;
        this.rate = new RateLimiter(guard.limits().maxMessagesPerSecond(), System.nanoTime());
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        peer = new SessionPeer(session, guard);
        Map<String, Object> handshake = session.getUserProperties();
        if (!guard.originAllowed((String) handshake.get(WebSockets.ORIGIN), (String) handshake.get(WebSockets.HOST))) {
            refuse(ErrorCode.FORBIDDEN_ORIGIN, "pages from this origin may not connect", CloseCodes.FORBIDDEN_ORIGIN);
            return;
        }
        String forwarded = forwarding.forwardedAddress((String) handshake.get(WebSockets.CLIENT_ADDRESS),
                (String) handshake.get(WebSockets.NODE_SECRET));
        String remote = forwarded != null ? forwarded : session instanceof TyrusSession tyrus
                ? clients.of(tyrus.getRemoteAddr(), (String) handshake.get(WebSockets.FORWARDED_FOR)) : null;
        if (!guard.admit(remote == null ? "unknown" : remote)) {
            refuse(ErrorCode.TOO_MANY_CONNECTIONS, "too many connections from your address",
                    CloseCodes.TOO_MANY_CONNECTIONS);
            return;
        }
        address = remote == null ? "unknown" : remote;
        peer.fedByBus(forwarded != null && forwarding.fedBy((String) handshake.get(WebSockets.FED_BY)));
        guard.opened(peer);
        session.addMessageHandler(PongMessage.class, pong -> peer.heard());
        // What the client sends waits here until its room is found (here or on another node), and while a
        // hello is answered: at most two messages of the largest size.
        mailbox = new Mailbox(this::route, 2L * guard.limits().maxMessageBytes());
        mailbox.pause();
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) data -> refuse(
                ErrorCode.MALFORMED_MESSAGE, "binary frames are not part of the protocol", CloseCodes.UNSUPPORTED_DATA));
        String viewId = session.getPathParameters().get(WebSockets.VIEW_ID);
        boolean readOnly = viewId != null;
        files = new ConnectionFiles(peer, codec, readOnly);
        Optional<UUID> roomId;
        try {
            roomId = readOnly ? roomOfView(viewId) : roomOf(session.getPathParameters().get("roomId"));
        } catch (StoreException e) {
            log.warn("a view link could not be looked up: {}", e.getMessage());
            refuse(ErrorCode.STORE_UNAVAILABLE, "the database is unavailable; try again", CloseCodes.TRY_AGAIN_LATER);
            return;
        }
        roomId.ifPresent(id -> place(session, id, readOnly, System.nanoTime() + Forwarding.MAX_WAIT_MILLIS * 1_000_000));
    }

    /**
     * Joins the room here if this node serves it, else carries the connection on to the node that does.
     * When that node cannot be reached (it may have just died, its lease not yet run out), tries again
     * until the room has an owner or {@code deadline} passes.
     */
    private void place(Session session, UUID roomId, boolean readOnly, long deadline) {
        RoomRegistry.Placement placement;
        try {
            placement = registry.join(roomId, peer, readOnly);
        } catch (StoreException e) {
            log.warn("join of {} failed: {}", readOnly ? "a view link" : "a room", e.getMessage());
            refuse(ErrorCode.STORE_UNAVAILABLE, "the database is unavailable; try again", CloseCodes.TRY_AGAIN_LATER);
            return;
        }
        if (placement.room() != null) {
            synchronized (this) {
                room = placement.room();
                if (gone) {
                    room.leave(peer); // closed while this join was on its way
                    return;
                }
            }
            mailbox.resume();
        } else if (placement.elsewhere() != null) {
            Ownership.Elsewhere owner = placement.elsewhere();
            URI target = Forwarding.target(owner.url(), session.getRequestURI());
            Upstream.open(forwarding, target, roomId, address, peer)
                    .whenComplete((up, failure) -> {
                        if (failure == null) {
                            forwarding.track(up, roomId, owner.url());
                            forwardTo(up);
                        } else if (System.nanoTime() - deadline < 0 && session.isOpen()) {
                            log.debug("room's node {} unreachable ({}); trying again", owner.url(), failure.toString());
                            forwarding.after(Math.max(100, Math.min(owner.millisLeft() + 50, 1_000)),
                                    () -> place(session, roomId, readOnly, deadline));
                        } else {
                            refuse(ErrorCode.STORE_UNAVAILABLE, "the server of this room cannot be reached; try again",
                                    CloseCodes.TRY_AGAIN_LATER);
                        }
                    });
        } else {
            refuse(ErrorCode.ROOM_NOT_FOUND, readOnly ? "no room has this view link" : "no room " + roomId,
                    CloseCodes.ROOM_NOT_FOUND);
        }
    }

    private void forwardTo(Upstream up) {
        synchronized (this) {
            if (gone) {
                forwarding.untrack(up);
                up.close();
                return;
            }
            upstream = up;
        }
        mailbox.resume();
    }

    /** A message whose turn has come: to the room here, or on to its node. */
    private void route(String text) {
        Upstream up = upstream;
        if (up != null) {
            up.send(text);
        } else {
            onMessage(text);
        }
    }

    private Optional<UUID> roomOf(String roomId) {
        Optional<UUID> id = RoomIds.parse(roomId);
        if (id.isEmpty()) {
            refuse(ErrorCode.INVALID_ROOM_ID, "room id must be a UUID", CloseCodes.INVALID_ROOM_ID);
        }
        return id;
    }

    /** The room behind a view link. Its errors never name the room: the view link must not reveal it. */
    private Optional<UUID> roomOfView(String viewId) {
        Optional<UUID> id = ViewIds.isWellFormed(viewId) ? registry.roomOfView(viewId) : Optional.empty();
        if (id.isEmpty()) {
            refuse(ErrorCode.ROOM_NOT_FOUND, "no room has this view link", CloseCodes.ROOM_NOT_FOUND);
        }
        return id;
    }

    /** Size and rate are judged as messages arrive; the mailbox then hands them to {@link #onMessage} in order. */
    private void onText(String text) {
        peer.heard();
        int maxBytes = guard.limits().maxMessageBytes();
        if (Utf8.exceeds(text, maxBytes)) {
            // The edit inside cannot be read, so it cannot be refused by clientSeq: close instead.
            refuse(ErrorCode.MESSAGE_TOO_LARGE, "message exceeds " + maxBytes + " bytes", CloseCodes.MESSAGE_TOO_BIG);
            return;
        }
        if (!rate.tryAcquire(System.nanoTime())) {
            dropped(text, "more than " + guard.limits().maxMessagesPerSecond() + " messages per second");
            return;
        }
        if (!mailbox.deliver(text)) {
            dropped(text, "too much sent while joining");
        }
    }

    private void dropped(String text, String why) {
        peer.send(codec.encode(new ServerMessage.Error(ErrorCode.RATE_LIMITED, why + "; message dropped, send it again",
                clientSeqOf(text))));
    }

    /** Every log line while handling a message names the room (by a hash) and, once known, the client. */
    private void onMessage(String text) {
        MDC.put("room", LogIds.room(room.id()));
        if (clientId != null) {
            MDC.put("client", clientId);
        }
        try {
            handle(text);
        } finally {
            MDC.remove("room");
            MDC.remove("client");
        }
    }

    private void handle(String text) {
        MessageCodec.Addressed addressed;
        try {
            addressed = codec.decodeAddressed(text);
        } catch (ProtocolException e) {
            peer.send(codec.encode(new ServerMessage.Error(e.code(), e.getMessage(), e.clientSeq())));
            return;
        }
        ClientMessage message = addressed.message();
        try {
            if (ConnectionFiles.concerns(addressed)) {
                files.handle(room, addressed, mailbox::pause, mailbox::resume);
            } else {
                dispatch(message);
            }
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            log.error("error {} handling a {} in room {}", errorId, message.getClass().getSimpleName(),
                    LogIds.room(room.id()), e);
            // An edit that hit a server bug is kept by its sender and resent later: name it.
            Long clientSeq = message instanceof ClientMessage.Op op ? op.clientSeq() : null;
            peer.send(codec.encode(new ServerMessage.Error(ErrorCode.INTERNAL_ERROR,
                    "internal error " + errorId + "; the message was not applied", clientSeq)));
            if (message instanceof ClientMessage.Hello) {
                mailbox.resume(); // no catch-up will
            }
        }
    }

    private void dispatch(ClientMessage message) {
        if (message instanceof ClientMessage.Op op) {
            room.receive(peer, op);
        } else if (message instanceof ClientMessage.Hello hello) {
            clientId = hello.clientId();
            files.joinedAs(clientId);
            mailbox.pause();
            room.hello(peer, hello, mailbox::resume);
        } else if (message instanceof ClientMessage.CodeUpdate update) {
            room.replaceText(peer, update.code());
        } else if (message instanceof ClientMessage.Cursor cursor) {
            room.cursor(peer, cursor);
        } else if (message instanceof ClientMessage.Rename rename) {
            room.rename(peer, rename);
        } else if (message instanceof ClientMessage.SetLanguage language) {
            room.setLanguage(peer, language);
        }
    }

    /** The clientSeq of a dropped op, so that its sender knows which edit to resend; null if none. */
    private Long clientSeqOf(String text) {
        try {
            return codec.decodeClient(text) instanceof ClientMessage.Op op ? op.clientSeq() : null;
        } catch (ProtocolException e) {
            return null;
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        Room joined;
        Upstream up;
        synchronized (this) {
            gone = true;
            joined = room;
            up = upstream;
        }
        if (joined != null) {
            // Tyrus may run this inside a send, holding its lock on the connection, from within any of the
            // rooms (the room, its files) the connection is in; another sender to it may hold one of their
            // locks while it waits for Tyrus's. So the rooms are left from another thread.
            CompletableFuture.runAsync(() -> {
                files.closeAll();
                joined.leave(peer);
            });
        }
        if (up != null) {
            forwarding.untrack(up);
            up.close();
        }
        if (address != null) {
            guard.closed(peer);
            guard.release(address);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        log.debug("session {} failed", session.getId(), error);
    }

    /** Tells the client why, then closes; the error goes out synchronously so it precedes the close. */
    private void refuse(ErrorCode code, String message, int closeCode) {
        peer.sendNow(codec.encode(new ServerMessage.Error(code, message, null)));
        peer.close(closeCode, message);
    }
}
