package io.pairprog.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.Main;
import io.pairprog.server.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Keeps the load tool honest, never the server fast: a short run against a real in-process server must
 * lose nothing, see no errors, and leave every client holding exactly the stored text.
 */
class FanOutRunTest {
    @TempDir
    Path dataDir;

    private Main server;
    private URI url;

    @BeforeEach
    void startServer() throws Exception {
        ServerConfig config = new ServerConfig();
        new CommandLine(config).parseArgs("--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir.toString());
        server = Main.start(config);
        url = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void shortRunLosesNoEditAndEveryClientConverges() throws Exception {
        FanOutRun.Plan plan = new FanOutRun.Plan(url, List.of(), 4, 2, List.of(50.0, 100.0), 2, 1, 7,
                ProcessHandle.current().pid(), List.of(), 10, 0, null);

        FanOutRun.Result result = new FanOutRun(plan).run();

        assertThat(result.errorSamples()).isEmpty();
        assertThat(result.errors()).isZero();
        assertThat(result.lost()).isZero();
        assertThat(result.unsentKeystrokes()).isZero();
        assertThat(result.divergedClients()).isZero();
        assertThat(result.steps()).hasSize(2);
        for (StepResult step : result.steps()) {
            assertThat(step.unexpected()).isZero();
            assertThat(step.openAfterDrain()).isZero();
            assertThat(step.fanOut().count()).isPositive();
            assertThat(step.slowEdits()).isEmpty(); // none asked for
            assertThat(step.disk()).isNull(); // nor a disk probe
            assertThat(step.stealCpuPercent()).isBetween(0.0, 200.0); // two cores at most
            // Every keystroke typed in a step reached every peer (composed ones included).
            assertThat(step.deliveredEditsPerSecond()).isEqualTo(step.typedEditsPerSecond());
        }
    }

    @Test
    void everyEditOverTheSlowThresholdIsListedWithTheTimeItCompleted() throws Exception {
        long start = System.currentTimeMillis();
        FanOutRun.Plan plan = new FanOutRun.Plan(url, List.of(), 2, 2, List.of(40.0), 1, 0, 5, null, List.of(), 10, 0.001, null);

        FanOutRun.Result result = new FanOutRun(plan).run();

        StepResult step = result.steps().get(0);
        // Nothing crosses loopback in a microsecond: every completed edit is listed, once.
        assertThat(step.slowEdits()).hasSize((int) step.fanOut().count());
        assertThat(step.slowEdits()).allSatisfy(slow -> {
            assertThat(slow.latencyMillis()).isGreaterThan(0.001);
            assertThat(slow.completedAtMillis()).isBetween(start, System.currentTimeMillis());
        });
    }

    @Test
    void tenClientsPerRoomAllSeeEveryEdit() throws Exception {
        FanOutRun.Plan plan = new FanOutRun.Plan(url, List.of(), 2, 10, List.of(80.0), 2, 0, 11, null, List.of(), 10, 0, dataDir);

        FanOutRun.Result result = new FanOutRun(plan).run();

        assertThat(result.errors()).isZero();
        assertThat(result.lost()).isZero();
        assertThat(result.divergedClients()).isZero();
        assertThat(result.steps().get(0).serverCpuPercent()).isNull();
        // The disk probe ran beside the two-second step, every 10 ms.
        assertThat(result.steps().get(0).disk().flush().count()).isBetween(20L, 200L);
    }

    @Test
    void joinOfAFilledRoomIsTimedWarmAndCold() throws Exception {
        JoinRun.Plan plan = new JoinRun.Plan(url, 200, 50, 4, 3, 1, true, 3);

        JoinRun.Result result = new JoinRun(plan).run();

        assertThat(result.errors()).isZero();
        assertThat(result.revision()).isEqualTo(200);
        assertThat(result.documentChars()).isEqualTo(200 * 50);
        assertThat(result.warmJoin().count()).isEqualTo(3);
        assertThat(result.coldJoin().count()).isEqualTo(3);
    }

    @Test
    void refusesServersOffLoopback() {
        assertThat(LoadTool.run("fanout", "--url", "http://192.0.2.1:8000", "--duration", "1")).isEqualTo(2);
        assertThat(LoadTool.run("fanout", "--rooms", "0")).isEqualTo(2);
    }
}
