package io.pairprog.loadtest;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that owns every client's state. Socket callbacks, typing ticks and bookkeeping all
 * run here, so nothing is locked and the load tool stays near one core however many clients it drives.
 * It is also the {@link java.net.http.HttpClient}'s executor, so most callbacks arrive here directly.
 */
final class EventLoop implements Executor, AutoCloseable {
    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    EventLoop() {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "loadtest-loop");
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.prestartCoreThread();
    }

    /** Runs {@code task} now when already on the loop, else queues it. */
    void run(Runnable task) {
        if (Thread.currentThread() == thread) {
            task.run();
        } else {
            executor.execute(task);
        }
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    ScheduledFuture<?> every(long periodMicros, Runnable task) {
        return executor.scheduleAtFixedRate(task, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    ScheduledFuture<?> after(long delayMillis, Runnable task) {
        return executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the loop and waits for it: how the orchestrating thread reads client state. */
    <T> T call(java.util.concurrent.Callable<T> task) {
        try {
            return executor.submit(task).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("event loop: task failed: " + e, e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
