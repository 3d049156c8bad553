package io.pairprog.server.room;

import io.pairprog.ot.OperationException;
import io.pairprog.ot.Selection;
import io.pairprog.ot.TextDiff;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ServerMessage;
import io.pairprog.server.store.Authorship;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.OperationLog.ClientProgress;
import io.pairprog.server.store.RoomRecord;
import io.pairprog.server.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The authoritative document of one room: ot.js's {@code Server.receiveOperation} plus durability.
 *
 * <pre>
 *   client op at baseRevision ──transform against (baseRevision, head]──► apply ──► head+1 (pending)
 *                                                                                   │ group commit
 *                     ack to sender, op to the others, code_update to seed clients ◄┘ (durable)
 * </pre>
 *
 * Two versions of the text live here: the head, which includes edits still waiting for their commit,
 * and the durable text. Clients only ever see durable revisions: joins are served from the durable text
 * and acks/broadcasts leave only after the commit. If a commit fails, every pending edit is rolled back
 * and its sender told, so nothing is acknowledged that was not stored.
 *
 * <p>All state is guarded by {@code this}. Work under the lock is short and CPU-only (transforming past
 * the last few operations, applying, queueing non-blocking sends): reading the log and transforming past
 * stored operations, which never change, happen before the lock is taken ({@link IncomingEdit}), and a
 * joining client's catch-up runs on a thread of its own ({@link CatchUp}).
 */
public final class Room {
    /** Rounds of transforming past another writer's revisions before an edit is given up. */
    static final int MAX_REBASES = 5;
    /** An edit this close to the head is transformed the rest of the way under the lock. */
    private static final int IN_LOCK_DISTANCE = 16;
    /** Rounds of transforming outside the lock before the rest is done under it, however far. */
    private static final int OUTSIDE_ROUNDS = 8;
    /** PostgreSQL's text cannot hold U+0000: a document that did could not be stored, nor its batch. */
    private static final String NUL_REFUSED = "the text holds U+0000 (NUL), which a document cannot hold";

    private final UUID id;
    private final RoomLimits limits;
    private final RoomStorage storage;
    private final CommitSink commits;
    private final MessageCodec codec;
    private final Consumer<Room> onIdle;
    private final Executor background;
    private final ClientBindings bindings;

    private String language;
    private String text;
    private long revision;
    private String durableText;
    private long durableRevision;
    private final StoredWeight weight;
    private final RecentOperations recent;
    private final Map<String, ClientProgress> progress;
    private final List<PendingEdit> pending = new ArrayList<>();
    private final Map<Peer, Participant> participants = new LinkedHashMap<>();
    /**
     * The same participants as an immutable list, replaced on join and leave. Broadcasts iterate this:
     * a failing send may close its session synchronously, and the close handler re-enters this room to
     * leave it while the broadcast is still iterating.
     */
    private List<Participant> everyone = List.of();
    private int epoch;
    private long seedClients;

    Room(RoomRecord record, Map<String, ClientProgress> progress, RoomLimits limits, RoomStorage storage,
         CommitSink commits, MessageCodec codec, Consumer<Room> onIdle, Executor background) {
        this.id = record.id();
        this.language = record.language();
        this.text = record.code();
        this.durableText = record.code();
        this.revision = record.revision();
        this.durableRevision = record.revision();
        this.progress = new HashMap<>(progress);
        this.limits = limits;
        this.storage = storage;
        this.commits = commits;
        this.codec = codec;
        this.onIdle = onIdle;
        this.background = background;
        this.bindings = new ClientBindings(id, storage);
        this.weight = new StoredWeight(record.sinceSnapshot(), record.storedChars(), limits.maxStoredChars());
        this.recent = new RecentOperations(id, limits.historyWindow(), storage);
    }

    public UUID id() {
        return id;
    }

    RoomStorage storage() {
        return storage;
    }

    ClientBindings bindings() {
        return bindings;
    }

    String encode(LoggedOperation op) {
        return codec.encode(broadcastOf(op));
    }

