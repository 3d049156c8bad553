package io.pairprog.loadtest;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of latencies in microseconds, reported in milliseconds. */
record Percentiles(long count, double p50, double p95, double p99, double max) {

    static Percentiles of(LongList micros) {
        long[] sorted = micros.toArray();
        Arrays.sort(sorted);
        return ofSorted(sorted);
    }

    /** The same for latencies already sorted, for a caller that reads more of them. */
    static Percentiles ofSorted(long[] sorted) {
        if (sorted.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                sorted[sorted.length - 1] / 1000.0);
    }

    /** The smallest value with at least {@code q} of all values at or below it. */
    static double rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
