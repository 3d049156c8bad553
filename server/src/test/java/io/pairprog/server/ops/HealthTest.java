package io.pairprog.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.PostgresOutage;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

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
