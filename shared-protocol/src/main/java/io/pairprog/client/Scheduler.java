package io.pairprog.client;

/**
 * Runs a {@link RoomClient}'s timers (reconnect and resend backoff, the cursor throttle) on the client's
 * own thread: a Swing timer on the desktop, {@code setTimeout} in the page, virtual time in simulations.
 */
@FunctionalInterface
public interface Scheduler {

    /** Runs {@code task} once, after {@code delayMillis}, on the client's thread; returns an action that cancels it if it has not run. */
    Runnable schedule(long delayMillis, Runnable task);
}
