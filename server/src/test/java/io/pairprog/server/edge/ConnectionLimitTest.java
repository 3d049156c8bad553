package io.pairprog.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Open connections are capped per client address and in all: over the cap a new connection is closed at
 * once, while everyone else is served. WebSockets count against their own per-address limit instead.
 */
class ConnectionLimitTest {
    private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    private final List<AutoCloseable> open = new ArrayList<>();
    private TestServer server;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private SlowClient idleFrom(String address) throws Exception {
        SlowClient client = SlowClient.connectFrom(address, server.http("/").getPort());
        open.add(client);
        return client;
    }

    @Test
    void connectionOverThePerAddressCapIsRefusedWhileOthersAreServed() throws Exception {
        server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--max-http-connections-per-address", "3");
        List<SlowClient> idle = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            idle.add(idleFrom("127.0.0.1"));
        }
        Thread.sleep(200); // accepted and counted
        SlowClient fourth = idleFrom("127.0.0.1");
        assertThat(fourth.closedWithin(Duration.ofSeconds(2))).as("fourth from the same address").isTrue();
        assertThat(idleFrom("127.0.0.2").send(HEALTH).head(Duration.ofSeconds(5))).startsWith("HTTP/1.1 200");
        assertThat(idle.get(0).closedWithin(Duration.ofMillis(300))).as("the first three stay").isFalse();

        idle.get(0).close();
        Thread.sleep(200);
        assertThat(idleFrom("127.0.0.1").send(HEALTH).head(Duration.ofSeconds(5))).startsWith("HTTP/1.1 200");
    }

    @Test
    void webSocketsLeaveTheHttpCountForTheirOwnLimit() throws Exception {
        server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--max-http-connections-per-address", "2",
                "--max-connections-per-address", "4");
        String room = server.createRoom();
        for (int i = 0; i < 4; i++) {
            WsClient client = WsClient.connect(server.ws("/ws/" + room));
            open.add(client);
            assertThat(client.next().get("type").asText()).isEqualTo("initial_code");
        }
        assertThat(idleFrom("127.0.0.1").send(HEALTH).head(Duration.ofSeconds(5))).startsWith("HTTP/1.1 200");
        WsClient fifth = WsClient.connect(server.ws("/ws/" + room));
        open.add(fifth);
        assertThat(fifth.next().get("code").asText()).isEqualTo("TOO_MANY_CONNECTIONS");
    }

    @Test
    void httpCapFollowsTheWebSocketCapUnlessSet() throws Exception {
        server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--max-connections-per-address", "2");
        idleFrom("127.0.0.1");
        idleFrom("127.0.0.1");
        Thread.sleep(200);
        assertThat(idleFrom("127.0.0.1").closedWithin(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void connectionOverTheGlobalCapIsRefused() throws Exception {
        server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--max-connections", "4");
        for (int i = 2; i < 6; i++) {
            idleFrom("127.0.0." + i);
        }
        Thread.sleep(200);
        assertThat(idleFrom("127.0.0.9").closedWithin(Duration.ofSeconds(2))).isTrue();
        open.remove(0).close();
        Thread.sleep(200);
        assertThat(idleFrom("127.0.0.9").send(HEALTH).head(Duration.ofSeconds(5))).startsWith("HTTP/1.1 200");
    }
}
