package io.pairprog.server.support;

import io.pairprog.server.store.Database;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Several server nodes (the shaded jar, each its own process) on one PostgreSQL database, each on a port
 * of its own that it keeps across restarts, as nodes behind a balancer do.
 */
public final class Nodes implements AutoCloseable {
    private final List<ServerProcess> nodes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    /** For reading the leases; opened on first use, once (opening runs the migrations' check). */
    private Database database;

    private Nodes() {
    }

    /** Starts {@code count} nodes with {@code options} on the test database. */
    public static Nodes start(int count, String... options) throws Exception {
        Nodes cluster = new Nodes();
        try {
            for (int i = 0; i < count; i++) {
                int port = ServerProcess.freePort();
                List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--database-url",
                        TestDatabases.postgresUrl(), "--node-id", "node-" + i, "--public-url", "http://127.0.0.1:" + port));
                args.addAll(List.of(options));
                cluster.ports.add(port);
                cluster.nodes.add(new ServerProcess(args.toArray(String[]::new)).start());
            }
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The first node that runs. */
    public int anyAlive() {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).isAlive()) {
                return i;
            }
        }
        throw new IllegalStateException("no node runs");
    }

    public ServerProcess node(int i) {
        return nodes.get(i);
    }

    public int size() {
        return nodes.size();
    }

    /** The room's WebSocket address on every node, in node order. */
    public List<URI> roomOnEachNode(String roomId) {
        return nodes.stream().map(node -> node.ws("/ws/" + roomId)).toList();
    }

    public String createRoom(int onNode) {
        return TestServer.json(TestServer.send(HttpRequest.newBuilder(nodes.get(onNode).http("/rooms/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).body()).get("roomId").asText();
    }

    /** {@code GET /rooms/{id}} on a node. */
    public com.fasterxml.jackson.databind.JsonNode room(int onNode, String roomId) {
        return TestServer.json(TestServer.send(HttpRequest.newBuilder(nodes.get(onNode).http("/rooms/" + roomId))
                .build()).body());
    }

    /** A gauge or counter of {@code GET /metrics} on a node (0 when absent). */
    public double metric(int onNode, String name) {
        String body = TestServer.send(HttpRequest.newBuilder(nodes.get(onNode).http("/metrics")).build()).body();
        return body.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The node that holds the room's unexpired lease, by index; -1 if none does. */
    public int owner(String roomId) {
        if (database == null) {
            database = new Database(TestDatabases.postgres(), 2);
            database.start();
        }
        String url = database.queryOne("SELECT node_url FROM room_leases WHERE room_id = ? AND expires_at > now()",
                s -> s.setObject(1, UUID.fromString(roomId)), row -> row.getString(1)).orElse(null);
        return url == null ? -1 : ports.indexOf(URI.create(url).getPort());
    }

    /** Revisions 1..head without a gap; each client's edits stored once each, in order. */
    public void assertLogIntact(String room, long seed) {
        TestDatabases.assertLogIntact(room, room(anyAlive(), room).get("revision").asLong(), seed);
    }

    @Override
    public void close() {
        nodes.forEach(ServerProcess::close);
        if (database != null) {
            database.stop();
        }
    }
}
