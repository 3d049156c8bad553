package io.pairprog.server.room;

import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.ErrorCode;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.protocol.ServerMessage;
import io.pairprog.server.store.Authorship;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.OperationLog.ClientProgress;
import io.pairprog.server.store.RoomRecord;
import io.pairprog.server.store.StoreException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One room: its lock, its members, and what each message does. The text and its commits are the
 * {@link RoomDocument}'s, names and selections the {@link RoomPresence}'s, the connections the
 * {@link Members}'; this class checks who may do what and hands on.
 *
 * <pre>
 *   client op at baseRevision ──transform against (baseRevision, head]──► apply ──► head+1 (pending)
 *                                                                                   │ group commit
 *                     ack to sender, op to the others, code_update to seed clients ◄┘ (durable)
 * </pre>
 *
 * <p>All state is guarded by {@code this}. Work under the lock is short and CPU-only (transforming past
 * the last few operations, applying, queueing non-blocking sends): reading the log and transforming past
 * stored operations, which never change, happen before the lock is taken ({@link IncomingEdit}), and a
 * joining client's catch-up runs on a thread of its own ({@link CatchUp}).
 */
public final class Room {
    private final UUID id;
    private final Long lease;
    private final RoomLimits limits;
    private final RoomStorage storage;
    private final Consumer<Room> onIdle;
    private final Executor background;
    private final ClientBindings bindings;
    private final Members members;
    private final RoomPresence presence;
    private final RoomDocument document;
    private final RoomEdits edits;
    private final RoomCommits commits;
    private final UUID project;
    private final RoomFiles files;
    private volatile String language;
    private long seedClients;
    /** A file's document whose file was deleted: it accepts no more edits (guarded by this). */
    private boolean deleted;

    Room(RoomRecord record, Long lease, Map<String, ClientProgress> progress, RoomLimits limits, RoomStorage storage,
         CommitSink commits, MessageCodec codec, NodeFanOut fanOut, Consumer<Room> onIdle, Executor background) {
        this(record, lease, progress, limits, storage, commits, codec, fanOut, onIdle, background, null,
                new ProjectSize(record.code().length(), Long.MAX_VALUE), null);
    }

    /**
     * @param project the room whose file this document is, or null for a room itself (its main file)
     * @param size what the room's files hold together, shared by its main file and every other
     * @param files the room's tree, for a room itself; null for the document of another file
     */
    Room(RoomRecord record, Long lease, Map<String, ClientProgress> progress, RoomLimits limits, RoomStorage storage,
         CommitSink commits, MessageCodec codec, NodeFanOut fanOut, Consumer<Room> onIdle, Executor background,
         UUID project, ProjectSize size, RoomFiles.Loader files) {
        this.id = record.id();
        this.project = project;
        this.lease = lease;
        this.language = record.language();
        this.limits = limits;
        this.storage = storage;
        this.onIdle = onIdle;
        this.background = background;
        // A client id is the same in every file of a room, and proven once for all of them.
        this.bindings = new ClientBindings(project == null ? id : project, storage);
        // A file other than the main one names itself in every message; its operations reach forwarded
        // connections through them, not through the bus, which carries the main file's.
        this.members = project == null ? new Members(codec, id, fanOut, null)
                : new Members(codec, id, NodeFanOut.NONE, id.toString());
        this.presence = new RoomPresence(members);
        this.document = new RoomDocument(this, record, progress, limits, storage, commits, size);
        this.files = files == null ? null : files.load(this, size);
        this.edits = new RoomEdits(this, document, members, storage, limits);
        this.commits = new RoomCommits(this, document, members);
    }

    public UUID id() {
        return id;
    }

    /** The room's files (its tree and their documents); null for a file's document. */
    public RoomFiles files() {
        return files;
    }

    /** The room's language (a file's document: the language it was created with). */
    public String language() {
        return language;
    }

    int maxDocumentChars() {
        return limits.maxDocumentChars();
    }

    /** The room this is a file's document of, or null for a room itself. */
    UUID project() {
        return project;
    }

    /** The file was deleted: from now on every edit is refused with FILE_DELETED. */
    synchronized void markDeleted() {
        deleted = true;
    }

    synchronized boolean isDeleted() {
        return deleted;
    }

    /** The epoch of the lease this node serves the room under, which fences its commits; null on a single node. */
    public Long lease() {
        return lease;
    }

    RoomStorage storage() {
        return storage;
    }

    ClientBindings bindings() {
        return bindings;
    }

    String encode(LoggedOperation op) {
        return members.encode(op);
    }

    // ---- membership -------------------------------------------------------------------------------

    /**
     * Adds a connection as a seed-style client and sends it the durable text (a file's document: a
     * connection opening the file). A {@code readOnly} one (from a view-only link) receives everything and
     * may change nothing.
     */
    public synchronized void join(Peer peer, boolean readOnly) {
        members.add(new Participant(peer, readOnly, project == null && peer.fedByBus(),
                "legacy-" + (++seedClients) + "-" + shortId(), document.durableText(), document.durableRevision()));
        members.send(peer, new ServerMessage.InitialCode(document.durableText(), document.durableRevision(), language));
    }

    public void leave(Peer peer) {
        boolean idle;
        synchronized (this) {
            Participant gone = members.remove(peer);
            if (gone != null) {
                presence.left(gone);
            }
            idle = isIdle();
        }
        if (idle) {
            onIdle.accept(this);
        }
    }

