package io.pairprog.server.room;

import io.pairprog.ot.OperationException;
import io.pairprog.ot.TextDiff;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.server.store.Authorship;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.OperationLog.ClientProgress;
import io.pairprog.server.store.RoomRecord;
import io.pairprog.server.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A room's text as the authority keeps it: ot.js's {@code Server} plus durability, and nothing of
 * connections. Two versions live here: the head, which includes edits still waiting for their commit, and
 * the durable text, which is what clients see. An edit is transformed to the head and applied
 * ({@link #finish}), queued for the group commit, and made durable when its commit succeeds
 * ({@link #committed}); if a commit fails, every pending edit is rolled back ({@link #rollBack}), and if
 * another writer stored those revisions first, the pending edits are transformed past its operations and
 * queued again ({@link #requeue}). Telling clients is the caller's business, as in ot.js.
 *
 * <p>Not thread-safe: only its {@link Room} calls it, under the room's lock.
 */
final class RoomDocument {
    /** Rounds of transforming past another writer's revisions before an edit is given up. */
    static final int MAX_REBASES = 5;
    /** An edit this close to the head is transformed the rest of the way under the lock. */
    private static final int IN_LOCK_DISTANCE = 16;
    /** PostgreSQL's text cannot hold U+0000: a document that did could not be stored, nor its batch. */
    static final String NUL_REFUSED = "the text holds U+0000 (NUL), which a document cannot hold";

    private final Room room;
    private final UUID id;
    private final RoomLimits limits;
    private final RoomStorage storage;
    private final CommitSink commits;
    private String text;
    private long revision;
    private String durableText;
    private long durableRevision;
    private final StoredWeight weight;
    private final RecentOperations recent;
    private final Map<String, ClientProgress> progress;
    private final List<PendingEdit> pending = new ArrayList<>();
    private final ProjectSize projectSize;
    private int epoch;

    RoomDocument(Room room, RoomRecord record, Map<String, ClientProgress> progress, RoomLimits limits,
                 RoomStorage storage, CommitSink commits, ProjectSize projectSize) {
        this.room = room;
        this.projectSize = projectSize;
        this.id = record.id();
        this.text = record.code();
        this.durableText = record.code();
        this.revision = record.revision();
        this.durableRevision = record.revision();
        this.progress = new HashMap<>(progress);
        this.limits = limits;
        this.storage = storage;
        this.commits = commits;
        this.weight = new StoredWeight(record.sinceSnapshot(), record.storedChars(), limits.maxStoredChars());
        this.recent = new RecentOperations(id, limits.historyWindow(), storage);
    }

    String durableText() {
        return durableText;
    }

    long durableRevision() {
        return durableRevision;
    }

    long revision() {
        return revision;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** The last edit this client had accepted, or null. */
    ClientProgress progressOf(String clientId) {
        return progress.get(clientId);
    }

    /** The stored operations (after, durable head] from memory; null when memory lacks some of them. */
    List<LoggedOperation> durableInMemory(long after) {
        return recent.inMemory(after, durableRevision);
    }

    /** The revision up to which the log must be read before memory holds the rest after {@code after}. */
    long missingUpTo(long after) {
        return recent.missingUpTo(after, durableRevision);
    }

    /** The stored operations after {@code after} that memory holds, to transform past without the lock. */
    List<KeptOperation> keptAfter(long after) {
        return recent.kept(after, durableRevision);
    }

    /** True when the rest of the way is short and in memory: done under the lock, without reading the log. */
    boolean closeEnough(IncomingEdit edit) {
        return durableRevision - edit.base() <= IN_LOCK_DISTANCE && recent.missingUpTo(edit.base(), revision) <= edit.base();
    }

    /**
     * Transforms {@code edit} the rest of the way to the head, checks what it would make of the text and
     * applies it; returns why not when it refuses it. {@code sender} is null for an edit the server makes
     * itself (a restore), which {@code stored} follows.
     */
    Refusal finish(IncomingEdit edit, String what, String clientId, long clientSeq, Authorship author,
                   Participant sender, CompletableFuture<Long> stored) {
        try {
            if (edit.base() == revision && edit.op().baseLength() != text.length()) {
                return new Refusal(ErrorCode.INVALID_OPERATION, what + ": base length " + edit.op().baseLength()
                        + " does not match the document (length " + text.length() + " at revision " + revision + ")");
            }
            edit.transformPast(recent.range(edit.base(), revision));
        } catch (StoreException | OperationException | IncomingEdit.TooMuchWork e) {
            return IncomingEdit.refusal(what, edit, e);
        }
        TextOperation op = edit.op();
        if (op.splitsSurrogatePair(text)) {
            return new Refusal(ErrorCode.INVALID_OPERATION, what + ": would split a surrogate pair");
        }
        if (insertsNul(op)) {
            return new Refusal(ErrorCode.INVALID_OPERATION, what + ": " + NUL_REFUSED);
        }
        String after = op.apply(text);
        if (after.length() > limits.maxDocumentChars()) {
            return new Refusal(ErrorCode.DOCUMENT_TOO_LARGE, what + ": the document would have " + after.length()
                    + " characters, over the limit of " + limits.maxDocumentChars());
        }
        if (!projectSize.fits(durableText.length(), after.length())) {
            return new Refusal(ErrorCode.PROJECT_TOO_LARGE, what + ": the room's files would hold more than "
                    + projectSize.max() + " characters together, its limit");
        }
        if (!weight.fits(op, after.length())) {
            return new Refusal(ErrorCode.STORAGE_QUOTA_EXCEEDED, what + ": the room has stored " + weight.quota()
                    + " characters of history, its quota; copy the text into a new room to go on");
        }
        append(new LoggedOperation(revision + 1, clientId, clientSeq, op, Instant.now(), author), after, sender,
                System.nanoTime(), 0, stored);
        return null;
    }

    private static boolean insertsNul(TextOperation op) {
        for (TextOperation.Component c : op.components()) {
            if (c instanceof TextOperation.Insert i && i.text().indexOf('\0') >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Turns the head text into {@code target} as one edit from no connection; completes with the new
     * revision once stored, at once when the text already is {@code target}, exceptionally when refused.
     */
    CompletableFuture<Room.Restored> restore(String target, long restoredRevision, String name, String restoreId) {
        return replace(target, Authorship.restore(name, restoredRevision), "restore", restoreId);
    }

    /**
     * The same for any whole-text write ({@code what} names it in a refusal, which completes the future
     * with an {@link EditRefused}).
     */
    CompletableFuture<Room.Restored> replace(String target, Authorship author, String what, String writerId) {
        TextOperation diff = TextDiff.between(text, target);
        if (diff.isNoop()) {
            return CompletableFuture.completedFuture(new Room.Restored(revision, false));
        }
        CompletableFuture<Long> stored = new CompletableFuture<>();
        Refusal refused = finish(new IncomingEdit(diff, revision), what, writerId, 1, author, null, stored);
        if (refused != null) {
            stored.completeExceptionally(new EditRefused(refused.code(), refused.message()));
        }
        return stored.thenApply(r -> new Room.Restored(r, true));
    }


    /** Makes {@code logged} the head revision and queues it for commit: the one place a pending edit starts. */
    private PendingEdit append(LoggedOperation logged, String after, Participant sender, long receivedNanos, int rebases,
                               CompletableFuture<Long> stored) {
        revision = logged.revision();
        text = after;
        recent.add(logged, durableRevision);
        boolean snapshot = weight.add(logged.operation(), after.length());
        ClientProgress previous = progress.put(logged.clientId(), new ClientProgress(logged.clientSeq(), revision));
        PendingEdit edit = new PendingEdit(room, epoch, logged, after, snapshot, weight.head(), sender, previous,
                receivedNanos, rebases, stored);
        pending.add(edit);
        commits.submit(edit);
        return edit;
    }

    /** True while the edit belongs to the current epoch, i.e. was not rolled back. */
    boolean isCurrent(PendingEdit edit) {
        return edit.epoch() == epoch;
    }

    /** The commit of {@code edits} (this room's part of one batch, in order) succeeded: they are durable. */
    void committed(List<PendingEdit> edits) {
        pending.subList(0, edits.size()).clear();
        PendingEdit last = edits.get(edits.size() - 1);
        durableRevision = last.operation().revision();
        projectSize.add(last.textAfter().length() - durableText.length());
        durableText = last.textAfter();
        weight.committed(last.weightAfter());
    }

    /** Voids every pending edit and returns the head to the durable state; returns what was voided. */
    List<PendingEdit> rollBack() {
        List<PendingEdit> voided = List.copyOf(pending);
        for (int i = voided.size() - 1; i >= 0; i--) {
            PendingEdit edit = voided.get(i);
            String clientId = edit.operation().clientId();
            if (edit.previousProgress() == null) {
                progress.remove(clientId);
            } else {
                progress.put(clientId, edit.previousProgress());
            }
        }
        pending.clear();
        recent.truncateAfter(durableRevision);
        text = durableText;
        revision = durableRevision;
        weight.rollBack();
        epoch++;
        return voided;
    }

    /** False once the oldest pending edit has been transformed past other writers {@value #MAX_REBASES} times. */
    boolean mayRebase() {
        return !pending.isEmpty() && pending.get(0).rebases() < MAX_REBASES;
    }

    /** What another writer stored after our durable revision; empty if the log cannot be read now. */
    List<LoggedOperation> foreignOperations() {
        try {
            return storage.range(id, durableRevision, Long.MAX_VALUE);
        } catch (StoreException e) {
            return List.of(); // the next commit attempt conflicts again and retries this
        }
    }

    /** Takes another writer's stored operations as durable history (the head must have been rolled back). */
    void adopt(List<LoggedOperation> foreign) {
        for (LoggedOperation op : foreign) {
            String before = durableText;
            durableText = op.operation().apply(durableText);
            projectSize.add(durableText.length() - before.length());
            durableRevision = op.revision();
            recent.add(op, durableRevision);
            weight.adopted(op.operation());
            progress.put(op.clientId(), new ClientProgress(op.clientSeq(), op.revision()));
        }
        text = durableText;
        revision = durableRevision;
    }

    /**
     * The rolled-back edits transformed past another writer's operations {@code foreign} (already adopted),
     * exactly as if those had arrived first, renumbered and queued for commit again; those the other writer
     * stored itself (a resend to it) are dropped. Returns the edits queued.
     */
    List<PendingEdit> requeue(List<PendingEdit> voided, List<LoggedOperation> foreign) {
        List<TextOperation> theirs = new ArrayList<>(foreign.stream().map(LoggedOperation::operation).toList());
        List<PendingEdit> queued = new ArrayList<>();
        for (PendingEdit edit : voided) {
            ClientProgress stored = progress.get(edit.operation().clientId());
            if (stored != null && stored.clientSeq() >= edit.operation().clientSeq()) {
                continue;
            }
            TextOperation mine = edit.operation().operation();
            for (int i = 0; i < theirs.size(); i++) {
                TextOperation.Transformed t = TextOperation.transform(mine, theirs.get(i));
                mine = t.aPrime();
                theirs.set(i, t.bPrime());
            }
            LoggedOperation op = edit.operation();
            queued.add(append(new LoggedOperation(revision + 1, op.clientId(), op.clientSeq(), mine, op.createdAt(),
                    op.author()), mine.apply(text), edit.sender(), edit.receivedNanos(), edit.rebases() + 1, edit.stored()));
        }
        return queued;
    }

    /** Read-only view for tests and REST. */
    Room.RoomSnapshot snapshot(int participants) {
        return new Room.RoomSnapshot(durableText, durableRevision, revision, participants);
    }
}
