package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.PostgresOutage;
import io.pairprog.server.support.TestServer;
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
                client.send("{\"type\":\"hello\",\"clientId\":\"c\",\"revision\":0}");
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
                client.send(lost); // the client kept its edit and resends it, same clientSeq
                assertThat(client.next("ack").get("revision").asLong()).isEqualTo(2);
                assertThat(server.room(room).get("code").asText()).isEqualTo("kept while down");
            }
        }
    }

    private static String op(long seq, long base, String ops) {
        return "{\"type\":\"op\",\"clientId\":\"c\",\"clientSeq\":" + seq + ",\"baseRevision\":" + base + ",\"op\":" + ops + "}";
    }
}
