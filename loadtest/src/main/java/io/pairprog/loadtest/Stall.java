package io.pairprog.loadtest;

/**
 * A stretch of wall-clock time in which something every edit in flight waits for stood still: a slow
 * flush of the database's disk, or a garbage-collection pause of the tool itself.
 */
record Stall(long startedAtMillis, double millis) {
    /** True if this stall and the interval [fromMillis, toMillis] share any moment. */
    boolean overlaps(long fromMillis, long toMillis) {
        return startedAtMillis <= toMillis && startedAtMillis + millis >= fromMillis;
    }
}