    // ---- membership -------------------------------------------------------------------------------

    /**
     * Adds a connection as a seed-style client and sends it the durable text. A {@code readOnly} one (from
     * a view-only link) receives everything and may change nothing.
     */
    synchronized void join(Peer peer, boolean readOnly) {
        participants.put(peer, new Participant(peer, readOnly, "legacy-" + (++seedClients) + "-" + shortId(),
                durableText, durableRevision));
        everyone = List.copyOf(participants.values());
        peer.send(codec.encode(new ServerMessage.InitialCode(durableText, durableRevision, language)));
    }

    public void leave(Peer peer) {
        boolean idle;
        synchronized (this) {
            Participant gone = participants.remove(peer);
            everyone = List.copyOf(participants.values());
            if (gone != null && gone.speaksOt() && connectionOf(gone.clientId) == null) {
                broadcastToOt(new ServerMessage.ParticipantLeft(gone.clientId), null);
            }
            idle = isIdle();
        }
        if (idle) {
            onIdle.accept(this);
        }
    }

    synchronized boolean isIdle() {
        return participants.isEmpty() && pending.isEmpty();
    }

    /**
     * The participant behind {@code peer} if it may do {@code what}: null (and, unless the connection has
     * gone, an error sent) when it has not joined as an OT client or, for a change, is read-only.
     */
    private Participant member(Peer peer, String what, boolean changes, Long clientSeq) {
        Participant p = participants.get(peer);
        if (p == null) {
            return null; // a message that raced with the connection closing
        }
        if (!p.speaksOt()) {
            sendError(peer, ErrorCode.NOT_JOINED, what + ": send hello first", clientSeq);
            return null;
        }
        if (changes && p.readOnly) {
            sendError(peer, ErrorCode.READ_ONLY, what + ": this connection joined through a view-only link and "
                    + "cannot change the room", clientSeq);
            return null;
        }
        return p;
    }

    // ---- joining as an OT client --------------------------------------------------------------------

    /**
     * Turns a connection into an OT client: sends every durable operation after the client's revision
     * (its own included, which is how a client learns that an edit sent before a disconnect was stored),
     * then {@code joined}. Runs on a background thread ({@link CatchUp}); {@code done} runs when it is over,
     * however it ends, so that the connection's later messages are handled after it.
     */
    public void hello(Peer peer, ClientMessage.Hello hello, Runnable done) {
        Participant p;
        synchronized (this) {
            p = participants.get(peer);
            if (p == null) {
                done.run();
                return;
            }
            if (p.speaksOt() || p.joining) {
                sendError(peer, ErrorCode.MALFORMED_MESSAGE, "hello: this connection already joined as "
                        + (p.speaksOt() ? p.clientId : "someone"), null);
                done.run();
                return;
            }
            if (hello.revision() > durableRevision) {
                sendError(peer, ErrorCode.REVISION_IN_FUTURE, "hello: revision " + hello.revision()
                        + " is ahead of the room's revision " + durableRevision, null);
                done.run();
                return;
            }
            p.joining = true;
        }
        try {
            background.execute(new CatchUp(this, p, hello, background, done));
        } catch (RejectedExecutionException e) {
            refuseJoin(p, ErrorCode.STORE_UNAVAILABLE, "hello: the server is too busy to catch you up; try again");
            done.run();
        }
    }

    /** A join that cannot go on: the connection stays a seed-style client and may say hello again. */
    synchronized void refuseJoin(Participant p, ErrorCode code, String message) {
        p.joining = false;
        if (participants.get(p.peer) == p) {
            sendError(p.peer, code, message, null);
        }
    }

