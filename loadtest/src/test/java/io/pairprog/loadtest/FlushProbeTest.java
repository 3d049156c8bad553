package io.pairprog.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk probe measures real flushes and leaves nothing behind; it never judges the disk. */
class FlushProbeTest {
    @TempDir
    Path dir;

    @Test
    void aShortProbeTimesEveryFlushAndRemovesItsScratchFile() throws Exception {
        long before = System.currentTimeMillis();
        FlushProbe probe = new FlushProbe(dir, 1, 0);
        probe.start();
        Thread.sleep(300);
        FlushProbe.Result result = probe.stop();

        assertThat(result.flush().count()).isPositive();
        assertThat(result.flush().p50()).isPositive().isLessThanOrEqualTo(result.flush().p99());
        assertThat(result.p999()).isBetween(result.flush().p99(), result.flush().max());
        // Every flush takes some time, so every one is over a threshold of 0 ms.
        assertThat(result.slower()).isEqualTo(result.flush().count());
        // ...and each is listed with the moment it began, in order.
        assertThat(result.stalls()).hasSize((int) result.slower());
        assertThat(result.stalls().get(0).startedAtMillis()).isGreaterThanOrEqualTo(before);
        assertThat(result.stalls()).isSortedAccordingTo(Comparator.comparingLong(Stall::startedAtMillis));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void refusesADirectoryThatIsNotThere() {
        assertThat(LoadTool.run("disk", "--dir", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(LoadTool.run("fanout", "--disk-probe", dir.resolve("missing").toString())).isEqualTo(2);
    }
}
