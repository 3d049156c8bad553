package io.pairprog.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.ot.TextOperation;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /metrics} in Prometheus text format, moving as edits flow. */
class MetricsTest {
    private static final Duration SETTLE = Duration.ofSeconds(20);

    @Test
    void metricsMoveWhenEditsFlow() throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.Kind.POSTGRES)) {
            String before = scrape(server);
            assertThat(value(before, "pairprog_websocket_connections")).isZero();
            double storedBefore = value(before, "pairprog_edits_stored_total");
            double fanOutBefore = value(before, "pairprog_fanout_latency_seconds_count");
            double batchesBefore = value(before, "pairprog_commit_batch_edits_count");

            String room = server.createRoom();
            try (OtPeer alice = OtPeer.join(server, room, "alice"); OtPeer bob = OtPeer.join(server, room, "bob")) {
                for (int i = 0; i < 10; i++) {
                    alice.edit(TextOperation.builder().retain(alice.doc().length()).insert("x").build());
                    alice.settle(SETTLE);
                }
                bob.pumpUntilRevision(10, SETTLE);

                String during = scrape(server);
                assertThat(value(during, "pairprog_websocket_connections")).isEqualTo(2);
                assertThat(value(during, "pairprog_rooms_loaded")).isEqualTo(1);
                assertThat(value(during, "pairprog_edits_stored_total") - storedBefore).isEqualTo(10);
                assertThat(value(during, "pairprog_fanout_latency_seconds_count") - fanOutBefore).isEqualTo(10);
                assertThat(value(during, "pairprog_fanout_latency_seconds_sum")).isPositive();
                assertThat(value(during, "pairprog_commit_batch_edits_count")).isGreaterThan(batchesBefore);
                assertThat(value(during, "pairprog_commit_batch_edits_sum")).isGreaterThanOrEqualTo(10);
                assertThat(value(during, "pairprog_commit_latency_seconds_count")).isPositive();
                assertThat(during).contains("pairprog_fanout_latency_seconds_bucket{le=\"0.1\"}");
            }
        }
    }

    @Test
    void metricsIncludeJvmMemoryAndGcInPrometheusTextFormat() throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.Kind.EMBEDDED)) {
            HttpResponse<String> response = server.get("/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/plain").contains("version=0.0.4");
            assertThat(response.body())
                    .contains("# TYPE jvm_memory_used_bytes gauge")
                    .contains("jvm_memory_used_bytes{area=\"heap\"")
                    .contains("jvm_gc_memory_allocated_bytes_total")
                    .contains("jvm_gc_live_data_size_bytes")
                    .contains("jvm_threads_live_threads")
                    .contains("# TYPE pairprog_edits_stored_total counter")
                    .contains("# TYPE pairprog_fanout_latency_seconds histogram");
        }
    }

    private static String scrape(TestServer server) {
        HttpResponse<String> response = server.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of a sample without labels, e.g. {@code pairprog_edits_stored_total 12.0}. */
    private static double value(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(scrape);
        assertThat(m.find()).as(name + " in\n" + scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
