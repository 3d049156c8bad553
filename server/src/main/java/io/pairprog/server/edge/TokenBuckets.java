package io.pairprog.server.edge;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One token bucket per key (a client address, or a single key for a global limit): {@code perSecond} tokens
 * a second on average, bursts of up to {@code burst}. Buckets that have refilled are dropped now and then,
 * so a flood of addresses leaves no lasting map behind.
 */
final class TokenBuckets {
    private static final int SWEEP_EVERY = 1024;

    private final double perNano;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    TokenBuckets(double perSecond, double burst) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
    }

    /** Takes a token for {@code key}: 0 if there was one, else the whole seconds until there is one. */
    long take(String key, long nowNanos) {
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.values().removeIf(bucket -> bucket.isFull(nowNanos));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(nowNanos)).take(nowNanos);
    }

    private final class Bucket {
        private double tokens = burst;
        private long last;

        Bucket(long nowNanos) {
            last = nowNanos;
        }

        synchronized long take(long nowNanos) {
            refill(nowNanos);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / TimeUnit.SECONDS.toNanos(1)));
        }

        synchronized boolean isFull(long nowNanos) {
            refill(nowNanos);
            return tokens >= burst;
        }

        private void refill(long nowNanos) {
            tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
            last = nowNanos;
        }
    }
}
