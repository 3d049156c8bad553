package io.pairprog.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How long the disk takes to make a small write durable, as PostgreSQL does at every commit: a thread
 * writes 8 KiB (a WAL page) into a scratch file in the given directory and forces it to disk
 * ({@code fdatasync}), once per interval, from {@link #start} until {@link #stop}. Every durable edit
 * waits for one such flush (a group commit shares it), so a stall here is a stall of every edit in
 * flight: run beside a fan-out step, it tells a slow disk from a slow server.
 */
final class FlushProbe {
    private static final int PAGE = 8192;
    /** Pages the scratch file cycles through, like a WAL segment being filled. */
    private static final int PAGES = 128;

    /** At most this many slow flushes are listed, should the disk be slow all the time. */
    private static final int MAX_STALLS = 10_000;

    /**
     * The flush latencies; {@code slower} counts those over {@code slowMillis}, and {@code stalls} lists
     * them (up to {@value #MAX_STALLS}) with the time each one began.
     */
    record Result(Percentiles flush, double p999, double slowMillis, long slower, List<Stall> stalls) {
    }

    private final Path directory;
    private final long intervalNanos;
    private final double slowMillis;
    private final LongList micros = new LongList();
    private final List<Stall> stalls = new ArrayList<>();
    private volatile boolean running;
    private Thread thread;
    private IOException failure;

    FlushProbe(Path directory, double intervalMillis, double slowMillis) {
        this.directory = directory;
        this.intervalNanos = (long) (intervalMillis * 1e6);
        this.slowMillis = slowMillis;
    }

    void start() {
        running = true;
        thread = new Thread(this::probe, "flush-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops probing; the scratch file is gone when this returns. */
    Result stop() throws InterruptedException {
        running = false;
        thread.join();
        if (failure != null) {
            throw new UncheckedIOException("disk probe in " + directory, failure);
        }
        long[] sorted = micros.toArray();
        Arrays.sort(sorted);
        long slowMicros = (long) (slowMillis * 1000);
        return new Result(Percentiles.ofSorted(sorted), Percentiles.rank(sorted, 0.999), slowMillis,
                Arrays.stream(sorted).filter(m -> m > slowMicros).count(), List.copyOf(stalls));
    }

    private void probe() {
        try {
            Path scratch = Files.createTempFile(directory, "pairprog-flush", ".tmp");
            try (FileChannel file = FileChannel.open(scratch, StandardOpenOption.WRITE)) {
                ByteBuffer page = ByteBuffer.allocateDirect(PAGE);
                for (int i = 0; running; i++) {
                    page.clear();
                    file.write(page, (long) (i % PAGES) * PAGE);
                    long startedAtMillis = System.currentTimeMillis();
                    long start = System.nanoTime();
                    file.force(false);
                    long took = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
                    micros.add(took);
                    if (took > slowMillis * 1000 && stalls.size() < MAX_STALLS) {
                        stalls.add(new Stall(startedAtMillis, took / 1000.0));
                    }
                    LockSupport.parkNanos(intervalNanos);
                }
            } finally {
                Files.deleteIfExists(scratch);
            }
        } catch (IOException e) {
            failure = e;
        }
    }
}
