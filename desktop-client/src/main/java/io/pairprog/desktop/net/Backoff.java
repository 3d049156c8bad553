package io.pairprog.desktop.net;

import java.util.Random;

/**
 * Reconnect delays: exponential from {@code initialMillis}, capped at {@code maxMillis}, with up to
 * 20 % random jitter so that clients dropped by one server restart do not all return at once.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final Random random;
    private int attempts;

    Backoff(long initialMillis, long maxMillis, Random random) {
        if (initialMillis <= 0 || maxMillis < initialMillis) {
            throw new IllegalArgumentException("Backoff: need 0 < initial <= max, got " + initialMillis + ", " + maxMillis);
        }
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.random = random;
    }

    /** The delay before the next attempt; each call doubles the following one up to the cap. */
    long next() {
        long base = Math.min(maxMillis, initialMillis << Math.min(attempts, 20));
        attempts++;
        return base - (long) (base * 0.2 * random.nextDouble());
    }

    /** After a success: the next failure starts from the initial delay again. */
    void reset() {
        attempts = 0;
    }
}