    synchronized boolean isIdle() {
        return members.isEmpty() && !document.hasPending() && (files == null || files.isIdle());
    }

    /**
     * The participant behind {@code peer} if it may do {@code what}: null (and, unless the connection has
     * gone, an error sent) when it has not joined as an OT client or, for a change, is read-only.
     */
    Participant member(Peer peer, String what, boolean changes, Long clientSeq) {
        if (changes && deleted) {
            members.sendError(peer, ErrorCode.FILE_DELETED, what + ": this file was deleted; its last text is in "
                    + "its history", clientSeq);
            return null;
        }
        Participant p = members.get(peer);
        if (p == null) {
            return null; // a message that raced with the connection closing
        }
        if (!p.speaksOt()) {
            members.sendError(peer, ErrorCode.NOT_JOINED, what + ": send hello first", clientSeq);
            return null;
        }
        if (changes && p.readOnly) {
            members.sendError(peer, ErrorCode.READ_ONLY, what + ": this connection joined through a view-only link "
                    + "and cannot change the room", clientSeq);
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
            p = members.get(peer);
            if (p == null) {
                done.run();
                return;
            }
            if (p.speaksOt() || p.joining) {
                members.sendError(peer, ErrorCode.MALFORMED_MESSAGE, "hello: this connection already joined", null);
                done.run();
                return;
            }
            if (hello.revision() > document.durableRevision()) {
                members.sendError(peer, ErrorCode.REVISION_IN_FUTURE, "hello: revision " + hello.revision()
                        + " is ahead of the room's revision " + document.durableRevision(), null);
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
        if (members.isCurrent(p)) {
            members.sendError(p.peer, code, message, null);
        }
    }

    /**
     * The last step of a catch-up that has sent everything up to {@code sent}: if memory holds the rest,
     * sends it and {@code joined} and makes the connection an OT client, returning {@code sent} or less;
     * otherwise returns the revision up to which the log must be read first.
     */
    synchronized long joinOrFindMissing(Participant p, ClientMessage.Hello hello, long sent, String newToken) {
        if (!members.isCurrent(p)) {
            return sent; // the connection has gone
        }
        List<LoggedOperation> rest = document.durableInMemory(sent);
        if (rest == null) {
            return document.missingUpTo(sent);
        }
        for (LoggedOperation op : rest) {
            p.peer.send(members.encode(op));
        }
        presence.joined(p, hello, document, language, newToken);
        return sent;
    }

    // ---- presence -----------------------------------------------------------------------------------

    public synchronized void cursor(Peer peer, ClientMessage.Cursor cursor) {
        Participant p = member(peer, "cursor", true, null);
        if (p != null) {
            presence.cursor(p, cursor, document);
        }
    }

    public synchronized void rename(Peer peer, ClientMessage.Rename rename) {
        Participant p = member(peer, "rename", false, null);
        if (p != null) {
            presence.rename(p, rename.name());
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
            members.sendError(peer, ErrorCode.STORE_UNAVAILABLE, "set_language: not stored; try again", null);
            return;
        }
        synchronized (this) {
            language = change.language();
            members.broadcastToOt(new ServerMessage.Language(language, clientId), null);
        }
    }

    // ---- edits (see RoomEdits) ------------------------------------------------------------------------

    /** An OT client's operation: deduplicate, transform to the head, apply, queue for commit. */
    public void receive(Peer peer, ClientMessage.Op op) {
        edits.receive(peer, op);
    }

    /** A seed-style client's whole text, turned into an edit of the text it typed on. */
    public void replaceText(Peer peer, String code) {
        edits.replaceText(peer, code);
    }

    /**
     * Turns the head text into {@code target}, a past revision's text, as one operation from no connection:
     * stored like any edit, then broadcast to everyone. Completes with the new revision once stored, at
     * once when the text already is {@code target}, exceptionally when it cannot be stored.
     */
    synchronized CompletableFuture<Restored> restore(String target, long restoredRevision, String name) {
        return document.restore(target, restoredRevision, name, "restore-" + shortId());
    }

    /** Turns the text into {@code target} as one edit by {@code name}, as a restore does (a file written over REST). */
    synchronized CompletableFuture<Restored> replaceAll(String target, String name) {
        return document.replace(target, new Authorship(name, null, null), "write", "write-" + shortId());
    }

    /** The outcome of a restore: the revision the room is at afterwards, and whether it changed anything. */
    public record Restored(long revision, boolean changed) {
    }

    // ---- commit outcomes (the group-commit thread; see RoomCommits) -----------------------------------

    boolean isCurrent(PendingEdit edit) {
        return commits.isCurrent(edit);
    }

    void committed(List<PendingEdit> stored) {
        if (commits.committed(stored)) {
            onIdle.accept(this);
        }
    }

    void failed(StoreException cause) {
        commits.failed(cause);
    }

    void rebase(StoreException conflict) {
        commits.rebase(conflict);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Closes every connection; each one's close handler then leaves the room. */
    void closeAll(int code, String reason) {
        List<Peer> peers;
        synchronized (this) {
            peers = members.peers();
        }
        for (Peer peer : peers) {
            peer.close(code, reason);
        }
    }

    /** Read-only view for tests and REST: the durable text and revision. */
    public synchronized RoomSnapshot snapshot() {
        return document.snapshot(members.size());
    }

    /** @param headRevision the revision including edits still being committed */
    public record RoomSnapshot(String text, long revision, long headRevision, int participants) {
    }
}
