package io.pairprog.server.room;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a room's files hold together, durably (in characters), against the room's limit. Each file's
 * document adds the change of its durable length at each commit; an edit is admitted when the room's total
 * with this file at its new length stays within the limit. Edits pending in other files are not counted:
 * the limit can be passed by what is in flight at one moment, never by more.
 */
final class ProjectSize {
    private final AtomicLong total;
    private final long max;

    ProjectSize(long total, long max) {
        this.total = new AtomicLong(total);
        this.max = max;
    }

    /** Whether a file durably {@code durableLength} long may become {@code newLength} long. */
    boolean fits(long durableLength, long newLength) {
        return newLength <= durableLength || total.get() - durableLength + newLength <= max;
    }

    void add(long delta) {
        total.addAndGet(delta);
    }

    long max() {
        return max;
    }
}
