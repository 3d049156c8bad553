package io.pairprog.server.room;

import io.pairprog.ot.TextDiff;
import io.pairprog.ot.TextOperation;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The texts a seed client (whole texts, no revisions) may have typed on: its own last text, and the ones
 * sent to it since (or, before it sent any, within the last few seconds). Its next text is diffed against
 * the one it differs least from: when it typed while an update was on its way to it, that is the text it
 * had, not the newer one the server last sent; diffing against the newer one would undo what others did
 * meanwhile. Texts sent to it before its own last one are not candidates: whatever it sends next follows
 * what it sent last (a client that keeps replacing short texts means each one to replace the last).
 *
 * <p>Each entry is a text and the revision whose text it is. Only the owning room touches it, under the
 * room's lock. The texts are the room's own strings, shared, not copied.
 */
final class SeenTexts {
    /** Longer than any round trip that could still cross an update on the wire. */
    static final long WINDOW_NANOS = 5_000_000_000L;
    static final int MAX_ENTRIES = 8;

    record Seen(String text, long revision, long atNanos) {
    }

    /** Newest last; never empty. */
    private final ArrayDeque<Seen> seen = new ArrayDeque<>();

    SeenTexts(String text, long revision) {
        seen.addLast(new Seen(text, revision, System.nanoTime()));
    }

    private SeenTexts() {
    }

    /** A copy to read outside the room's lock (the texts are shared, not copied). */
    SeenTexts copy() {
        SeenTexts copy = new SeenTexts();
        copy.seen.addAll(seen);
        return copy;
    }

    /** The client sent {@code text}, now the text of {@code revision}: what it had before no longer counts. */
    void sent(String text, long revision) {
        seen.clear();
        seen.addLast(new Seen(text, revision, System.nanoTime()));
    }

    /** The client was sent {@code text}, the text of {@code revision}. */
    void saw(String text, long revision) {
        long now = System.nanoTime();
        seen.addLast(new Seen(text, revision, now));
        while (seen.size() > MAX_ENTRIES || seen.size() > 1 && now - seen.peekFirst().atNanos() > WINDOW_NANOS) {
            seen.removeFirst();
        }
    }

    Seen newest() {
        return seen.peekLast();
    }

    /** The oldest revision a next text may be based on: the operations after it may be needed. */
    long oldestRevision() {
        long oldest = Long.MAX_VALUE;
        for (Seen s : seen) {
            oldest = Math.min(oldest, s.revision());
        }
        return oldest;
    }

    /** The entry {@code code} differs least from, counting the units it deletes and inserts; newer wins ties. */
    Seen baseOf(String code) {
        Seen best = null;
        long bestSize = Long.MAX_VALUE;
        for (Iterator<Seen> it = seen.descendingIterator(); it.hasNext(); ) {
            Seen candidate = it.next();
            long size = changedUnits(TextDiff.between(candidate.text(), code));
            if (size < bestSize) {
                best = candidate;
                bestSize = size;
            }
        }
        return best;
    }

    /**
     * Forgets every entry past {@code revision}, whose number another operation will now carry (a rolled
     * back commit); true if it forgot any.
     */
    boolean forgetAfter(long revision) {
        return seen.removeIf(s -> s.revision() > revision);
    }

    private static long changedUnits(TextOperation diff) {
        long units = 0;
        for (TextOperation.Component c : diff.components()) {
            if (!(c instanceof TextOperation.Retain)) {
                units += c.length();
            }
        }
        return units;
    }
}
