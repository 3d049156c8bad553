package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.PostgresOutage;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** While PostgreSQL is down nothing is acknowledged, clients are told, and service resumes by itself. */
class DatabaseOutageTest {

    @Test
    void editIsNotAcknowledgedWhenDatabaseIsDown() throws Exception {
        try (PostgresOutage database = new PostgresOutage();
             TestServer server = TestServer.start(io.pairprog.server.support.TestDatabases.Kind.EMBEDDED,
                     "--database-url", database.url())) {
            String room = server.createRoom();
            try (WsClient client = WsClient.connect(server.ws("/ws/" + room))) {
                client.next("initial_code");
                client.send(Wire.hello("c", 0));
                client.next("joined");
                client.send(op(1, 0, "[\"kept\"]"));
                client.next("ack");

                database.stop();
                String lost = op(2, 1, "[4, \" while down\"]");
                client.send(lost);
                JsonNode error = client.next();
                assertThat(error.get("type").asText()).isEqualTo("error");
                assertThat(error.get("code").asText()).isEqualTo("STORE_UNAVAILABLE");
                assertThat(error.get("clientSeq").asLong()).isEqualTo(2);
                assertThat(client.poll(Duration.ofMillis(300))).as("no ack while down").isNull();
                assertThat(server.get("/rooms/" + room).statusCode()).isEqualTo(503);

                database.start();
                // The client kept its edit and resends it with the same clientSeq, backing off while the
                // pool is still reconnecting, as real clients do.
                JsonNode answer = null;
                for (int attempt = 0; attempt < 20; attempt++) {
                    client.send(lost);
                    answer = client.next();
                    if (!answer.path("code").asText().equals("STORE_UNAVAILABLE")) {
                        break;
                    }
                    Thread.sleep(500);
                }
                assertThat(answer.get("type").asText()).isEqualTo("ack");
                assertThat(answer.get("revision").asLong()).isEqualTo(2);
                assertThat(server.room(room).get("code").asText()).isEqualTo("kept while down");
            }
        }
    }

    @Test
    void serviceResumesByItselfAfterAnOutageUnderLoadAndNothingIsLost() throws Exception {
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        try (PostgresOutage database = new PostgresOutage();
             TestServer server = TestServer.start(io.pairprog.server.support.TestDatabases.Kind.EMBEDDED,
                     "--database-url", database.url())) {
            String room = server.createRoom();
            java.util.List<OtPeer> peers = java.util.List.of(OtPeer.join(server, room, "p1"),
                    OtPeer.join(server, room, "p2"), OtPeer.join(server, room, "p3"));
            try {
                type(peers, random, 60);
                String before = server.room(room).get("code").asText();
                long revisionBefore = server.room(room).get("revision").asLong();
                database.stop();
                type(peers, random, 60);
                assertThat(peers.stream().flatMap(p -> p.errors().stream()).map(e -> e.code().name()))
                        .as("seed=" + seed + ": clients are told").contains("STORE_UNAVAILABLE");
                database.start();
                type(peers, random, 30);
                for (OtPeer peer : peers) {
                    peer.settle(Duration.ofSeconds(30));
                }
                long head = server.room(room).get("revision").asLong();
                String stored = server.room(room).get("code").asText();
                assertThat(head).isGreaterThan(revisionBefore);
                for (OtPeer peer : peers) {
                    peer.pumpUntilRevision(head, Duration.ofSeconds(30));
                    assertThat(peer.doc()).as("seed=" + seed).isEqualTo(stored);
                }
                assertThat(before).isNotEmpty();
            } finally {
                peers.forEach(OtPeer::close);
            }
        }
    }

    private static void type(java.util.List<OtPeer> peers, java.util.Random random, int edits) throws InterruptedException {
        for (int i = 0; i < edits; i++) {
            peers.get(random.nextInt(peers.size())).randomEdit(random);
            for (OtPeer peer : peers) {
                peer.pump(Duration.ZERO);
            }
            Thread.sleep(15);
        }
    }

    private static String op(long seq, long base, String ops) {
        return "{\"type\":\"op\",\"clientId\":\"c\",\"clientSeq\":" + seq + ",\"baseRevision\":" + base + ",\"op\":" + ops + "}";
    }
}
