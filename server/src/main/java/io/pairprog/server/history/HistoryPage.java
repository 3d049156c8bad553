package io.pairprog.server.history;

import java.util.List;

/**
 * Part of a room's history, newest step first. {@code nextBefore} is what to pass as {@code before} for
 * the older steps; null when this page reaches the room's first revision.
 */
public record HistoryPage(long revision, List<HistoryStep> steps, Long nextBefore) {
}