    /**
     * The last step of a catch-up that has sent everything up to {@code sent}: if memory holds the rest,
     * sends it and {@code joined} and makes the connection an OT client, returning {@code sent} or less;
     * otherwise returns the revision up to which the log must be read first.
     */
    synchronized long joinOrFindMissing(Participant p, ClientMessage.Hello hello, long sent, String newToken) {
        if (participants.get(p.peer) != p) {
            return sent; // the connection has gone
        }
        long missingUpTo = recent.missingUpTo(sent, durableRevision);
        if (missingUpTo > sent) {
            return missingUpTo;
        }
        for (LoggedOperation op : recent.range(sent, durableRevision)) {
            p.peer.send(encode(op));
        }
        p.joining = false;
        p.clientId = hello.clientId();
        p.name = Names.sanitize(hello.name(), hello.clientId());
        p.color = Colors.firstFree(everyone.stream().filter(o -> o != p && o.speaksOt()).map(o -> o.color).toList());
        List<io.pairprog.protocol.Participant> present = everyone.stream().filter(Participant::speaksOt)
                .map(Participant::describe).toList();
        p.peer.send(codec.encode(new ServerMessage.Joined(p.clientId, durableRevision, p.color, language, present,
                p.readOnly, newToken)));
        broadcastToOt(p.changed(), p);
        for (Participant other : everyone) {
            if (other != p && other.speaksOt() && other.cursor != null) {
                sendCursor(other, other.cursor, other.cursorRevision, p);
            }
        }
        return sent;
    }

    // ---- presence -----------------------------------------------------------------------------------

    /**
     * A selection, moved from the sender's revision to the stored head and passed on. A cursor from
     * further back than memory reaches is dropped: it is presence, sent again at the next move, and not
     * worth a read of the log.
     */
    public synchronized void cursor(Peer peer, ClientMessage.Cursor cursor) {
        Participant p = member(peer, "cursor", true, null);
        if (p == null) {
            return;
        }
        if (cursor.revision() > durableRevision) {
            sendError(peer, ErrorCode.REVISION_IN_FUTURE, "cursor: revision " + cursor.revision()
                    + " is ahead of the room's revision " + durableRevision, null);
            return;
        }
        try {
            sendCursor(p, cursor.ranges(), cursor.revision(), null);
        } catch (OperationException e) {
            sendError(peer, ErrorCode.MALFORMED_MESSAGE, "cursor: a position is outside the document at revision "
                    + cursor.revision(), null);
        }
    }

    /** Sends {@code owner}'s selection, transformed up to the durable head, to one participant or to all. */
    private void sendCursor(Participant owner, List<Selection.Range> ranges, long atRevision, Participant only) {
        List<LoggedOperation> since = recent.inMemory(atRevision, durableRevision);
        if (since == null) {
            return;
        }
        Selection selection = new Selection(ranges);
        for (LoggedOperation op : since) {
            selection = selection.transform(op.operation());
        }
        int length = durableText.length();
        for (Selection.Range r : selection.ranges()) {
            if (r.anchor() > length || r.head() > length) {
                throw new OperationException("cursor: position beyond the document length " + length);
            }
        }
        owner.cursor = selection.ranges();
        owner.cursorRevision = durableRevision;
        ServerMessage.Cursor message = new ServerMessage.Cursor(owner.clientId, durableRevision, selection.ranges());
        if (only != null) {
            only.peer.send(codec.encode(message));
        } else {
            broadcastToOt(message, owner);
        }
    }

    public synchronized void rename(Peer peer, ClientMessage.Rename rename) {
        Participant p = member(peer, "rename", false, null);
        if (p != null) {
            p.name = rename.name();
            broadcastToOt(p.changed(), null);
        }
    }

    /**
     * Stores the room's new language, then tells everyone. The write happens outside the room's lock:
     * a slow or unreachable database must not hold up typing.
     */
    public void setLanguage(Peer peer, ClientMessage.SetLanguage change) {
        String clientId;
        synchronized (this) {
            Participant p = member(peer, "set_language", true, null);
            if (p == null) {
                return;
            }
            clientId = p.clientId;
        }
        try {
            storage.saveLanguage(id, change.language());
        } catch (StoreException e) {
            sendError(peer, ErrorCode.STORE_UNAVAILABLE, "set_language: not stored; try again", null);
            return;
        }
        synchronized (this) {
            language = change.language();
            broadcastToOt(new ServerMessage.Language(language, clientId), null);
        }
    }

