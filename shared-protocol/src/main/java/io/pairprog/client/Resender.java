package io.pairprog.client;

/**
 * Sends an edit the server could not store again, with the same {@code clientSeq}, after a growing
 * {@link Backoff}; the next stored edit resets the backoff. Used by its {@link RoomClient} only.
 */
final class Resender {
    private final Scheduler scheduler;
    private Backoff backoff;
    private Runnable timer;
    private long delayMillis;
    private Status.Refused cause;

    Resender(Scheduler scheduler, Backoff backoff) {
        this.scheduler = scheduler;
        this.backoff = backoff;
    }

    void backoff(Backoff next) {
        backoff = next;
    }

    /** Runs {@code resend} after the next delay, replacing a resend already waiting; {@code why} is the refusal. */
    void later(Status.Refused why, Runnable resend) {
        cancel();
        delayMillis = backoff.next();
        cause = why;
        timer = scheduler.schedule(delayMillis, () -> {
            timer = null;
            resend.run();
        });
    }

    /** An edit was stored: the server is healthy again. */
    void stored() {
        backoff.reset();
        cancel();
    }

    void cancel() {
        if (timer != null) {
            timer.run();
            timer = null;
        }
    }

    boolean isWaiting() {
        return timer != null;
    }

    long delayMillis() {
        return delayMillis;
    }

    Status.Refused cause() {
        return cause;
    }
}
