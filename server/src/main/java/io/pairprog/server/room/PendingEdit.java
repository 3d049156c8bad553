package io.pairprog.server.room;

import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.OperationLog.ClientProgress;
import java.util.concurrent.CompletableFuture;

/**
 * An edit a room has applied in memory but not yet stored. It is acknowledged and broadcast only when
 * its commit succeeds; if the commit fails the room rolls it back using {@code previousProgress}.
 *
 * @param epoch the room's epoch when the edit was made; a rollback starts a new epoch, which voids
 *              every edit of the old one still waiting in the commit queue
 * @param textAfter the room's text once this edit is applied (shared, not copied: strings are immutable)
 * @param snapshot whether {@code textAfter} is to be stored as a snapshot with this edit
 * @param weightAfter the room's {@link StoredWeight} counts once this edit is stored
 * @param receivedNanos when the server received it ({@link System#nanoTime()}), for the delivery latency
 * @param rebases how often it was transformed past another writer's revisions and queued again
 * @param stored completed with the revision once stored, or exceptionally if not; null for edits from a
 *               connection, which learns the outcome by message
 */
record PendingEdit(Room room, int epoch, LoggedOperation operation, String textAfter, boolean snapshot,
                   long[] weightAfter, Participant sender, ClientProgress previousProgress, long receivedNanos,
                   int rebases, CompletableFuture<Long> stored) {
}
