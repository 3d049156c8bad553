package io.pairprog.server.room;

import io.pairprog.protocol.CloseCodes;
import io.pairprog.server.Managed;
import io.pairprog.server.ops.LogIds;
import io.pairprog.server.store.CommitBatch;
import io.pairprog.server.store.Database;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores edits the way databases store log records: whatever is waiting when the previous commit ends
 * goes into the next transaction, across all rooms. Under load one commit carries many edits, so the
 * per-edit cost of a durable write falls as the load rises; when idle an edit is committed at once.
 *
 * <p>One thread does all writes, so each room's edits reach the database in revision order and the
 * callbacks ({@link Room#committed}, {@link Room#failed}) run in that order too.
 */
public final class GroupCommit implements Managed, CommitSink {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int RETRIES = 3;

    private final Database database;
    private final int maxBatch;
    private final RoomObserver observer;
    private final LinkedBlockingQueue<PendingEdit> queue = new LinkedBlockingQueue<>();
    private final AtomicLong unfinished = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    public GroupCommit(Database database, int maxBatch, RoomObserver observer) {
        this.database = database;
        this.maxBatch = maxBatch;
        this.observer = observer;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "group-commit");
        thread.start();
    }

    /** For liveness: while this thread is gone, every edit waits forever for its acknowledgement. */
    public String problem() {
        return running && !thread.isAlive() ? "the group-commit thread has stopped; no edit can be stored" : null;
    }

    /** Commits everything already queued, then stops. */
    @Override
    public void stop() throws InterruptedException {
        flush(TimeUnit.SECONDS.toMillis(10));
        running = false;
        thread.interrupt();
        thread.join();
    }

    @Override
    public void submit(PendingEdit edit) {
        unfinished.incrementAndGet();
        queue.add(edit);
    }

    /** Waits until every edit submitted so far has been committed or failed; used on shutdown. */
    public void flush(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (unfinished.get() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(2);
        }
    }

    private void run() {
        List<PendingEdit> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // stop() clears running once the queue is flushed
            }
            queue.drainTo(batch, maxBatch - 1);
            try {
                commit(batch);
            } catch (Throwable e) {
                // Whatever one batch throws (an Error from a send included), the next batch must be stored.
                log.error("group commit crashed on a batch of {} edits", batch.size(), e);
            } finally {
                unfinished.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    /** Stores one batch and runs the rooms' callbacks; the commit thread calls it, and tests drive it directly. */
    void commit(List<PendingEdit> batch) {
        Map<Room, List<PendingEdit>> byRoom = new LinkedHashMap<>();
        for (PendingEdit edit : batch) {
            if (edit.room().isCurrent(edit)) {
                byRoom.computeIfAbsent(edit.room(), r -> new ArrayList<>()).add(edit);
            }
        }
        if (byRoom.isEmpty()) {
            return;
        }
        StoreException failure = null;
        int edits = byRoom.values().stream().mapToInt(List::size).sum();
        for (int attempt = 1; attempt <= RETRIES; attempt++) {
            try {
                long start = System.nanoTime();
                write(byRoom);
                observer.committed(edits, System.nanoTime() - start);
                byRoom.forEach((room, stored) -> inRoom(room, "committed", () -> room.committed(stored)));
                long now = System.nanoTime();
                byRoom.values().forEach(list -> list.forEach(e -> observer.delivered(now - e.receivedNanos())));
                return;
            } catch (StoreException e) {
                failure = e;
                if (e.kind() != StoreException.Kind.RETRY) {
                    break;
                }
            }
        }
        if (failure.kind() == StoreException.Kind.CONFLICT
                || failure.kind() == StoreException.Kind.OTHER && byRoom.size() > 1) {
            // A revision race, or data of one room that the database refuses: room by room, only the
            // rooms at fault fail. (A database that is down fails them all at once, as below.)
            commitRoomByRoom(byRoom);
            return;
        }
        log.warn("commit of {} edits in {} rooms failed ({}): {}", batch.size(), byRoom.size(), failure.kind(),
                failure.getMessage());
        StoreException cause = failure;
        observer.commitFailed(edits);
        byRoom.keySet().forEach(room -> inRoom(room, "failed", () -> room.failed(cause)));
    }

    /**
     * Runs one room's callback so that nothing it throws reaches the other rooms of the batch or this
     * thread. Such a room may have told some clients and not others: it closes every connection, and
     * each client catches up from the stored log when it reconnects.
     */
    private static void inRoom(Room room, String callback, Runnable work) {
        try {
            work.run();
        } catch (Throwable e) {
            log.error("room {} failed in its {} callback; closing its connections so that they catch up",
                    LogIds.room(room.id()), callback, e);
            try {
                room.closeAll(CloseCodes.INTERNAL_ERROR, "internal error; reconnect");
            } catch (Throwable closing) {
                log.error("closing the connections of room {} failed too", LogIds.room(room.id()), closing);
            }
        }
    }

    /**
     * A revision race (some room's revision was stored by another writer) or a refused batch. One
     * transaction per room finds which room; the others commit, a race's losers are transformed past the
     * winner's operations and queued again, a refused room's edits fail and their senders are told.
     */
    private void commitRoomByRoom(Map<Room, List<PendingEdit>> byRoom) {
        for (Map.Entry<Room, List<PendingEdit>> entry : byRoom.entrySet()) {
            Room room = entry.getKey();
            try {
                long start = System.nanoTime();
                write(Map.of(room, entry.getValue()));
                observer.committed(entry.getValue().size(), System.nanoTime() - start);
                inRoom(room, "committed", () -> room.committed(entry.getValue()));
            } catch (StoreException e) {
                if (e.kind() == StoreException.Kind.CONFLICT) {
                    log.info("room {} lost a revision race; transforming its {} edits past the winner's",
                            LogIds.room(room.id()), entry.getValue().size());
                    inRoom(room, "rebase", () -> room.rebase(e));
                } else {
                    log.warn("commit of {} edits in room {} failed ({}): {}", entry.getValue().size(),
                            LogIds.room(room.id()), e.kind(), e.getMessage());
                    observer.commitFailed(entry.getValue().size());
                    inRoom(room, "failed", () -> room.failed(e));
                }
            }
        }
    }

    private void write(Map<Room, List<PendingEdit>> byRoom) {
        CommitBatch batch = new CommitBatch(Instant.now());
        for (Map.Entry<Room, List<PendingEdit>> entry : byRoom.entrySet()) {
            List<PendingEdit> edits = entry.getValue();
            List<LoggedOperation> operations = new ArrayList<>(edits.size());
            boolean snapshot = false;
            for (PendingEdit edit : edits) {
                operations.add(edit.operation());
                snapshot |= edit.snapshot();
            }
            batch.add(entry.getKey().id(), entry.getKey().lease(), operations, edits.get(edits.size() - 1).textAfter(),
                    snapshot);
        }
        batch.store(database);
    }
}
