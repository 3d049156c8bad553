package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.room.Room;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each connection limit: a precise error or close code for the offender, nothing stored, others unaffected. */
class LimitsTest {
    private final List<WsClient> clients = new ArrayList<>();
    private TestServer server;

    @AfterEach
    void close() {
        clients.forEach(WsClient::close);
        if (server != null) {
            server.close();
        }
    }

    private WsClient connect(String room) {
        WsClient c = WsClient.connect(server.ws("/ws/" + room));
        clients.add(c);
        return c;
    }

    private WsClient otClient(String room, String id) {
        WsClient c = connect(room);
        c.next("initial_code");
        c.send(Wire.hello(id, server.room(room).get("revision").asLong()));
        c.next("joined");
        return c;
    }

    @Test
    void slowReaderIsDisconnectedAndTheRoomKeepsItsSpeed() throws Exception {
        server = TestServer.start(TestDatabases.Kind.POSTGRES, "--max-queued-bytes", "200000");
        String room = server.createRoom();
        WsClient writer = otClient(room, "writer");
        WsClient slow = connect(room); // a seed client: every change sends it the whole text
        slow.next("initial_code");
        slow.pauseReading();
        String line = "x".repeat(1000) + "\n";
        long revision = 0;
        for (int i = 0; i < 150; i++) {
            writer.send("{\"type\":\"op\",\"clientId\":\"writer\",\"clientSeq\":" + (i + 1) + ",\"baseRevision\":"
                    + revision + ",\"op\":[" + (i == 0 ? "" : (line.length() * i) + ",") + "\"" + line.replace("\n", "\\n") + "\"]}");
            JsonNode ack = writer.next("ack");
            revision = ack.get("revision").asLong();
        }
        assertThat(revision).isEqualTo(150);
        Room loaded = server.main().rooms().loaded(UUID.fromString(room)).orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (loaded.snapshot().participants() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(loaded.snapshot().participants()).as("the slow reader left the room").isEqualTo(1);
        slow.resumeReading();
        assertThat(slow.closeCode()).isEqualTo(4500);
    }

    @Test
    void foreignOriginIsRefusedOwnAndAllowedOriginsAreNot() throws Exception {
        server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--allowed-origins", "https://ok.example");
        String room = server.createRoom();
        WsClient evil = WsClient.connectFrom(server.ws("/ws/" + room), "https://evil.example");
        clients.add(evil);
        assertThat(evil.next().get("code").asText()).isEqualTo("FORBIDDEN_ORIGIN");
        assertThat(evil.closeCode()).isEqualTo(4403);
        String own = "http://127.0.0.1:" + server.ws("/").getPort();
        WsClient same = WsClient.connectFrom(server.ws("/ws/" + room), own);
        clients.add(same);
        assertThat(same.next().get("type").asText()).isEqualTo("initial_code");
        WsClient allowed = WsClient.connectFrom(server.ws("/ws/" + room), "https://ok.example");
        clients.add(allowed);
        assertThat(allowed.next().get("type").asText()).isEqualTo("initial_code");
    }

    @Test
    void messagesOverTheRateAreRefusedAndNotStored() throws Exception {
        server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--max-messages-per-second", "5");
        String room = server.createRoom();
        WsClient client = otClient(room, "fast"); // hello took one token
        for (int i = 1; i <= 20; i++) {
            client.send("{\"type\":\"code_update\",\"code\":\"" + i + "\"}");
        }
        int limited = 0;
        for (String m; (m = client.poll(Duration.ofMillis(500))) != null; ) {
            JsonNode message = TestServer.json(m);
            if (message.path("code").asText().equals("RATE_LIMITED")) {
                limited++;
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(10);
        assertThat(server.room(room).get("revision").asLong()).isLessThanOrEqualTo(10);
        Thread.sleep(1100); // the bucket refills: the connection is usable again
        client.send("{\"type\":\"code_update\",\"code\":\"after\"}");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!server.room(room).get("code").asText().equals("after") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.room(room).get("code").asText()).isEqualTo("after");
    }

    @Test
    void connectionsOverThePerAddressLimitAreRefused() throws Exception {
        server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--max-connections-per-address", "2");
        String room = server.createRoom();
        connect(room).next("initial_code");
        WsClient second = connect(room);
        second.next("initial_code");
        WsClient third = connect(room);
        assertThat(third.next().get("code").asText()).isEqualTo("TOO_MANY_CONNECTIONS");
        assertThat(third.closeCode()).isEqualTo(4429);
        second.close();
        Thread.sleep(200);
        assertThat(connect(room).next().get("type").asText()).isEqualTo("initial_code");
    }

    @Test
    void silentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--idle-timeout-seconds", "1", "--ping-interval-seconds", "0");
        WsClient client = connect(server.createRoom());
        client.next("initial_code");
        assertThat(client.closeCode()).isEqualTo(4408);
    }

    @Test
    void pingedConnectionThatAnswersStaysOpen() throws Exception {
        server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--idle-timeout-seconds", "1", "--ping-interval-seconds", "0.25");
        WsClient client = connect(server.createRoom());
        client.next("initial_code");
        Thread.sleep(2500);
        assertThat(client.isClosed()).isFalse();
    }
}
