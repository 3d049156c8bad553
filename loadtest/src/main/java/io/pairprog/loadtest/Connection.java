package io.pairprog.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;

/**
 * One WebSocket, as the clients' event loop sees it: whole text messages in, a send queue out.
 *
 * <p>The JDK WebSocket refuses a send while the previous one is still being written, so sends wait
 * in {@code outbox} and the next leaves when the last completes. Every callback is queued, in arrival
 * order, onto the {@link EventLoop} before it touches anything.
 */
final class Connection implements WebSocket.Listener {
    /** What the owner hears: each whole text message, and the end of the connection. */
    interface Handler {
        void onMessage(String text);

        void onClosed(int code, String reason, Throwable error);
    }

    private final EventLoop loop;
    private final Handler handler;
    private final ArrayDeque<String> outbox = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    /** Set in {@link #onOpen}, which the JDK calls before any message arrives. */
    private volatile WebSocket socket;
    private boolean sending;
    private boolean closed;

    Connection(EventLoop loop, Handler handler) {
        this.loop = loop;
        this.handler = handler;
    }

    /** Starts connecting; a failure to connect reaches the handler as {@link Handler#onClosed}. */
    void open(HttpClient http, URI uri) {
        http.newWebSocketBuilder().buildAsync(uri, this).whenComplete((ws, error) -> {
            if (error != null) {
                loop.execute(() -> fail(error));
            }
        });
    }

    /** Queues a text frame; call on the loop. */
    void send(String text) {
        if (closed) {
            return;
        }
        if (sending) {
            outbox.add(text);
            return;
        }
        sending = true;
        socket.sendText(text, true).whenComplete((ws, error) -> loop.execute(() -> sent(error)));
    }

    private void sent(Throwable error) {
        sending = false;
        if (error != null) {
            fail(error);
            return;
        }
        String next = outbox.poll();
        if (next != null) {
            send(next);
        }
    }

    /** Starts the close handshake; call on the loop. */
    void close() {
        if (!closed && socket != null) {
            closed = true;
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
        }
    }

    /** Drops the TCP connection without a handshake. */
    void abort() {
        closed = true;
        if (socket != null) {
            socket.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last) {
            String piece = data.toString();
            loop.execute(() -> partial.append(piece));
            return null;
        }
        String tail = data.toString();
        loop.execute(() -> {
            String message = tail;
            if (partial.length() > 0) {
                message = partial.append(tail).toString();
                partial.setLength(0);
            }
            handler.onMessage(message);
        });
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        loop.execute(() -> {
            closed = true;
            handler.onClosed(statusCode, reason, null);
        });
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        loop.execute(() -> fail(error));
    }

    private void fail(Throwable error) {
        if (!closed) {
            closed = true;
            handler.onClosed(-1, String.valueOf(error), error);
        }
    }
}
