package io.pairprog.loadtest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How long the disk takes to make a small write durable, as PostgreSQL does at every commit: writes
 * 8 KiB (a WAL page) into a scratch file in the given directory and forces it to disk
 * ({@code fdatasync}), once per interval, for a while. Every durable edit waits for one such flush (a
 * group commit shares it), so the tail of this distribution is a floor under the fan-out tail; run it
 * beside a fan-out measurement to tell a slow disk from a slow server.
 */
final class DiskRun {
    private static final int PAGE = 8192;
    /** Pages the scratch file cycles through, like a WAL segment being filled. */
    private static final int PAGES = 128;

    record Plan(Path directory, double seconds, double intervalMillis, double slowMillis) {
    }

    record Result(Plan plan, Percentiles flush, double p999, long slower) {
    }

    private final Plan plan;

    DiskRun(Plan plan) {
        this.plan = plan;
    }

    Result run() throws IOException {
        Path scratch = Files.createTempFile(plan.directory(), "pairprog-disk", ".tmp");
        LongList micros = new LongList();
        try (FileChannel file = FileChannel.open(scratch, StandardOpenOption.WRITE)) {
            ByteBuffer page = ByteBuffer.allocateDirect(PAGE);
            long end = System.nanoTime() + (long) (plan.seconds() * 1e9);
            long interval = (long) (plan.intervalMillis() * 1e6);
            for (int i = 0; System.nanoTime() < end; i++) {
                page.clear();
                file.write(page, (long) (i % PAGES) * PAGE);
                long start = System.nanoTime();
                file.force(false);
                micros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
                LockSupport.parkNanos(interval);
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
        long[] sorted = micros.toArray();
        Arrays.sort(sorted);
        long slowMicros = (long) (plan.slowMillis() * 1000);
        long slower = Arrays.stream(sorted).filter(m -> m > slowMicros).count();
        return new Result(plan, Percentiles.of(micros), Percentiles.rank(sorted, 0.999), slower);
    }
}
