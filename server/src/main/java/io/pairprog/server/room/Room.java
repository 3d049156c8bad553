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
import java.util.function.Consumer;
import java.util.function.LongSupplier;

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
 * <p>All state is guarded by {@code this}. Work under the lock is CPU-only (transform, apply, queueing
 * non-blocking sends), except reading old operations back from the log for a client far behind.
 */
public final class Room {
    /** Rounds of transforming past another writer's revisions before an edit is given up. */
    static final int MAX_REBASES = 5;
    private final UUID id;
    private final RoomLimits limits;
    private final RoomStorage storage;
    private final CommitSink commits;
    private final MessageCodec codec;
    private final Consumer<Room> onIdle;

    private String language;
    private String text;
    private long revision;
    private String durableText;
    private long durableRevision;
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
    private long legacyIds;

    Room(RoomRecord record, Map<String, ClientProgress> progress, RoomLimits limits, RoomStorage storage,
         CommitSink commits, MessageCodec codec, Consumer<Room> onIdle) {
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
        this.recent = new RecentOperations(id, limits.historyWindow(), storage);
    }

    public UUID id() {
        return id;
    }

    /**
     * Adds a connection as a seed-style client and sends it the durable text. A {@code readOnly} one (from
     * a view-only link) receives everything and may change nothing.
     */
    synchronized void join(Peer peer, boolean readOnly) {
        participants.put(peer, new Participant(peer, readOnly, "legacy-" + (++legacyIds) + "-" + shortId(), durableText,
                durableRevision));
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
     * Turns a connection into an OT client: sends every durable operation after the client's revision
     * (its own included, which is how a client learns that an edit sent before a disconnect was stored),
     * then {@code joined}.
     */
    public void hello(Peer peer, ClientMessage.Hello hello) {
        withOperationsAfter(() -> {
            Participant p = participants.get(peer);
            return p != null && !p.speaksOt() ? hello.revision() : NOTHING_TO_READ;
        }, () -> helloLocked(peer, hello));
    }

    private synchronized void helloLocked(Peer peer, ClientMessage.Hello hello) {
        Participant p = participants.get(peer);
        if (p == null) {
            return; // a message that raced with the connection closing
        }
        if (p.speaksOt()) {
            sendError(peer, ErrorCode.MALFORMED_MESSAGE, "hello: this connection already joined as " + p.clientId, null);
            return;
        }
        if (hello.revision() > durableRevision) {
            sendError(peer, ErrorCode.REVISION_IN_FUTURE, "hello: revision " + hello.revision()
                    + " is ahead of the room's revision " + durableRevision, null);
            return;
        }
        List<LoggedOperation> missed;
        try {
            missed = recent.range(hello.revision(), durableRevision);
        } catch (StoreException e) {
            sendError(peer, ErrorCode.STORE_UNAVAILABLE, "hello: could not read the operation log; try again", null);
            return;
        }
        for (LoggedOperation op : missed) {
            peer.send(codec.encode(broadcastOf(op)));
        }
        p.clientId = hello.clientId();
        p.name = Names.sanitize(hello.name(), hello.clientId());
        p.color = Colors.firstFree(everyone.stream().filter(o -> o != p && o.speaksOt()).map(o -> o.color).toList());
        List<io.pairprog.protocol.Participant> present = everyone.stream().filter(Participant::speaksOt)
                .map(Participant::describe).toList();
        peer.send(codec.encode(new ServerMessage.Joined(p.clientId, durableRevision, p.color, language, present,
                p.readOnly)));
        broadcastToOt(p.changed(), p);
        for (Participant other : everyone) {
            if (other != p && other.speaksOt() && other.cursor != null) {
                sendCursor(other, other.cursor, other.cursorRevision, p);
            }
        }
    }

    /** A selection, moved from the sender's revision to the stored head and passed on. */
    public void cursor(Peer peer, ClientMessage.Cursor cursor) {
        withOperationsAfter(() -> ifJoined(peer, cursor.revision()), () -> cursorLocked(peer, cursor));
    }

    private synchronized void cursorLocked(Peer peer, ClientMessage.Cursor cursor) {
        Participant p = participants.get(peer);
        if (p == null) {
            return;
        }
        if (!p.speaksOt()) {
            sendError(peer, ErrorCode.NOT_JOINED, "cursor: send hello first", null);
            return;
        }
        if (refusedAsReadOnly(p, "cursor", null)) {
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
        Selection selection = new Selection(ranges);
        for (LoggedOperation op : recent.range(atRevision, durableRevision)) {
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
        Participant p = participants.get(peer);
        if (p == null) {
            return;
        }
        if (!p.speaksOt()) {
            sendError(peer, ErrorCode.NOT_JOINED, "rename: send hello first", null);
            return;
        }
        p.name = rename.name();
        broadcastToOt(p.changed(), null);
    }

    /**
     * Stores the room's new language, then tells everyone. The write happens outside the room's lock:
     * a slow or unreachable database must not hold up typing.
     */
    public void setLanguage(Peer peer, ClientMessage.SetLanguage change) {
        String clientId;
        synchronized (this) {
            Participant p = participants.get(peer);
            if (p == null) {
                return;
            }
            if (!p.speaksOt()) {
                sendError(peer, ErrorCode.NOT_JOINED, "set_language: send hello first", null);
                return;
            }
            if (refusedAsReadOnly(p, "set_language", null)) {
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

    /** An OT client's operation: deduplicate, transform to the head, apply, queue for commit. */
    public void receive(Peer peer, ClientMessage.Op op) {
        withOperationsAfter(() -> ifJoined(peer, op.baseRevision()), () -> receiveLocked(peer, op));
    }

    private synchronized void receiveLocked(Peer peer, ClientMessage.Op op) {
        Participant p = participants.get(peer);
        if (p == null) {
            return; // a message that raced with the connection closing
        }
        if (!p.speaksOt()) {
            sendError(peer, ErrorCode.NOT_JOINED, "op: send hello before operations", op.clientSeq());
            return;
        }
        if (refusedAsReadOnly(p, "op", op.clientSeq())) {
            return;
        }
        if (!p.clientId.equals(op.clientId())) {
            sendError(peer, ErrorCode.CLIENT_ID_MISMATCH, "op: clientId " + op.clientId()
                    + " is not this connection's (" + p.clientId + ")", op.clientSeq());
            return;
        }
        if (op.baseRevision() > durableRevision) {
            sendError(peer, ErrorCode.REVISION_IN_FUTURE, "op: baseRevision " + op.baseRevision()
                    + " is ahead of the room's revision " + durableRevision, op.clientSeq());
            return;
        }
        ClientProgress last = progress.get(op.clientId());
        if (last != null && op.clientSeq() <= last.clientSeq()) {
            answerDuplicate(peer, op, last);
            return;
        }
        TextOperation transformed = op.op();
        try {
            List<LoggedOperation> concurrent = recent.range(op.baseRevision(), revision);
            int lengthAtBase = text.length();
            for (LoggedOperation c : concurrent) {
                lengthAtBase -= c.operation().targetLength() - c.operation().baseLength();
            }
            if (transformed.baseLength() != lengthAtBase) {
                sendError(peer, ErrorCode.INVALID_OPERATION, "op: base length " + transformed.baseLength()
                        + " does not match the document (length " + lengthAtBase + " at revision "
                        + op.baseRevision() + ")", op.clientSeq());
                return;
            }
            for (LoggedOperation c : concurrent) {
                transformed = TextOperation.transform(transformed, c.operation()).aPrime();
            }
        } catch (StoreException e) {
            sendError(peer, ErrorCode.STORE_UNAVAILABLE, "op: could not read the operation log; resend later",
                    op.clientSeq());
            return;
        }
        if (transformed.splitsSurrogatePair(text)) {
            sendError(peer, ErrorCode.INVALID_OPERATION, "op: would split a surrogate pair", op.clientSeq());
            return;
        }
        if (insertsNul(transformed)) {
            sendError(peer, ErrorCode.INVALID_OPERATION, "op: " + NUL_REFUSED, op.clientSeq());
            return;
        }
        // p.clientId equals op.clientId(); the connection's own copy is shared by all its operations.
        apply(p, p.clientId, op.clientSeq(), transformed, p.authorship(), null);
    }

    /**
     * PostgreSQL's text cannot hold U+0000, so a document that did could not be stored: its next snapshot
     * would fail, and with it the commit of every room that shared the batch. Refused at the door instead.
     */
    private static final String NUL_REFUSED = "the text holds U+0000 (NUL), which a document cannot hold";

    private static boolean insertsNul(TextOperation op) {
        for (TextOperation.Component c : op.components()) {
            if (c instanceof TextOperation.Insert i && i.text().indexOf('\0') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Connections from view-only links are told no, whatever they send that would change something. */
    private boolean refusedAsReadOnly(Participant p, String what, Long clientSeq) {
        if (p.readOnly) {
            sendError(p.peer, ErrorCode.READ_ONLY, what + ": this connection joined through a view-only link and "
                    + "cannot change the room", clientSeq);
        }
        return p.readOnly;
    }

    /**
     * A seed-style client's whole text. It is diffed against the text that client last saw, and that
     * minimal edit is transformed up to the head like any operation: the client's change wins where it
     * changed something (the seed's last-writer-wins), and what others typed elsewhere meanwhile stays.
     */
    public void replaceText(Peer peer, String code) {
        withOperationsAfter(() -> {
            Participant p = participants.get(peer);
            return p == null ? NOTHING_TO_READ : p.seen.oldestRevision();
        }, () -> replaceTextLocked(peer, code));
    }

    private synchronized void replaceTextLocked(Peer peer, String code) {
        Participant p = participants.get(peer);
        if (p == null) {
            return; // a message that raced with the connection closing
        }
        if (refusedAsReadOnly(p, "code_update", null)) {
            return;
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
        SeenTexts.Seen base = p.seen.baseOf(code);
        TextOperation edit = TextDiff.between(base.text(), code);
        if (edit.isNoop()) {
            return;
        }
        try {
            for (LoggedOperation concurrent : recent.range(base.revision(), revision)) {
                edit = TextOperation.transform(edit, concurrent.operation()).aPrime();
            }
        } catch (StoreException e) {
            sendError(peer, ErrorCode.STORE_UNAVAILABLE, "code_update: could not read the operation log; resend", null);
            return;
        }
        if (apply(p, p.legacyId, p.legacySeq + 1, edit, p.authorship(), null)) {
            p.legacySeq++;
            p.seen.saw(code, revision);
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
        if (!apply(null, "restore-" + shortId(), 1, edit, Authorship.restore(name, restoredRevision), stored)) {
            stored.completeExceptionally(new IllegalStateException("revision " + restoredRevision
                    + " is longer than the document limit of " + limits.maxDocumentChars() + " characters"));
        }
        return stored.thenApply(revision -> new Restored(revision, true));
    }

    /** Reads of the log a call makes before it takes the lock; then it reads, rarely, under the lock. */
    private static final int PREFETCHES = 3;
    /** A revision after which there is nothing to read: for calls the room will refuse anyway. */
    private static final long NOTHING_TO_READ = Long.MAX_VALUE;

    /** {@code revision} for a joined OT participant; nothing to read ahead for anyone the call refuses. */
    private long ifJoined(Peer peer, long revision) {
        Participant p = participants.get(peer);
        return p != null && p.speaksOt() ? revision : NOTHING_TO_READ;
    }

    /**
     * Runs {@code work} under the room's lock with the stored operations after revision {@code after}
     * (evaluated under the lock) at hand. Those memory no longer holds are read from the log first,
     * outside the lock, so that a client far behind never makes the room's other edits wait on the
     * database. Stored operations never change, so the read stays valid; if the room moved on so far
     * meanwhile that memory dropped more of them, it reads again.
     */
    private void withOperationsAfter(LongSupplier after, Runnable work) {
        List<LoggedOperation> older = List.of();
        StoreException failure = null;
        for (int reads = 0; ; reads++) {
            long from;
            long missingUpTo;
            synchronized (this) {
                from = after.getAsLong();
                missingUpTo = recent.missingUpTo(from, durableRevision);
                if (missingUpTo <= from || failure != null || reads == PREFETCHES
                        || RecentOperations.covers(older, from, missingUpTo)) {
                    recent.lend(older, failure);
                    try {
                        work.run();
                    } finally {
                        recent.lend(List.of(), null);
                    }
                    return;
                }
            }
            try {
                older = storage.range(id, from, missingUpTo);
            } catch (StoreException e) {
                failure = e; // the call answers it as its own read failing
            }
        }
    }

    /** The outcome of a restore: the revision the room is at afterwards, and whether it changed anything. */
    public record Restored(long revision, boolean changed) {
    }

    /**
     * Applies an operation already transformed to the head and queues it for commit; false if refused.
     * {@code sender} is null for an edit the server makes itself (a restore), which {@code stored} follows.
     */
    private boolean apply(Participant sender, String clientId, long clientSeq, TextOperation op, Authorship author,
                          CompletableFuture<Long> stored) {
        String after = op.apply(text);
        if (after.length() > limits.maxDocumentChars()) {
            if (sender == null) {
                return false;
            }
            sendError(sender.peer, ErrorCode.DOCUMENT_TOO_LARGE, "the document would have " + after.length()
                    + " characters, over the limit of " + limits.maxDocumentChars(), sender.speaksOt() ? clientSeq : null);
            return false;
        }
        LoggedOperation logged = new LoggedOperation(++revision, clientId, clientSeq, op, Instant.now(), author);
        text = after;
        recent.add(logged, durableRevision);
        ClientProgress previous = progress.put(clientId, new ClientProgress(clientSeq, logged.revision()));
        PendingEdit edit = new PendingEdit(this, epoch, logged, after, sender, previous, System.nanoTime(), 0, stored);
        pending.add(edit);
        commits.submit(edit);
        return true;
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
        String broadcast = codec.encode(broadcastOf(op));
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
            LoggedOperation renumbered = new LoggedOperation(++revision, op.clientId(), op.clientSeq(), mine,
                    op.createdAt(), op.author());
            text = after;
            recent.add(renumbered, durableRevision);
            ClientProgress previous = progress.put(op.clientId(), new ClientProgress(op.clientSeq(), revision));
            PendingEdit again = new PendingEdit(this, epoch, renumbered, after, edit.sender(), previous,
                    edit.receivedNanos(), edit.rebases() + 1, edit.stored());
            pending.add(again);
            commits.submit(again);
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
