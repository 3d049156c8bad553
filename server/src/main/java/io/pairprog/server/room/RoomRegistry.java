package io.pairprog.server.room;

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

    /** @param background where joining clients are caught up (see {@link CatchUpPool}) */
    public RoomRegistry(RoomStore roomStore, OperationLog operationLog, ClientBindingStore bindings, GroupCommit commits,
                        MessageCodec codec, RoomLimits limits, Executor background) {
        this.roomStore = roomStore;
        this.operationLog = operationLog;
        this.commits = commits;
        this.codec = codec;
        this.limits = limits;
        this.storage = RoomStorage.of(roomStore, operationLog, bindings);
        this.background = background;
    }

    /**
     * Adds {@code peer} to the room, loading it if needed; empty when no such room exists (joining never
     * creates a room). Throws {@link io.pairprog.server.store.StoreException} when the store is down.
     */
    public Optional<Room> join(UUID roomId, Peer peer, boolean readOnly) {
        return Optional.ofNullable(rooms.compute(roomId, (id, room) -> {
            Room joined = room != null ? room : load(id);
            if (joined != null) {
                joined.join(peer, readOnly);
            }
            return joined;
        }));
    }

    /** The room a view-only key opens, if any. */
    public Optional<UUID> roomOfView(String viewId) {
        return roomStore.findByViewId(viewId);
    }

    /**
     * Turns a room's text into {@code target} (see {@link Room#restore}), loading the room if needed;
     * empty when no such room exists.
     */
    public Optional<CompletableFuture<Room.Restored>> restore(UUID roomId, String target, long restoredRevision,
                                                              String name) {
        List<CompletableFuture<Room.Restored>> outcome = new ArrayList<>(1);
        Room room = rooms.compute(roomId, (id, loaded) -> {
            Room r = loaded != null ? loaded : load(id);
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

    private Room load(UUID id) {
        return roomStore.find(id)
                .map(record -> new Room(record, operationLog.lastSequences(id), limits, storage, commits, codec,
                        this::releaseIfIdle, background))
                .orElse(null);
    }

    void releaseIfIdle(Room room) {
        rooms.computeIfPresent(room.id(), (id, current) -> current == room && current.isIdle() ? null : current);
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
