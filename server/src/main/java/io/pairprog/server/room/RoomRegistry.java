package io.pairprog.server.room;

import io.pairprog.server.store.RoomFileStore;
import io.pairprog.protocol.CloseCodes;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.server.store.ClientBindingStore;
import io.pairprog.server.store.OperationLog;
import io.pairprog.server.store.RoomStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The rooms that have connections or unstored edits, each loaded once from the store. A room leaves
 * memory when its last connection has gone and its last edit is stored, so memory follows activity,
 * not the number of rooms ever created.
 *
 * <p>Lock order: a map bin (loading, releasing) may take a room's lock, never the reverse; rooms call
 * {@link #releaseIfIdle} only after leaving their lock.
 */
public final class RoomRegistry {
    private final ConcurrentHashMap<UUID, Room> rooms = new ConcurrentHashMap<>();
    private final RoomStore roomStore;
    private final OperationLog operationLog;
    private final CommitSink commits;
    private final MessageCodec codec;
    private final RoomLimits limits;
    private final RoomStorage storage;
    private final Executor background;
    private final Ownership ownership;
    private final NodeFanOut fanOut;
    private final RoomFileStore fileStore;
    private final FileLimits fileLimits;

    /**
     * @param background where joining clients are caught up (see {@link CatchUpPool})
     * @param ownership which rooms this node may serve
     * @param fanOut how its rooms reach their clients on other nodes
     */
    public RoomRegistry(RoomStore roomStore, OperationLog operationLog, ClientBindingStore bindings, GroupCommit commits,
                        MessageCodec codec, RoomLimits limits, Executor background, Ownership ownership,
                        NodeFanOut fanOut, RoomFileStore fileStore, FileLimits fileLimits) {
        this.roomStore = roomStore;
        this.operationLog = operationLog;
        this.commits = commits;
        this.codec = codec;
        this.limits = limits;
        this.storage = RoomStorage.of(roomStore, operationLog, bindings);
        this.background = background;
        this.ownership = ownership;
        this.fanOut = fanOut;
        this.fileStore = fileStore;
        this.fileLimits = fileLimits;
    }

    /**
     * Where a connection to a room goes: {@code room} here, or the node {@code elsewhere} that serves it;
     * neither when no such room exists.
     */
    public record Placement(Room room, Ownership.Elsewhere elsewhere) {
        static final Placement MISSING = new Placement(null, null);
    }

    /**
     * Adds {@code peer} to the room, loading it if needed, when this node serves it (joining never creates
     * a room). Throws {@link io.pairprog.server.store.StoreException} when the store is down.
     */
    public Placement join(UUID roomId, Peer peer, boolean readOnly) {
        Ownership.Elsewhere[] elsewhere = new Ownership.Elsewhere[1];
        Room room = rooms.compute(roomId, (id, loaded) -> {
            Room joined = loaded != null ? loaded : load(id, elsewhere);
            if (joined != null) {
                joined.join(peer, readOnly);
            }
            return joined;
        });
        return room != null ? new Placement(room, null)
                : elsewhere[0] != null ? new Placement(null, elsewhere[0]) : Placement.MISSING;
    }

    /** The room a view-only key opens, if any. */
    public Optional<UUID> roomOfView(String viewId) {
        return roomStore.findByViewId(viewId);
    }

    /**
     * Turns a room's text into {@code target} (see {@link Room#restore}), loading the room if needed;
     * empty when no such room exists or, with {@code elsewhere} set, when another node serves it.
     */
    public Optional<CompletableFuture<Room.Restored>> restore(UUID roomId, String target, long restoredRevision,
                                                              String name, Ownership.Elsewhere[] elsewhere) {
        List<CompletableFuture<Room.Restored>> outcome = new ArrayList<>(1);
        Room room = rooms.compute(roomId, (id, loaded) -> {
            Room r = loaded != null ? loaded : load(id, elsewhere);
            if (r != null) {
                outcome.add(r.restore(target, restoredRevision, name));
            }
            return r;
        });
        if (room != null) {
            releaseIfIdle(room); // loaded only for a restore that changed nothing
        }
        return outcome.stream().findFirst();
    }

    /** Loads the room if this node may serve it; else notes in {@code elsewhere} who does, if anybody. */
    private Room load(UUID id, Ownership.Elsewhere[] elsewhere) {
        Ownership.Claim claim = ownership.claim(id).orElse(null);
        if (claim instanceof Ownership.Elsewhere other) {
            elsewhere[0] = other;
            return null;
        }
        if (!(claim instanceof Ownership.Here here)) {
            return null;
        }
        // Read after the claim: whatever the previous owner stored is there by now.
        Room room = roomStore.find(id).map(record -> {
            List<RoomFileStore.StoredFile> tree = fileStore.tree(id, id, record.code().length());
            long total = tree.stream().mapToLong(RoomFileStore.StoredFile::length).sum();
            return new Room(record, here.lease(), operationLog.lastSequences(id), limits, storage, commits, codec,
                    fanOut, this::releaseIfIdle, background, null, new ProjectSize(total, fileLimits.maxProjectChars()),
                    (project, size) -> new RoomFiles(project, tree, fileStore.changes(id), fileStore, this::document,
                            fileLimits, size, codec, this::releaseIfIdle));
        }).orElse(null);
        if (room != null) {
            ownership.serving(room);
        }
        return room;
    }

    /** The document of a file of {@code project}, served under the project's lease; null if it is none of its. */
    private Room document(Room project, UUID document, ProjectSize size, java.util.function.Consumer<Room> onIdle) {
        return roomStore.findDocument(project.id(), document)
                .map(record -> new Room(record, project.lease(), operationLog.lastSequences(document), limits, storage,
                        commits, codec, NodeFanOut.NONE, onIdle, background, project.id(), size, null))
                .orElse(null);
    }

    /** Work on a room's files that may be refused. */
    public interface FilesWork<T> {
        T on(RoomFiles files) throws RoomFiles.Refused;
    }

    /**
     * Does {@code work} on the files of a room this node serves, loading the room if need be; empty when no
     * such room exists or, with {@code elsewhere} set, when another node serves it. A room loaded only for
     * this leaves memory again afterwards, as after a restore, unless the work left something to store.
     */
    public <T> Optional<T> onFiles(UUID roomId, Ownership.Elsewhere[] elsewhere, FilesWork<T> work)
            throws RoomFiles.Refused {
        Room room = rooms.compute(roomId, (id, loaded) -> loaded != null ? loaded : load(id, elsewhere));
        if (room == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.on(room.files()));
        } finally {
            releaseIfIdle(room);
        }
    }

    void releaseIfIdle(Room room) {
        boolean[] released = new boolean[1];
        rooms.computeIfPresent(room.id(), (id, current) -> {
            released[0] = current == room && current.isIdle();
            return released[0] ? null : current;
        });
        if (released[0]) {
            ownership.left(room);
        }
    }

    /**
     * The room's lease {@code lease} is no longer this node's (it expired while the node was paused or cut
     * off from the database, and another node may have taken it): the room leaves memory and its clients
     * are told to reconnect, which brings them to the new owner. Edits still being stored here fail the
     * lease check and are resent by their senders there.
     */
    public void lost(UUID roomId, long lease) {
        Room[] gone = new Room[1];
        rooms.computeIfPresent(roomId, (id, current) -> {
            gone[0] = Long.valueOf(lease).equals(current.lease()) ? current : null;
            return gone[0] != null ? null : current;
        });
        if (gone[0] != null) {
            gone[0].closeAll(CloseCodes.ROOM_MOVED, "the room moved to another server; reconnect");
        }
    }

    /** The rooms in memory now. */
    public List<Room> serving() {
        return new ArrayList<>(rooms.values());
    }

    /** The room if it is in memory now. */
    public Optional<Room> loaded(UUID roomId) {
        return Optional.ofNullable(rooms.get(roomId));
    }

    public int size() {
        return rooms.size();
    }

    /**
     * Waits until every room has left memory, i.e. every connection finished its close handshake and
     * every edit was stored; false on timeout.
     */
    public boolean awaitEmpty(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!rooms.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        return rooms.isEmpty();
    }

    /** Closes every connection of every room, e.g. with "going away" on shutdown. */
    public void closeAll(int code, String reason) {
        for (Room room : new ArrayList<>(rooms.values())) {
            room.closeAll(code, reason);
        }
    }
}
