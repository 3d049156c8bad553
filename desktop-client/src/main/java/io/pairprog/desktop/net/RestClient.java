package io.pairprog.desktop.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The REST half of the protocol: {@code POST /rooms/}, {@code GET /rooms/{id}} and
 * {@code POST /autocomplete/} here, the history calls in {@link RoomHistory}. Every call is
 * asynchronous and completes on an HTTP client thread; callers hop to the EDT themselves. A failed
 * call completes exceptionally with a {@link RestException} whose message can be shown to a person
 * as it is.
 */
public final class RestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ServerAddress server;
    private final HttpClient http;

    public RestClient(ServerAddress server) {
        this.server = server;
        // HTTP/1.1: an HTTP/2 upgrade attempt makes Grizzly drop the request's Content-Type.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    /**
     * A stored room: its acknowledged text at {@code revision}; {@code viewId} names its view-only
     * link, null from a server without view links.
     */
    public record RoomInfo(String roomId, String code, long revision, String language, String viewId) {
    }

    /** One entry of the ranked list; {@code label} and {@code kind} are for display. */
    public record Suggestion(String text, String label, String kind) {
    }

    /** The answer of {@code /autocomplete/}: the seed's single suggestion, plus a ranked list when the server has one. */
    public record Completions(String suggestion, List<Suggestion> suggestions) {
    }

    public ServerAddress server() {
        return server;
    }

    /** Creates a room and returns its id; {@code language} may be null for the server's default. */
    public CompletableFuture<String> createRoom(String language) {
        HttpRequest.BodyPublisher body = language == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("language", language).toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(server.http("/rooms/")).timeout(TIMEOUT).POST(body);
        if (language != null) {
            request.header("Content-Type", "application/json");
        }
        return send("create a room", request.build()).thenApply(json -> json.path("roomId").asText());
    }

    /** The stored state of a room; a {@link RestException} with status 404 when it does not exist. */
    public CompletableFuture<RoomInfo> room(String roomId) {
        return get("open room " + roomId, "/rooms/" + roomId).thenApply(json -> new RoomInfo(
                json.path("roomId").asText(), json.path("code").asText(), json.path("revision").asLong(),
                json.path("language").asText(null), json.path("viewId").asText(null)));
    }

    /**
     * Suggestions for the text at {@code cursorPosition} (UTF-16 units). With {@code maxSuggestions}
     * (1–50) the server also sends its ranked list; null asks exactly what the seed asked.
     */
    public CompletableFuture<Completions> autocomplete(String code, int cursorPosition, String language,
                                                      Integer maxSuggestions) {
        ObjectNode body = JSON.createObjectNode().put("code", code).put("cursorPosition", cursorPosition)
                .put("language", language);
        if (maxSuggestions != null) {
            body.put("maxSuggestions", maxSuggestions);
        }
        HttpRequest request = HttpRequest.newBuilder(server.http("/autocomplete/")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return send("autocomplete", request).thenApply(RestClient::completions);
    }

    private static Completions completions(JsonNode json) {
        List<Suggestion> ranked = new ArrayList<>();
        for (JsonNode s : json.path("suggestions")) {
            String text = s.path("text").asText("");
            if (!text.isEmpty()) {
                ranked.add(new Suggestion(text, s.path("label").asText(text), s.path("kind").asText("")));
            }
        }
        return new Completions(json.path("suggestion").asText(""), List.copyOf(ranked));
    }

    /** {@code GET path}; {@code what} completes "Cannot …" in the message of a failure. */
    CompletableFuture<JsonNode> get(String what, String path) {
        return send(what, HttpRequest.newBuilder(server.http(path)).timeout(TIMEOUT).GET().build());
    }

    /** {@code POST path} with a JSON {@code body}. */
    CompletableFuture<JsonNode> post(String what, String path, JsonNode body) {
        return send(what, HttpRequest.newBuilder(server.http(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** A new JSON object for a request body. */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private CompletableFuture<JsonNode> send(String what, HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(unreachable(what, failure));
                    }
                    JsonNode json = parse(response.body());
                    if (response.statusCode() / 100 != 2) {
                        JsonNode error = json.path("error").isObject() ? json.path("error") : json; // both body shapes
                        String message = error.path("message").asText("HTTP " + response.statusCode());
                        throw new CompletionException(new RestException(response.statusCode(),
                                error.path("code").asText(null), "Cannot " + what + ": " + message));
                    }
                    return json;
                });
    }

    private RestException unreachable(String what, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String reason = cause instanceof ConnectException ? "the server at " + server + " does not answer"
                : cause instanceof HttpTimeoutException ? "the server at " + server + " did not answer in time"
                : cause instanceof IOException ? "connection to " + server + " failed (" + cause.getMessage() + ")"
                : cause.toString();
        return new RestException(0, null, "Cannot " + what + ": " + reason);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** A REST call failed; {@code status} is 0 when the server could not be reached. */
    public static final class RestException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        RestException(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        /** The server's {@code ErrorCode} name, or null. */
        public String code() {
            return code;
        }

        /** The {@link RestException} inside a failed future's exception, or a generic one. */
        public static RestException of(Throwable failure) {
            Throwable t = failure;
            while (t instanceof CompletionException && t.getCause() != null) {
                t = t.getCause();
            }
            return t instanceof RestException r ? r : new RestException(0, null, String.valueOf(t.getMessage()));
        }
    }
}