    private void broadcastToOt(ServerMessage message, Participant except) {
        String json = codec.encode(message);
        for (Participant p : everyone) {
            if (p != except && p.speaksOt()) {
                p.peer.send(json);
            }
        }
    }

    private Participant connectionOf(String clientId) {
        for (Participant p : everyone) {
            if (clientId.equals(p.clientId)) {
                return p;
            }
        }
        return null;
    }

    // ---- edits --------------------------------------------------------------------------------------

    /** An OT client's operation: deduplicate, transform to the head, apply, queue for commit. */
    public void receive(Peer peer, ClientMessage.Op op) {
        IncomingEdit edit = new IncomingEdit(op.op(), op.baseRevision());
        for (int round = 0; ; round++) {
            List<KeptOperation> kept;
            long missingUpTo;
            synchronized (this) {
                Participant p = member(peer, "op", true, op.clientSeq());
                if (p == null || !admits(p, op)) {
                    return;
                }
                if (round == OUTSIDE_ROUNDS || closeEnough(edit)) {
                    // p.clientId equals op.clientId(); the connection's own copy is shared by all its operations.
                    finish(p, p.clientId, op.clientSeq(), op.clientSeq(), edit, "op");
                    return;
                }
                kept = recent.kept(edit.base(), durableRevision);
                missingUpTo = recent.missingUpTo(edit.base(), durableRevision);
            }
            if (!transformOutsideTheLock(peer, edit, kept, missingUpTo, "op", op.clientSeq())) {
                return;
            }
        }
    }

    /** True when the rest of the way is short and in memory: done under the lock, without reading the log. */
    private boolean closeEnough(IncomingEdit edit) {
        return durableRevision - edit.base() <= IN_LOCK_DISTANCE && recent.missingUpTo(edit.base(), revision) <= edit.base();
    }

    /** The checks an op passes before any work is spent on it; false (and the sender told) if it fails one. */
    private boolean admits(Participant p, ClientMessage.Op op) {
        if (!p.clientId.equals(op.clientId())) {
            sendError(p.peer, ErrorCode.CLIENT_ID_MISMATCH, "op: clientId " + op.clientId()
                    + " is not this connection's (" + p.clientId + ")", op.clientSeq());
            return false;
        }
        if (op.baseRevision() > durableRevision) {
            sendError(p.peer, ErrorCode.REVISION_IN_FUTURE, "op: baseRevision " + op.baseRevision()
                    + " is ahead of the room's revision " + durableRevision, op.clientSeq());
            return false;
        }
        ClientProgress last = progress.get(op.clientId());
        if (last != null && op.clientSeq() <= last.clientSeq()) {
            answerDuplicate(p.peer, op, last);
            return false;
        }
        return true;
    }

    /**
     * Moves {@code edit} past stored operations without the lock: those memory holds ({@code kept}), else
     * a page of the log up to {@code missingUpTo}. False (and the sender told) when the edit is refused.
     */
    private boolean transformOutsideTheLock(Peer peer, IncomingEdit edit, List<KeptOperation> kept, long missingUpTo,
                                            String what, Long clientSeq) {
        try {
            edit.transformPast(kept != null ? RecentOperations.inflate(kept)
                    : storage.page(id, edit.base(), missingUpTo, CatchUp.PAGE_OPS, CatchUp.PAGE_CHARS));
            return true;
        } catch (StoreException e) {
            sendError(peer, ErrorCode.STORE_UNAVAILABLE, what + ": could not read the operation log; resend later",
                    clientSeq);
        } catch (OperationException e) {
            sendError(peer, ErrorCode.INVALID_OPERATION, what + ": the operation does not fit the document at "
                    + "revision " + edit.base() + " (" + e.getMessage() + ")", clientSeq);
        } catch (IncomingEdit.TooMuchWork e) {
            sendError(peer, ErrorCode.REVISION_NOT_AVAILABLE, what + ": " + e.getMessage()
                    + "; catch up with hello and send it again", clientSeq);
        }
        return false;
    }

