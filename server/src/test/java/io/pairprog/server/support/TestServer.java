package io.pairprog.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairprog.server.Main;
import io.pairprog.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** A real server on a free port, configured as from the command line, with small HTTP helpers. */
public final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // HTTP/2 upgrade attempts make Grizzly drop Content-Type
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Main main;
    private final String[] args;

    private TestServer(String[] args) throws Exception {
        this.args = args;
        ServerConfig config = new ServerConfig();
        new CommandLine(config).parseArgs(args);
        this.main = Main.start(config);
    }

    /** A server on PostgreSQL or on a fresh embedded database, plus any extra options. */
    public static TestServer start(TestDatabases.Kind kind, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0"));
        if (kind == TestDatabases.Kind.POSTGRES) {
            args.addAll(List.of("--database-url", TestDatabases.postgresUrl()));
        } else {
            args.addAll(List.of("--data-dir", TestDatabases.freshDataDir().toString()));
        }
        args.addAll(List.of(options));
        return new TestServer(args.toArray(String[]::new));
    }

    /** Starts again with exactly the same options (same database), e.g. after {@link #close()}. */
    public TestServer restart() throws Exception {
        close();
        return new TestServer(args);
    }

    public static TestServer startWithDataDir(Path dataDir, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0",
                "--data-dir", dataDir.toString()));
        args.addAll(List.of(options));
        return new TestServer(args.toArray(String[]::new));
    }

    public Main main() {
        return main;
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + main.port() + path);
    }

    public URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + main.port() + path);
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http(path)).timeout(Duration.ofSeconds(10));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(http(path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same with the body as bytes (a zip). */
    public static HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a room through the seed's {@code POST /rooms/} and returns its id. */
    public String createRoom() {
        return json(post("/rooms/", null, null).body()).get("roomId").asText();
    }

    /** {@code GET /rooms/{id}} as JSON: the stored text and revision. */
    public JsonNode room(String roomId) {
        return json(get("/rooms/" + roomId).body());
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        main.stop();
    }
}
