package io.pairprog.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP connections that stay idle between requests, or never finish their request head, are closed after
 * their timeouts; an idle WebSocket is not (the heartbeat decides about those).
 */
class IdleConnectionTest {
    private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int port() {
        return server.http("/").getPort();
    }

    @Test
    void idleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--http-idle-timeout-seconds", "1");
        try (SlowClient client = SlowClient.connect(port())) {
            String head = client.send(HEALTH).head(Duration.ofSeconds(5));
            assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("Connection: close");
            long start = System.nanoTime();
            assertThat(client.closedWithin(Duration.ofSeconds(5))).as("closed by the server").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(500));
        }
    }

    @Test
    void requestHeadSentAByteAtATimeIsClosedAfterTheHeaderTimeout() throws Exception {
        server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--http-header-timeout-seconds", "2",
                "--http-idle-timeout-seconds", "30");
        try (SlowClient client = SlowClient.connect(port())) {
            long start = System.nanoTime();
            client.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            boolean closed = false;
            for (int i = 0; i < 20 && !closed; i++) {
                closed = sendOrClosed(client, "X-Slow-" + i + ": x\r\n") || client.closedWithin(Duration.ofMillis(400));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(closed).as("closed while the head was still arriving").isTrue();
            assertThat(took).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(5));
        }
    }

    @Test
    void halfSentRequestHeadIsClosed() throws Exception {
        server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--http-header-timeout-seconds", "2");
        try (SlowClient client = SlowClient.connect(port())) {
            client.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half");
            assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void idleWebSocketOutlivesTheHttpTimeouts() throws Exception {
        server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--http-idle-timeout-seconds", "1",
                "--http-header-timeout-seconds", "1");
        String room = server.createRoom();
        try (WsClient client = WsClient.connect(server.ws("/ws/" + room))) {
            client.next("initial_code");
            Thread.sleep(3_500);
            assertThat(client.isClosed()).isFalse();
            client.send(Wire.hello("idle", 0));
            assertThat(client.next("joined")).isNotNull();
        }
    }

    /** True if the server has already closed the connection, so that the write fails. */
    private static boolean sendOrClosed(SlowClient client, String text) {
        try {
            client.send(text);
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