    /**
     * Under the lock: transforms {@code edit} the rest of the way to the head, checks what it would make
     * of the text and applies it; the sender is told when it is refused (naming {@code seq}, if any).
     */
    private void finish(Participant p, String clientId, long clientSeq, Long seq, IncomingEdit edit, String what) {
        try {
            if (edit.base() == revision && edit.op().baseLength() != text.length()) {
                sendError(p.peer, ErrorCode.INVALID_OPERATION, what + ": base length " + edit.op().baseLength()
                        + " does not match the document (length " + text.length() + " at revision " + revision + ")", seq);
                return;
            }
            edit.transformPast(recent.range(edit.base(), revision));
        } catch (StoreException e) {
            sendError(p.peer, ErrorCode.STORE_UNAVAILABLE, what + ": could not read the operation log; resend later", seq);
            return;
        } catch (OperationException e) {
            sendError(p.peer, ErrorCode.INVALID_OPERATION, what + ": the operation does not fit the document at "
                    + "revision " + edit.base() + " (" + e.getMessage() + ")", seq);
            return;
        } catch (IncomingEdit.TooMuchWork e) {
            sendError(p.peer, ErrorCode.REVISION_NOT_AVAILABLE, what + ": " + e.getMessage()
                    + "; catch up with hello and send it again", seq);
            return;
        }
        TextOperation transformed = edit.op();
        if (transformed.splitsSurrogatePair(text)) {
            sendError(p.peer, ErrorCode.INVALID_OPERATION, what + ": would split a surrogate pair", seq);
            return;
        }
        if (insertsNul(transformed)) {
            sendError(p.peer, ErrorCode.INVALID_OPERATION, what + ": " + NUL_REFUSED, seq);
            return;
        }
        apply(p, clientId, clientSeq, seq, transformed, p.authorship(), null);
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
     * A seed-style client's whole text. It is diffed against the text that client most likely typed on
     * ({@link SeenTexts}), and that minimal edit is transformed up to the head like any operation: the
     * client's change wins where it changed something (the seed's last-writer-wins), and what others
     * typed elsewhere meanwhile stays. The diffs are computed outside the lock.
     */
    public void replaceText(Peer peer, String code) {
        SeenTexts seen;
        synchronized (this) {
            Participant p = participants.get(peer);
            if (p == null) {
                return; // a message that raced with the connection closing
            }
            if (p.readOnly) {
                sendError(peer, ErrorCode.READ_ONLY, "code_update: this connection joined through a view-only link "
                        + "and cannot change the room", null);
                return;
            }
            seen = p.seen.copy();
        }
        if (code.length() > limits.maxDocumentChars()) {
            sendError(peer, ErrorCode.DOCUMENT_TOO_LARGE, "code_update: " + code.length()
                    + " characters exceed the limit of " + limits.maxDocumentChars(), null);
            return;
        }
        if (code.indexOf('\0') >= 0) {
            sendError(peer, ErrorCode.MALFORMED_MESSAGE, "code_update: " + NUL_REFUSED, null);
            return;
        }
        SeenTexts.Seen base = seen.baseOf(code);
        TextOperation diff = TextDiff.between(base.text(), code);
        if (diff.isNoop()) {
            return;
        }
        IncomingEdit edit = new IncomingEdit(diff, base.revision());
        for (int round = 0; ; round++) {
            List<KeptOperation> kept;
            long missingUpTo;
            synchronized (this) {
                Participant p = participants.get(peer);
                if (p == null) {
                    return;
                }
                if (round == OUTSIDE_ROUNDS || closeEnough(edit)) {
                    long before = revision;
                    finish(p, p.seedClientId, p.seedSeq + 1, null, edit, "code_update");
                    if (revision != before) {
                        p.seedSeq++;
                        p.seen.sent(code, revision);
                    }
                    return;
                }
                kept = recent.kept(edit.base(), durableRevision);
                missingUpTo = recent.missingUpTo(edit.base(), durableRevision);
            }
            if (!transformOutsideTheLock(peer, edit, kept, missingUpTo, "code_update", null)) {
                return;
            }
        }
    }

