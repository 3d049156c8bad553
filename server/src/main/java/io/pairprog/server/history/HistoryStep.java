package io.pairprog.server.history;

import io.pairprog.server.store.EditSummary;
import java.time.Duration;
import java.time.Instant;

/**
 * Consecutive revisions by one author, close in time, shown as one entry of a room's history: what a
 * person would call "one edit" (a sentence typed, a block pasted), not one keystroke. The text before
 * the step is revision {@code fromRevision - 1}; after it, {@code toRevision}.
 *
 * @param author display name when the revisions were made; null for seed clients, which have none
 * @param restoredRevision set when the step is a restore, which is always a step of its own
 */
public record HistoryStep(long fromRevision, long toRevision, String clientId, String author, String color,
                          Instant startedAt, Instant endedAt, int edits, long inserted, long deleted,
                          Long restoredRevision) {
    /** A pause longer than this between two edits starts a new step. */
    static final Duration PAUSE = Duration.ofSeconds(30);
    /** No step spans more than this, so that an hour of steady typing still reads as several steps. */
    static final Duration LONGEST = Duration.ofMinutes(10);

    static HistoryStep of(EditSummary op) {
        return new HistoryStep(op.revision(), op.revision(), op.clientId(), op.author().name(), op.author().color(),
                op.createdAt(), op.createdAt(), 1, op.inserted(), op.deleted(), op.author().restoredRevision());
    }

    /** True if {@code older}, the revision just before this step, belongs to it. */
    boolean continuesWith(EditSummary older) {
        return older.revision() == fromRevision - 1
                && restoredRevision == null && older.author().restoredRevision() == null
                && older.clientId().equals(clientId)
                && !older.createdAt().isBefore(startedAt.minus(PAUSE))
                && !older.createdAt().isBefore(endedAt.minus(LONGEST));
    }

    /** This step with {@code older} prepended; the name and colour stay the newest ones. */
    HistoryStep extendedBy(EditSummary older) {
        return new HistoryStep(older.revision(), toRevision, clientId, author, color, older.createdAt(), endedAt,
                edits + 1, inserted + older.inserted(), deleted + older.deleted(), null);
    }
}
