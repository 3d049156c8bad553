package io.pairprog.server.room;

import io.pairprog.server.Managed;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that catch joining clients up ({@link CatchUp}) and may wait on the database to do so: a
 * few of their own, so that a long catch-up never takes a thread that serves sockets, and a bounded
 * queue, so that a flood of joins is refused (the client retries) instead of piling up in memory.
 */
public final class CatchUpPool implements Managed, Executor {
    private static final int QUEUE = 10_000;

    private final ThreadPoolExecutor pool;

    public CatchUpPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread thread = new Thread(r, "catch-up-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** Throws {@link java.util.concurrent.RejectedExecutionException} when the queue is full. */
    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(2, TimeUnit.SECONDS);
    }
}