    /**
     * Turns the head text into {@code target}, a past revision's text, as one operation from no connection:
     * stored like any edit, then broadcast to everyone. Completes with the new revision once stored, at
     * once when the text already is {@code target}, exceptionally when it cannot be stored.
     */
    synchronized CompletableFuture<Restored> restore(String target, long restoredRevision, String name) {
        TextOperation edit = TextDiff.between(text, target);
        if (edit.isNoop()) {
            return CompletableFuture.completedFuture(new Restored(revision, false));
        }
        CompletableFuture<Long> stored = new CompletableFuture<>();
        String refused = refusal(edit, edit.apply(text));
        if (refused != null) {
            stored.completeExceptionally(new IllegalStateException("restoring revision " + restoredRevision + ": "
                    + refused));
        } else {
            apply(null, "restore-" + shortId(), 1, null, edit, Authorship.restore(name, restoredRevision), stored);
        }
        return stored.thenApply(revision -> new Restored(revision, true));
    }

    /** The outcome of a restore: the revision the room is at afterwards, and whether it changed anything. */
    public record Restored(long revision, boolean changed) {
    }

    /** Why the room cannot take {@code op}, which would make the text {@code after}; null if it can. */
    private String refusal(TextOperation op, String after) {
        if (after.length() > limits.maxDocumentChars()) {
            return "the document would have " + after.length() + " characters, over the limit of "
                    + limits.maxDocumentChars();
        }
        if (!weight.fits(op, after.length())) {
            return "the room has stored " + weight.quota() + " characters of history, its quota; copy the text "
                    + "into a new room to go on";
        }
        return null;
    }

    /**
     * Applies an operation already transformed to the head and queues it for commit; false if refused,
     * and the sender told (naming {@code errorSeq}, if any). {@code sender} is null for an edit the server
     * makes itself (a restore), which {@code stored} follows.
     */
    private boolean apply(Participant sender, String clientId, long clientSeq, Long errorSeq, TextOperation op,
                          Authorship author, CompletableFuture<Long> stored) {
        String after = op.apply(text);
        String refused = refusal(op, after);
        if (refused != null) {
            if (sender != null) {
                ErrorCode code = after.length() > limits.maxDocumentChars() ? ErrorCode.DOCUMENT_TOO_LARGE
                        : ErrorCode.STORAGE_QUOTA_EXCEEDED;
                sendError(sender.peer, code, refused, errorSeq);
            }
            return false;
        }
        LoggedOperation logged = new LoggedOperation(revision + 1, clientId, clientSeq, op, Instant.now(), author);
        append(logged, after, sender, System.nanoTime(), 0, stored);
        return true;
    }

    /** Makes {@code logged} the head revision and queues it for commit: the one place a pending edit starts. */
    private void append(LoggedOperation logged, String after, Participant sender, long receivedNanos, int rebases,
                        CompletableFuture<Long> stored) {
        revision = logged.revision();
        text = after;
        recent.add(logged, durableRevision);
        boolean snapshot = weight.add(logged.operation(), after.length());
        ClientProgress previous = progress.put(logged.clientId(), new ClientProgress(logged.clientSeq(), revision));
        PendingEdit edit = new PendingEdit(this, epoch, logged, after, snapshot, weight.head(), sender, previous,
                receivedNanos, rebases, stored);
        pending.add(edit);
        commits.submit(edit);
    }

