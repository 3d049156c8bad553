package io.pairprog.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.ot.TextOperation;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.PostgresOutage;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** One line per event, in text or JSON, with the MDC ids; never room text. */
class LoggingTest {
    private static final org.slf4j.Logger log = LoggerFactory.getLogger("io.pairprog.server.ops.LoggingTest");

    @AfterEach
    void restoreDefaults() {
        MDC.clear();
        Logging.configure(LogFormat.TEXT, false);
    }

    @Test
    void jsonFormatWritesOneObjectPerLineWithTheMdcIds() {
        Logging.configure(LogFormat.JSON, false);
        List<String> lines = capture(() -> {
            MDC.put("room", "4b6f0d57-0000-4000-8000-000000000001");
            MDC.put("client", "alice");
            log.info("joined at revision {}", 7);
            log.warn("commit failed", new IllegalStateException("database down"));
        });
        assertThat(lines).hasSize(2);
        JsonNode joined = TestServer.json(lines.get(0));
        assertThat(joined.get("level").asText()).isEqualTo("INFO");
        assertThat(joined.get("loggerName").asText()).isEqualTo("io.pairprog.server.ops.LoggingTest");
        assertThat(joined.get("formattedMessage").asText()).isEqualTo("joined at revision 7");
        assertThat(joined.at("/mdc/room").asText()).isEqualTo("4b6f0d57-0000-4000-8000-000000000001");
        assertThat(joined.at("/mdc/client").asText()).isEqualTo("alice");
        assertThat(joined.get("timestamp").asLong()).isPositive();
        JsonNode failed = TestServer.json(lines.get(1)); // the stack trace stays inside the one line
        assertThat(failed.at("/throwable/message").asText()).isEqualTo("database down");
    }

    @Test
    void textFormatPutsTheMdcIdsAfterTheMessage() {
        Logging.configure(LogFormat.TEXT, false);
        List<String> lines = capture(() -> {
            log.info("no ids here");
            MDC.put("room", "r1");
            log.info("with ids");
        });
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).endsWith(" - no ids here");
        assertThat(lines.get(1)).endsWith(" - with ids [room=r1]").contains("INFO");
    }

    @Test
    void debugLevelFollowsTheSetting() {
        Logging.configure(LogFormat.TEXT, false);
        assertThat(log.isDebugEnabled()).isFalse();
        Logging.configure(LogFormat.TEXT, true);
        assertThat(log.isDebugEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("io.pairprog.server.store.Database").isDebugEnabled()).isTrue();
    }

    /** DEBUG=1 shows the SQL that runs, but what people type stays out of the log, whatever the level. */
    @Test
    void debugLogShowsSqlButNeverRoomText() throws Exception {
        Logging.configure(LogFormat.TEXT, true);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        events.setContext(root.getLoggerContext());
        events.start();
        root.addAppender(events);
        String secret = "password = \"hunter2-in-room-text\"";
        try (TestServer server = TestServer.start(TestDatabases.Kind.EMBEDDED)) {
            String room = server.createRoom();
            try (OtPeer alice = OtPeer.join(server, room, "alice");
                 WsClient seed = WsClient.connect(server.ws("/ws/" + room))) {
                alice.edit(TextOperation.builder().insert(secret).build());
                alice.settle(Duration.ofSeconds(20));
                seed.next("initial_code");
                seed.send("{\"type\":\"code_update\",\"code\":\"" + secret.replace("\"", "\\\"") + "!\"}");
                alice.pumpUntilRevision(2, Duration.ofSeconds(20));
                seed.send("{\"type\":\"op\",\"clientId\":\"x\",\"clientSeq\":1,\"baseRevision\":99,\"op\":[\"" + "hunter2" + "\"]}");
                seed.next("error");
            }
            assertThat(server.room(room).get("code").asText()).contains("hunter2-in-room-text");
            assertThat(server.post("/autocomplete", "application/json",
                    "{\"code\":\"hunter2 = 1\\ndef \",\"cursorPosition\":16,\"language\":\"python\"}").statusCode())
                    .isEqualTo(200);
            assertThat(server.post("/autocomplete", "application/json", "{\"code\":\"hunter2\",\"cursorPosition\":99}")
                    .statusCode()).isEqualTo(422);
        } finally {
            root.detachAppender(events);
        }
        assertThat(events.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).startsWith("sql: "));
        assertNoSecret(events.list);
    }

    /**
     * A failed commit on PostgreSQL is logged (by Hikari and the group commit) with the driver's message,
     * which by default inlines the statement's values: the text being stored. Not here.
     */
    @Test
    void failedCommitOnPostgresLogsNoRoomText() throws Exception {
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        events.setContext(root.getLoggerContext());
        events.start();
        root.addAppender(events);
        try (PostgresOutage database = new PostgresOutage();
             TestServer server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--database-url", database.url())) {
            String room = server.createRoom();
            try (WsClient client = WsClient.connect(server.ws("/ws/" + room))) {
                client.next("initial_code");
                client.send(Wire.hello("c", 0));
                client.next("joined");
                database.stop();
                client.send("{\"type\":\"op\",\"clientId\":\"c\",\"clientSeq\":1,\"baseRevision\":0,"
                        + "\"op\":[\"hunter2-typed-while-the-database-is-down\"]}");
                assertThat(client.next("error").get("code").asText()).isEqualTo("STORE_UNAVAILABLE");
            }
        } finally {
            root.detachAppender(events);
        }
        assertThat(events.list).anySatisfy(e -> assertThat(e.getLoggerName()).endsWith("GroupCommit"));
        assertNoSecret(events.list);
    }

    private static void assertNoSecret(List<ILoggingEvent> events) {
        for (ILoggingEvent event : events) {
            String text = event.getFormattedMessage() + event.getMDCPropertyMap()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(text).as(event.getLoggerName()).doesNotContain("hunter2");
        }
    }

    /** What the console appender writes for this test's logger while {@code action} runs, line by line. */
    private static List<String> capture(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        // Only this test's own lines: a thread of another component may log meanwhile.
        return bytes.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("LoggingTest")).toList();
    }
}
