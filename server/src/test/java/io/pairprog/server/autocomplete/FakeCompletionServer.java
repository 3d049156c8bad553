package io.pairprog.server.autocomplete;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible completions server in the test's own process: it records each request and
 * answers as told, well or badly.
 */
final class FakeCompletionServer implements AutoCloseable {
    /** One received request: its path and JSON body. */
    record Received(String path, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer http;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = answer("");
    private volatile long delayMillis;

    FakeCompletionServer() {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/", this::handle);
        http.setExecutor(Executors.newCachedThreadPool());
        http.start();
    }

    /** A well-formed answer whose first choice is {@code text}. */
    static String answer(String text) {
        return JSON.createObjectNode().set("choices", JSON.createArrayNode()
                .add(JSON.createObjectNode().put("text", text).put("index", 0).put("finish_reason", "stop"))).toString();
    }

    FakeCompletionServer answering(int status, String body) {
        this.status = status;
        this.body = body;
        return this;
    }

    FakeCompletionServer answeringText(String text) {
        return answering(200, answer(text));
    }

    FakeCompletionServer delayedBy(long millis) {
        this.delayMillis = millis;
        return this;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), JSON.readTree(request)));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
        ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
    }
}