    private void answerDuplicate(Peer peer, ClientMessage.Op op, ClientProgress last) {
        if (op.clientSeq() < last.clientSeq()) {
            sendError(peer, ErrorCode.INVALID_OPERATION, "op: clientSeq " + op.clientSeq()
                    + " is older than this client's last stored edit (" + last.clientSeq()
                    + "); a new client instance needs a new clientId", op.clientSeq());
        } else if (last.revision() <= durableRevision) {
            // A resend of a stored edit (its ack was lost): acknowledge again, apply nothing.
            peer.send(codec.encode(new ServerMessage.Ack(last.revision(), last.clientSeq())));
        }
        // Otherwise it is still being committed; the commit acknowledges it (or broadcasts it to this
        // client's newer connection, which counts its own operation as the ack).
    }

    // ---- commit outcomes (the group-commit thread) ---------------------------------------------------

    /** True while the edit belongs to the room's current epoch, i.e. was not rolled back. */
    synchronized boolean isCurrent(PendingEdit edit) {
        return edit.epoch() == epoch;
    }

    /** The commit of {@code edits} (this room's part of one batch, in order) succeeded. */
    void committed(List<PendingEdit> edits) {
        boolean idle;
        synchronized (this) {
            pending.subList(0, edits.size()).clear();
            PendingEdit last = edits.get(edits.size() - 1);
            durableRevision = last.operation().revision();
            durableText = last.textAfter();
            weight.committed(last.weightAfter());
            for (PendingEdit edit : edits) {
                publish(edit.operation(), edit.sender());
                if (edit.stored() != null) {
                    edit.stored().complete(edit.operation().revision());
                }
            }
            sendTextToSeedClients(edits.stream().allMatch(e -> e.sender() == edits.get(0).sender())
                    ? edits.get(0).sender() : null);
            idle = isIdle();
        }
        if (idle) {
            onIdle.accept(this);
        }
    }

    /** Acks a durable operation to its sender and sends it to every other OT client. */
    private void publish(LoggedOperation op, Participant sender) {
        String broadcast = encode(op);
        for (Participant p : everyone) {
            if (p != sender) {
                if (p.speaksOt()) {
                    p.peer.send(broadcast);
                }
            } else if (p.speaksOt() && op.clientId().equals(p.clientId)) {
                p.peer.send(codec.encode(new ServerMessage.Ack(op.revision(), op.clientSeq())));
            }
        }
    }

    /** Seed clients get the whole durable text, except the one that wrote all of it (it has it already). */
    private void sendTextToSeedClients(Participant soleAuthor) {
        String update = null;
        for (Participant p : everyone) {
            if (p.speaksOt() || p == soleAuthor) {
                continue;
            }
            if (update == null) {
                update = codec.encode(new ServerMessage.CodeUpdate(durableText, durableRevision));
            }
            p.peer.send(update);
            p.seen.saw(durableText, durableRevision);
        }
    }

    /**
     * A commit failed: roll the head back to the durable text, void every pending edit (later ones were
     * transformed against the failed ones) and tell each sender, who keeps the edit and resends it.
     */
    synchronized void failed(StoreException cause) {
        ErrorCode code = cause.kind() == StoreException.Kind.CONFLICT ? ErrorCode.RETRY_EXHAUSTED
                : ErrorCode.STORE_UNAVAILABLE;
        for (PendingEdit edit : rollBack()) {
            if (edit.stored() != null) {
                edit.stored().completeExceptionally(cause);
            } else if (participants.get(edit.sender().peer) == edit.sender()) {
                sendError(edit.sender().peer, code, "op: not stored (" + describe(cause) + "); resend it",
                        edit.operation().clientSeq());
            }
        }
        for (Participant p : everyone) {
            if (p.seen.forgetAfter(durableRevision)) {
                // Its next whole text is then diffed against the stored one, which re-applies the lost change.
                p.seen.saw(durableText, durableRevision);
            }
        }
        if (cause.kind() == StoreException.Kind.CONFLICT) {
            adopt(foreignOperations());
        }
    }

