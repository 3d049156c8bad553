package io.pairprog.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server for one test class, in the spirit of Javalin's {@code TestUtil.test}: started before the
 * class's first test, stopped after its last; every WebSocket a test opens through it is closed after
 * that test. So a test class shows only its scenarios.
 *
 * <pre>
 * {@literal @}RegisterExtension
 * static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES, "--max-document-chars", "100");
 * </pre>
 */
public final class RealServer implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    private final TestDatabases.Kind store;
    private final String[] options;
    private final List<WsClient> clients = new ArrayList<>();
    private TestServer server;

    private RealServer(TestDatabases.Kind store, String[] options) {
        this.store = store;
        this.options = options;
    }

    public static RealServer on(TestDatabases.Kind store, String... options) {
        return new RealServer(store, options);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = TestServer.start(store, options);
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        clients.forEach(WsClient::close);
        clients.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) { // null when the start failed, or an extension composed with this one skipped the class
            server.close();
        }
    }

    public TestServer server() {
        return server;
    }

    public String createRoom() {
        return server.createRoom();
    }

    /** {@code GET /rooms/{id}}: the stored text and revision. */
    public JsonNode room(String roomId) {
        return server.room(roomId);
    }

    public HttpResponse<String> get(String path) {
        return server.get(path);
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return server.post(path, contentType, body);
    }

    public URI http(String path) {
        return server.http(path);
    }

    public URI ws(String path) {
        return server.ws(path);
    }

    /** A WebSocket to {@code path}, closed after the test. */
    public synchronized WsClient connect(String path) {
        WsClient client = WsClient.connect(server.ws(path));
        clients.add(client);
        return client;
    }

    /** A seed-style client of the room: connected, its {@code initial_code} read. */
    public WsClient seedClient(String roomId) {
        WsClient client = connect("/ws/" + roomId);
        client.next("initial_code");
        return client;
    }

    /** An OT client of the room at its current revision, once its {@code joined} has arrived. */
    public WsClient otClient(String roomId, String clientId) {
        return otClient("/ws/" + roomId, clientId, null);
    }

    /** The same on any WebSocket path (a view link), with a display name; returns after {@code joined}. */
    public WsClient otClient(String path, String clientId, String name) {
        WsClient client = connect(path);
        long revision = client.next("initial_code").get("revision").asLong();
        client.send(Wire.hello(clientId, revision, name, null));
        client.joined = client.next("joined");
        return client;
    }
}
