package io.pairprog.client;

import java.util.function.DoubleSupplier;

/**
 * Delays before a reconnect or a resend: 500 ms, 1 s, 2 s … up to 10 s, each spread by ±25 % so that
 * the clients one server restart dropped do not all come back at once. The one set of constants for
 * every client; {@code room-client.js} has the same.
 */
final class Backoff {
    static final long FIRST_MILLIS = 500;
    static final long MAX_MILLIS = 10_000;
    static final double JITTER = 0.25;

    private final DoubleSupplier random;
    private int attempts;

    /** {@code random} gives numbers in [0, 1); the tests pass a constant to make the delays exact. */
    Backoff(DoubleSupplier random) {
        this.random = random;
    }

    /** The delay before the next attempt; each call doubles the next one's base, up to the cap. */
    long next() {
        long base = Math.min(MAX_MILLIS, FIRST_MILLIS << Math.min(attempts, 20));
        attempts++;
        return Math.round(base * (1 - JITTER + 2 * JITTER * random.getAsDouble()));
    }

    /** After a success: the next failure starts from the first delay again. */
    void reset() {
        attempts = 0;
    }
}
