package io.pairprog.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A REST body over the limit is refused with 413 as soon as that is known: from its Content-Length before
 * a byte of it is read, or, chunked, once the limit is passed; either way the connection is closed rather
 * than the rest of the body read.
 */
class BodyLimitTest {
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.EMBEDDED, "--max-message-bytes", "2048");

    @Test
    void announcedLengthOverTheLimitIsRefusedBeforeTheBody() throws Exception {
        try (SlowClient client = SlowClient.connect(server.http("/").getPort())) {
            client.send("POST /autocomplete/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000\r\n\r\n{");
            assertThat(client.head(Duration.ofSeconds(5))).startsWith("HTTP/1.1 413");
            assertThat(client.rest(Duration.ofSeconds(5))).contains("\"code\":\"MESSAGE_TOO_LARGE\"");
        }
    }

    @Test
    void chunkedBodyIsRefusedOnceItPassesTheLimit() throws Exception {
        try (SlowClient client = SlowClient.connect(server.http("/").getPort())) {
            client.send("POST /autocomplete/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            String chunk = "x".repeat(1000);
            for (int i = 0; i < 3; i++) {
                client.send(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }
            assertThat(client.head(Duration.ofSeconds(5))).startsWith("HTTP/1.1 413");
            assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void bodyWithinTheLimitIsServed() {
        String code = "x".repeat(1500);
        assertThat(server.post("/autocomplete/", "application/json",
                "{\"code\":\"" + code + "\",\"cursorPosition\":0}").statusCode()).isEqualTo(200);
    }
}
