package io.pairprog.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.Main;
import io.pairprog.server.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 8's load run: 200 clients in 100 rooms typing for two minutes (ten in the documented long run,
 * {@code -Dpairprog.soak.seconds=600}) against a real server on PostgreSQL when CI names one: no error,
 * no lost edit, no divergence, and once the clients are gone every room has left the server's memory
 * and the heap is back near where it started.
 */
class SoakTest {
    private static final long HEAP_SLACK = 64L << 20;

    @TempDir
    Path dataDir;

    @Test
    void twoHundredClientsTypingLoseNothingAndLeaveNothingBehind() throws Exception {
        double seconds = Double.parseDouble(System.getProperty("pairprog.soak.seconds", "120"));
        ServerConfig config = new ServerConfig();
        String database = System.getenv("PAIRPROG_TEST_DATABASE_URL");
        // All 200 clients come from one address, so the per-address limit is raised for this run.
        String store = database == null ? "--data-dir" : "--database-url";
        new CommandLine(config).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--host", "127.0.0.1", "--port", "0",
                "--max-connections-per-address", "1000", store, database == null ? dataDir.toString() : database);
        Main server = Main.start(config);
        try {
            long baseline = settledHeap();
            FanOutRun.Plan plan = new FanOutRun.Plan(URI.create("http://127.0.0.1:" + server.port()), List.of(), 100, 2,
                    List.of(200.0), seconds, 2, 8, null, List.of(), 15, 0, null);

            FanOutRun.Result result = new FanOutRun(plan).run();

            assertThat(result.errorSamples()).isEmpty();
            assertThat(result.errors()).isZero();
            assertThat(result.lost()).isZero();
            assertThat(result.divergedClients()).isZero();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.rooms().size() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(server.rooms().size()).as("rooms left in memory").isZero();
            assertThat(settledHeap()).as("heap after the run, baseline " + baseline).isLessThan(baseline + HEAP_SLACK);
        } finally {
            server.stop();
        }
    }

    /** Used heap after the collector has had its say, as a rough but honest memory reading. */
    private static long settledHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
