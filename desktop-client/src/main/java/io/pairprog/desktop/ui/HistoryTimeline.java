package io.pairprog.desktop.ui;

import io.pairprog.desktop.net.RoomHistory;
import java.util.ArrayList;
import java.util.List;

/**
 * The history steps a {@link HistoryDialog} has loaded, oldest first (the slider's order: left is
 * older), and where the next older page starts. The server sends pages newest first; the first
 * page fills the timeline, each older one goes in front of it. A step that is already held (pages
 * that overlap after new edits) is not added twice.
 */
final class HistoryTimeline {

    private final List<RoomHistory.Step> steps = new ArrayList<>();
    private boolean loaded;
    private Long nextBefore;

    /** Adds a page and returns how many steps went in front of those held before. */
    int add(RoomHistory.Page page) {
        long oldestHeld = steps.isEmpty() ? Long.MAX_VALUE : steps.get(0).fromRevision();
        List<RoomHistory.Step> older = new ArrayList<>();
        for (RoomHistory.Step step : page.steps()) { // newest first
            if (step.toRevision() < oldestHeld) {
                older.add(0, step);
            }
        }
        steps.addAll(0, older);
        nextBefore = page.nextBefore();
        loaded = true;
        return older.size();
    }

    /** True once a page has arrived. */
    boolean isLoaded() {
        return loaded;
    }

    /** True while older steps remain on the server. */
    boolean hasOlder() {
        return loaded && nextBefore != null;
    }

    /** The {@code before} of the next older page; null before the first page (the newest steps). */
    Long nextBefore() {
        return nextBefore;
    }

    int size() {
        return steps.size();
    }

    /** The step at slider position {@code index} (0 is the oldest loaded). */
    RoomHistory.Step get(int index) {
        return steps.get(index);
    }
}
