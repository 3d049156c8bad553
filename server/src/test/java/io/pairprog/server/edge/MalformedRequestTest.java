package io.pairprog.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Every request the server cannot make sense of gets a short JSON error, never Grizzly's HTML page with
 * a stack trace, and costs at most one short log line, which carries none of the request's bytes raw and
 * no room id.
 */
class MalformedRequestTest {
    private static final String ESC = "\u001b[31m";
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.EMBEDDED);
    private static String room;

    @BeforeAll
    static void createARoom() {
        room = server.createRoom();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /rooms/ROOM?a=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n",
        "GET /?a=%zz" + ESC + " HTTP/1.1\r\nHost: 127.0.0.1\r\n",
        "GET /rooms/ROOM/history?before=%G1 HTTP/1.1\r\nHost: 127.0.0.1\r\n",
        "GET /rooms/ROOM HTTP/1.1\r\nHost: a" + ESC + "b\r\n",
        "GET /rooms/ROOM HTTP/1.1\r\nHost: [::1\r\n",
        "GET /rooms/ROOM HTTP/1.1\r\nHost: 127.0.0.1\r\nBroken header line\r\n",
        "GET /rooms/ROOM HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: BIG\r\n",
        "POST /rooms/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz" + ESC + "\r\n",
    })
    void malformedRequestGetsShortJsonAndOneEscapedLogLineAtMost(String template) throws Exception {
        String request = template.replace("ROOM", room).replace("BIG", "b".repeat(9_000))
                + (template.contains("chunked") ? "" : "Connection: close\r\n\r\n");
        List<ILoggingEvent> logged = logged(() -> {
            String response = send(request);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).containsIgnoringCase("Content-Type: application/json").doesNotContain("<html");
            JsonNode body = TestServer.json(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertThat(body.get("code").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(body.get("message").asText()).hasSizeLessThan(200);
            assertThat(response.length()).isLessThan(1_000);
        });
        assertThat(logged).as("log events").hasSizeLessThanOrEqualTo(1);
        for (ILoggingEvent event : logged) {
            assertThat(event.getThrowableProxy()).as("no stack trace").isNull();
            assertThat(event.getFormattedMessage()).hasSizeLessThan(200).doesNotContain(room);
        }
    }

    @Test
    void missingFileIsJsonToo() throws Exception {
        String response = send("GET /no-such-file.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 404").containsIgnoringCase("Content-Type: application/json")
                .doesNotContain("<html");
    }

    @Test
    void serverStillServesAfterwards() {
        assertThat(server.room(room).get("revision").asLong()).isZero();
    }

    private static String send(String request) throws IOException {
        try (SlowClient client = SlowClient.connect(server.http("/").getPort())) {
            client.send(request);
            return client.head(Duration.ofSeconds(5)) + client.rest(Duration.ofSeconds(5));
        }
    }

    /** The events logged by the server (not by this test's own thread) while {@code action} runs. */
    private static List<ILoggingEvent> logged(ThrowingRunnable action) throws Exception {
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        events.setContext(root.getLoggerContext());
        events.start();
        root.addAppender(events);
        try {
            action.run();
            Thread.sleep(200); // a line logged after the answer went out
        } finally {
            root.detachAppender(events);
        }
        return events.list.stream().filter(e -> !e.getThreadName().equals(Thread.currentThread().getName())).toList();
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
