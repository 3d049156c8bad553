package io.pairprog.server.ws;

/**
 * A token bucket per connection: {@code rate} messages per second on average, bursts up to twice that
 * (pasting, a reconnect's resend). Used by one connection's message handler only, so not thread-safe.
 */
final class RateLimiter {
    private final double rate;
    private final double capacity;
    private double tokens;
    private long last;

    RateLimiter(int ratePerSecond, long nowNanos) {
        this.rate = ratePerSecond / 1e9;
        this.capacity = 2.0 * ratePerSecond;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes one token if there is one. */
    boolean tryAcquire(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * rate);
        last = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
