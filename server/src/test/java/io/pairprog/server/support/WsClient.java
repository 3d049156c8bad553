package io.pairprog.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain WebSocket client (the JDK's, so the server is tested against a client that shares no code with
 * it) that queues every received message for the test to read.
 */
public final class WsClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    private volatile boolean paused;
    private volatile boolean demandOwed;
    /** The {@code joined} message, for a client that {@link RealServer#otClient joined} as an OT client. */
    volatile JsonNode joined;

    private WsClient(URI uri, String origin) {
        this(uri, origin == null ? java.util.Map.of() : java.util.Map.of("Origin", origin));
    }

    private WsClient(URI uri, java.util.Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT);
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The {@code joined} this client received when it joined through {@link RealServer}; null otherwise. */
    public JsonNode joined() {
        return joined;
    }

    public static WsClient connect(URI uri) {
        return new WsClient(uri, java.util.Map.of());
    }

    /** Connects with these handshake headers (an X-Forwarded-For a balancer would add, say). */
    public static WsClient connectWith(URI uri, java.util.Map<String, String> headers) {
        return new WsClient(uri, headers);
    }

    /** Connects as a page from {@code origin} would (browsers always send it). */
    public static WsClient connectFrom(URI uri, String origin) {
        return new WsClient(uri, origin);
    }

    /** Stops reading from the socket, like a client that hangs: the server's messages pile up. */
    public void pauseReading() {
        paused = true;
    }

    public synchronized void resumeReading() {
        paused = false;
        if (demandOwed) {
            demandOwed = false;
            socket.request(1);
        }
    }

    public synchronized void send(String json) {
        socket.sendText(json, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    public synchronized void sendBinary(java.nio.ByteBuffer data) {
        socket.sendBinary(data, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The next message, or an AssertionError after the timeout. */
    public JsonNode next() {
        String message = poll(TIMEOUT);
        if (message == null) {
            throw new AssertionError("no message within " + TIMEOUT);
        }
        return TestServer.json(message);
    }

    /** The next message of the given type, skipping others. */
    public JsonNode next(String type) {
        while (true) {
            JsonNode message = next();
            if (message.path("type").asText().equals(type)) {
                return message;
            }
        }
    }

    /** The next raw message within {@code timeout}, or null. */
    public String poll(Duration timeout) {
        try {
            return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The close code the server sent, waiting for it. */
    public int closeCode() {
        return closeCode.orTimeout(10, TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    /** Drops the TCP connection without a close handshake, as a crashed client or a lost network would. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            synchronized (WsClient.this) {
                if (paused) {
                    demandOwed = true;
                } else {
                    webSocket.request(1);
                }
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(1006);
        }
    }
}
