package io.pairprog.server.ws;

import io.pairprog.protocol.CloseCodes;
import io.pairprog.server.fanout.FedConnection;
import io.pairprog.server.room.Peer;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's connection carried on to the node that serves its room: text both ways, in order; the
 * owner's close (and its code) is the client's close. The owner's messages are read one at a time, and
 * the next only once the client's queue has room ({@link Peer#isWritable}), so a slow client slows its
 * own upstream, never this node's memory. When the nodes share a bus, the client's operations and cursors
 * after {@code joined} come from its room's feed instead ({@link FedConnection}).
 */
final class Upstream implements WebSocket.Listener {
    private static final Logger log = LoggerFactory.getLogger(Upstream.class);

    private final Peer client;
    /** Null without a bus; released once, when the client goes. */
    private FedConnection fed;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    /** The last send; the next one starts when it completes (a JDK WebSocket sends one message at a time). */
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private boolean closed;

    private Upstream(Peer client) {
        this.client = client;
    }

    /**
     * Connects to {@code target} on behalf of {@code client}; completes with the upstream once the owner
     * accepted it, or exceptionally when it cannot be reached.
     */
    static CompletableFuture<Upstream> open(Forwarding forwarding, URI target, UUID room, String clientAddress,
                                           Peer client) {
        Upstream upstream = new Upstream(client);
        WebSocket.Builder builder = forwarding.http().newWebSocketBuilder().connectTimeout(Forwarding.CONNECT_TIMEOUT)
                .header(Forwarding.CLIENT_ADDRESS, clientAddress);
        String secret = forwarding.secret();
        if (secret != null) {
            builder.header(Forwarding.NODE_SECRET, secret);
            String bus = forwarding.busKind();
            if (bus != null) {
                builder.header(Forwarding.FED_BY, bus);
                upstream.fed = forwarding.feeds().connect(room, client);
            }
        }
        return builder.buildAsync(target, upstream).whenComplete((socket, failure) -> {
            if (failure != null) {
                upstream.release();
            }
        }).thenApply(socket -> upstream);
    }

    /** The client's part in its room's feed ends. */
    private synchronized void release() {
        if (fed != null) {
            fed.close();
            fed = null;
        }
    }

    /** Passes one message of the client on. */
    synchronized void send(String text) {
        if (closed) {
            return;
        }
        sending = sending.thenCompose(done -> socket.sendText(text, true)).exceptionally(failure(
                e -> log.debug("forwarding a message failed", e)));
    }

    /** The client has gone: so does the upstream, once what it sent before has gone out. */
    synchronized void close() {
        release();
        if (closed) {
            return;
        }
        closed = true;
        sending.thenCompose(done -> socket.sendClose(WebSocket.NORMAL_CLOSURE, ""))
                .exceptionally(failure(e -> socket.abort()));
    }

    /** The room's node is no longer its owner: the client goes (to come back through its new one), and so does this. */
    void abandon(int code, String reason) {
        synchronized (this) {
            closed = true;
        }
        client.close(code, reason);
        socket.abort();
    }

    private static <T> java.util.function.Function<Throwable, T> failure(Consumer<Throwable> handler) {
        return e -> {
            handler.accept(e);
            return null;
        };
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        synchronized (this) {
            socket = webSocket;
        }
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            FedConnection feed;
            synchronized (this) {
                feed = fed;
            }
            if (feed != null) {
                feed.fromOwner(partial.toString(), client::send);
            } else {
                client.send(partial.toString());
            }
            partial.setLength(0);
        }
        if (client.isWritable()) {
            webSocket.request(1);
        } else {
            client.whenWritable(() -> webSocket.request(1));
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        synchronized (this) {
            closed = true;
        }
        // 1005 and 1006 only describe a close, they cannot be sent in one.
        boolean sendable = statusCode >= 1000 && statusCode < 5000 && statusCode != 1005 && statusCode != 1006
                && statusCode != 1015;
        client.close(sendable ? statusCode : CloseCodes.TRY_AGAIN_LATER, reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        synchronized (this) {
            closed = true;
        }
        log.debug("the connection to the room's node failed", error);
        client.close(CloseCodes.TRY_AGAIN_LATER, "the server of this room went away; reconnect");
    }
}
