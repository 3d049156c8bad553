package io.pairprog.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The server under test, reached only on loopback: the tool refuses any other address so that it can
 * never load someone else's machine. Also the REST calls every measurement needs.
 */
final class Target {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    /** Where clients connect, in turn: the base and any other nodes of its cluster. */
    private final List<URI> nodes;
    private int nextNode;
    private final HttpClient http;

    Target(URI base, Executor executor) {
        this(base, List.of(), executor);
    }

    Target(URI base, List<URI> otherNodes, Executor executor) {
        this.base = requireLoopback(base);
        this.nodes = new ArrayList<>(List.of(base));
        otherNodes.forEach(node -> nodes.add(requireLoopback(node)));
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // Grizzly mishandles the h2c upgrade attempt
                .connectTimeout(Duration.ofSeconds(5));
        if (executor != null) {
            builder.executor(executor);
        }
        this.http = builder.build();
    }

    static URI requireLoopback(URI url) {
        if (url == null || url.getHost() == null || !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("server URL must be http://<loopback address>:<port>, got " + url);
        }
        try {
            if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("server URL " + url + " is not a loopback address;"
                        + " the load tool only targets this machine");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("server URL " + url + ": unknown host", e);
        }
        return url;
    }

    HttpClient http() {
        return http;
    }

    /** The room's WebSocket on the next node in turn (always the base when there is one node). */
    URI webSocket(String roomId) {
        URI node = nodes.get(nextNode++ % nodes.size());
        return URI.create("ws://" + node.getHost() + ":" + node.getPort() + "/ws/" + roomId);
    }

    /** {@code POST /rooms/}: a new empty room's id. */
    String createRoom() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/rooms/"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        return field(response, "POST /rooms/", "roomId").get("roomId").asText();
    }

    /** {@code GET /rooms/{id}}: the stored text and revision. */
    StoredRoom room(String roomId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/rooms/" + roomId))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = field(response, "GET /rooms/" + roomId, "code");
        return new StoredRoom(body.get("code").asText(), body.get("revision").asLong());
    }

    private static JsonNode field(HttpResponse<String> response, String request, String name) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(request + ": status " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        if (!body.hasNonNull(name)) {
            throw new IOException(request + ": no \"" + name + "\" in " + response.body());
        }
        return body;
    }

    record StoredRoom(String code, long revision) {
    }
}
