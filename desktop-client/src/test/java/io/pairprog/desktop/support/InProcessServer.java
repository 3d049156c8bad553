package io.pairprog.desktop.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairprog.server.Main;
import io.pairprog.server.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The real pairprog server, started in this JVM on a free port (on PostgreSQL when
 * {@code PAIRPROG_TEST_DATABASE_URL} is set, as in CI, else on an embedded database in a temporary
 * folder), with the few REST calls the tests make.
 */
public final class InProcessServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Path dataDir;
    private Main main;
    private int port;

    private InProcessServer(Path dataDir) {
        this.dataDir = dataDir;
    }

    public static InProcessServer start(Path dataDir) throws Exception {
        InProcessServer server = new InProcessServer(dataDir);
        server.startOn(0);
        return server;
    }

    private void startOn(int requestedPort) throws Exception {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(requestedPort)));
        String database = System.getenv("PAIRPROG_TEST_DATABASE_URL");
        if (database != null && !database.isBlank()) {
            args.addAll(List.of("--database-url", database));
        } else {
            args.addAll(List.of("--data-dir", dataDir.toString()));
        }
        ServerConfig config = new ServerConfig();
        // as the server's Main parses: enum options such as --log-format default to lower-case names
        new CommandLine(config).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(String[]::new));
        main = Main.start(config);
        port = main.port();
    }

    /** Stops the server; clients see it go away (1001). */
    public void stop() {
        main.stop();
    }

    /** Starts again on the same port and database, as a restarted server would come back. */
    public void restart() throws Exception {
        startOn(port);
    }

    public int port() {
        return port;
    }

    public String address() {
        return "http://127.0.0.1:" + port;
    }

    public URI webSocket(String roomId) {
        return URI.create("ws://127.0.0.1:" + port + "/ws/" + roomId);
    }

    public String createRoom() throws IOException, InterruptedException {
        return post("/rooms/", null).get("roomId").asText();
    }

    /** {@code GET /rooms/{id}}: the stored text and revision. */
    public JsonNode room(String roomId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(address() + "/rooms/" + roomId)).GET().build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The view id of the room's view-only link, from {@code GET /rooms/{id}}. */
    public String viewId(String roomId) throws IOException, InterruptedException {
        JsonNode room = room(roomId);
        return (room.has("viewId") ? room.get("viewId") : room.get("view_id")).asText();
    }

    /** {@code GET /rooms/{id}/history}: the newest page of steps, newest first. */
    public JsonNode history(String roomId) throws IOException, InterruptedException {
        return get("/rooms/" + roomId + "/history");
    }

    /** {@code GET /rooms/{id}/revisions/{n}}: the text at revision {@code n}. */
    public String textAt(String roomId, long revision) throws IOException, InterruptedException {
        return get("/rooms/" + roomId + "/revisions/" + revision).get("code").asText();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(address() + path)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A gauge from {@code GET /metrics} by its Prometheus name (e.g. {@code pairprog_websocket_forwarded}). */
    public double metric(String name) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(address() + "/metrics")).GET().build();
        String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new IOException("no metric " + name + " in GET /metrics"));
    }

    /** What the server suggests for {@code code} with the cursor at {@code cursor}, as the app asks it. */
    public String suggestion(String code, int cursor, String language) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("code", code).put("cursorPosition", cursor)
                .put("language", language).toString();
        return post("/autocomplete/", body).get("suggestion").asText();
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address() + path));
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Override
    public void close() {
        main.stop();
    }
}
