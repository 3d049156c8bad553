package io.pairprog.desktop.support;

import io.pairprog.client.RoomClient;
import io.pairprog.client.Transport;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.MessageCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@link RoomClient}'s transport over the JDK's own WebSocket client, so that a test peer shares no
 * transport code with the app. Socket events are handed to the client's {@code owner} thread; those of a
 * connection that has since been replaced or dropped are dropped there. A send waits for the previous one,
 * which the JDK client requires.
 */
final class JdkWebSocketTransport implements Transport {
    private static final MessageCodec CODEC = new MessageCodec();

    private final URI uri;
    private final Executor owner;
    private final Consumer<String> problems;
    private RoomClient client;
    private Consumer<String> messages;
    private WebSocket socket;
    private CompletableFuture<?> closing = CompletableFuture.completedFuture(null);
    private int epoch;

    /** {@code problems} hears what goes wrong on the owner thread, and socket errors. */
    JdkWebSocketTransport(URI uri, Executor owner, Consumer<String> problems) {
        this.uri = uri;
        this.owner = owner;
        this.problems = problems;
    }

    /** Where events go: the client, and each whole text message (which the peer decodes and hands on). */
    void attach(RoomClient roomClient, Consumer<String> received) {
        this.client = roomClient;
        this.messages = received;
    }

    /** The close handshake of the last connection dropped, to wait for before the owner stops. */
    CompletableFuture<?> closing() {
        return closing;
    }

    @Override
    public boolean send(ClientMessage message) {
        if (socket == null) {
            return false;
        }
        try {
            socket.sendText(CODEC.encode(message), true).orTimeout(10, TimeUnit.SECONDS).join();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void connect() {
        disconnect();
        int mine = epoch;
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new Events(mine)).whenComplete((ws, error) -> {
            if (error != null) {
                onOwner(mine, () -> client.closed(1006, String.valueOf(error)));
            }
        });
    }

    @Override
    public void disconnect() {
        epoch++;
        if (socket != null) {
            closing = socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            socket = null;
        }
    }

    private void onOwner(int connection, Runnable task) {
        owner.execute(() -> {
            if (connection == epoch) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    problems.accept(e.toString());
                }
            }
        });
    }

    /** One connection's events. */
    private final class Events implements WebSocket.Listener {
        private final int connection;
        private final StringBuilder partial = new StringBuilder();

        Events(int connection) {
            this.connection = connection;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            onOwner(connection, () -> {
                socket = webSocket;
                client.opened();
            });
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String json = partial.toString();
                partial.setLength(0);
                onOwner(connection, () -> messages.accept(json));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            onOwner(connection, () -> {
                socket = null;
                client.closed(statusCode, reason);
            });
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            owner.execute(() -> problems.accept("socket error: " + error));
            onOwner(connection, () -> {
                socket = null;
                client.closed(1006, String.valueOf(error));
            });
        }
    }
}
