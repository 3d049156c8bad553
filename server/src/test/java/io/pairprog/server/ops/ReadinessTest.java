package io.pairprog.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.PostgresOutage;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Readiness says DOWN and why in general words; what the driver said (addresses, users) stays in the log. */
class ReadinessTest {
    @Test
    void downReadinessNamesNoDriverDetail() throws Exception {
        try (PostgresOutage database = new PostgresOutage();
             TestServer server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--database-url", database.url())) {
            database.stop();
            HttpResponse<String> ready = server.get("/health/ready");
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (ready.statusCode() != 503 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                ready = server.get("/health/ready");
            }
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\",\"database\":\"DOWN\",\"reason\":\"the database does not answer\"}");
            database.start();
        }
    }
}