    /**
     * Another writer (a second server on the same database) stored the revisions this room was about to
     * store. Its operations become durable history here too, and every pending edit is transformed past
     * them, exactly as if they had arrived first, renumbered and queued for commit again. After
     * {@value #MAX_REBASES} such rounds the edits fail with {@code RETRY_EXHAUSTED} and their senders resend.
     */
    synchronized void rebase(StoreException conflict) {
        List<LoggedOperation> foreign = foreignOperations();
        if (foreign.isEmpty() || pending.isEmpty() || pending.get(0).rebases() >= MAX_REBASES) {
            failed(conflict);
            return;
        }
        long oldDurable = durableRevision;
        List<PendingEdit> voided = rollBack();
        adopt(foreign);
        List<TextOperation> theirs = new ArrayList<>(foreign.stream().map(LoggedOperation::operation).toList());
        for (PendingEdit edit : voided) {
            ClientProgress stored = progress.get(edit.operation().clientId());
            if (stored != null && stored.clientSeq() >= edit.operation().clientSeq()) {
                continue; // the other writer stored this very edit (a resend to it); adopt() passed it on
            }
            TextOperation mine = edit.operation().operation();
            for (int i = 0; i < theirs.size(); i++) {
                TextOperation.Transformed t = TextOperation.transform(mine, theirs.get(i));
                mine = t.aPrime();
                theirs.set(i, t.bPrime());
            }
            LoggedOperation op = edit.operation();
            String after = mine.apply(text);
            append(new LoggedOperation(revision + 1, op.clientId(), op.clientSeq(), mine, op.createdAt(), op.author()),
                    after, edit.sender(), edit.receivedNanos(), edit.rebases() + 1, edit.stored());
            if (edit.sender() != null && edit.sender().seen.forgetAfter(oldDurable)) {
                // A seed client's own pending text moved; what it last saw is now this edit's result.
                edit.sender().seen.saw(after, revision);
            }
        }
    }

    /** Voids every pending edit and returns the head to the durable state; returns what was voided. */
    private List<PendingEdit> rollBack() {
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

    /** What another writer stored after our durable revision; empty if the log cannot be read now. */
    private List<LoggedOperation> foreignOperations() {
        try {
            return storage.range(id, durableRevision, Long.MAX_VALUE);
        } catch (StoreException e) {
            return List.of(); // the next commit attempt conflicts again and retries this
        }
    }

    /** Takes another writer's stored operations as durable history and passes them on to the clients. */
    private void adopt(List<LoggedOperation> foreign) {
        for (LoggedOperation op : foreign) {
            durableText = op.operation().apply(durableText);
            durableRevision = op.revision();
            recent.add(op, durableRevision);
            weight.adopted(op.operation());
            progress.put(op.clientId(), new ClientProgress(op.clientSeq(), op.revision()));
            publish(op, null);
        }
        text = durableText;
        revision = durableRevision;
        if (!foreign.isEmpty()) {
            sendTextToSeedClients(null);
        }
    }

    private static String describe(StoreException cause) {
        return cause.kind() == StoreException.Kind.CONFLICT ? "another writer stored this revision first"
                : "the database is unavailable";
    }

    private static ServerMessage.Op broadcastOf(LoggedOperation op) {
        return new ServerMessage.Op(op.revision(), op.clientId(), op.clientSeq(), op.operation());
    }

    private void sendError(Peer peer, ErrorCode code, String message, Long clientSeq) {
        peer.send(codec.encode(new ServerMessage.Error(code, message, clientSeq)));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Closes every connection; each one's close handler then leaves the room. */
    void closeAll(int code, String reason) {
        List<Peer> peers;
        synchronized (this) {
            peers = new ArrayList<>(participants.keySet());
        }
        for (Peer peer : peers) {
            peer.close(code, reason);
        }
    }

    /** Read-only view for tests and REST: the durable text and revision. */
    public synchronized RoomSnapshot snapshot() {
        return new RoomSnapshot(durableText, durableRevision, revision, participants.size());
    }

    /** @param headRevision the revision including edits still being committed */
    public record RoomSnapshot(String text, long revision, long headRevision, int participants) {
    }
}
