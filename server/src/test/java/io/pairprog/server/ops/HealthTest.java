package io.pairprog.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.PostgresOutage;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Liveness follows the process, readiness the database: an orchestrator can tell the two apart. */
class HealthTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void readinessTurns503WhileTheDatabaseIsDownAndRecovers() throws Exception {
        try (PostgresOutage database = new PostgresOutage();
             TestServer server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--database-url", database.url())) {
            HttpResponse<String> ready = server.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"UP\",\"database\":\"UP\"}");

            database.stop();
            long start = System.nanoTime();
            HttpResponse<String> down = await(server, r -> r.statusCode() == 503);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(TestServer.json(down.body()).get("status").asText()).isEqualTo("DOWN");
            assertThat(TestServer.json(down.body()).get("reason").asText()).isNotBlank();
            // The process itself is fine: restarting it would not help.
            assertThat(server.get("/health").statusCode()).isEqualTo(200);

            database.start();
            await(server, r -> r.statusCode() == 200);
        }
    }

    @Test
    void livenessAnswersWithoutTheDatabase() throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.Kind.EMBEDDED)) {
            HttpResponse<String> live = server.get("/health");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(server.get("/health/ready").statusCode()).isEqualTo(200);
        }
    }

    /**
     * A server whose commit thread has died still answers HTTP but stores nothing: liveness must say
     * so (and the death is logged at ERROR), so that an orchestrator restarts it.
     */
    @Test
    @SuppressWarnings("deprecation") // Thread.stop: the only way to kill a thread as a fatal error would
    void livenessFailsWhenTheCommitThreadHasDied() throws Exception {
        Set<Thread> before = commitThreads();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        try (TestServer server = TestServer.start(TestDatabases.Kind.EMBEDDED)) {
            Set<Thread> mine = commitThreads();
            mine.removeAll(before);
            assertThat(mine).hasSize(1);
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
            logged.start();
            root.addAppender(logged);
            Thread commits = mine.iterator().next();
            commits.stop();
            commits.join(5_000);

            HttpResponse<String> live = server.get("/health");
            assertThat(live.statusCode()).isEqualTo(503);
            assertThat(TestServer.json(live.body()).get("status").asText()).isEqualTo("DOWN");
            assertThat(TestServer.json(live.body()).get("reason").asText()).contains("group-commit");
            assertThat(logged.list).anyMatch(e -> e.getLevel() == Level.ERROR
                    && e.getFormattedMessage().contains("group-commit"));
        } finally {
            root.detachAppender(logged);
        }
    }

    private static Set<Thread> commitThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("group-commit") && t.isAlive()) {
                threads.add(t);
            }
        }
        return threads;
    }

    private static HttpResponse<String> await(TestServer server, Predicate<HttpResponse<String>> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> last;
        do {
            last = server.get("/health/ready");
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("readiness never changed; last answer " + last.statusCode() + " " + last.body());
    }
}
