package io.pairprog.server.cluster;

import io.pairprog.server.Managed;
import io.pairprog.server.ops.LogIds;
import io.pairprog.server.room.Ownership;
import io.pairprog.server.room.Room;
import io.pairprog.server.room.RoomRegistry;
import io.pairprog.server.store.RoomLeases;
import io.pairprog.server.store.StoreException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rooms owned through leases in PostgreSQL, so that several nodes on one database each serve a room from
 * exactly one of them (docs/scaling.md). A node claims a room when its first client arrives, renews the
 * leases of the rooms in its memory three times per lease period, lets a lease go when its room leaves
 * memory, and gives up a room whose lease it failed to renew: another node may hold it by then.
 */
public final class Leases implements Ownership, Managed {
    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    private final RoomLeases store;
    private final String nodeId;
    private final long ttlMillis;
    /** The rooms this node serves, by the epoch of their lease. */
    private final ConcurrentHashMap<UUID, Long> held = new ConcurrentHashMap<>();
    /** Leases of rooms that left memory, let go on the next round. */
    private final ConcurrentLinkedQueue<Map.Entry<UUID, Long>> departed = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "lease-keeper");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String url;
    /** Set when the node shuts down: it claims nothing more, and forwards to whoever took its rooms. */
    private volatile boolean leaving;
    private volatile String secret;
    private volatile RoomRegistry registry;
    private volatile long renewedNanos = System.nanoTime();

    public Leases(RoomLeases store, String nodeId, long ttlMillis) {
        this.store = store;
        this.nodeId = nodeId;
        this.ttlMillis = ttlMillis;
    }

    /** Where other nodes forward this node's rooms' connections; known once it listens. */
    public void listeningAt(String publicUrl) {
        this.url = publicUrl;
        log.info("node {} serves rooms at {} (leases of {} ms)", nodeId, publicUrl, ttlMillis);
    }

    /** The registry whose rooms are given up when their lease is lost. */
    public void serve(RoomRegistry rooms) {
        this.registry = rooms;
    }

    @Override
    public Optional<Claim> claim(UUID roomId) {
        String mine = url;
        if (mine == null) {
            throw new StoreException("this node does not listen yet", null);
        }
        if (leaving) { // claims nothing more: forwards to whoever took the room, if anybody has yet
            return Optional.of(store.owner(roomId).map(Leases::claimOf).orElseThrow(() ->
                    new StoreException("this node is shutting down", null)));
        }
        return store.acquire(roomId, nodeId, mine, ttlMillis).map(Leases::claimOf);
    }

    private static Claim claimOf(RoomLeases.Outcome outcome) {
        return outcome instanceof RoomLeases.Elsewhere other ? new Elsewhere(other.url(), other.millisLeft())
                : new Here(((RoomLeases.Held) outcome).epoch());
    }

    @Override
    public void serving(Room room) {
        held.put(room.id(), room.lease());
    }

    @Override
    public void left(Room room) {
        if (held.remove(room.id(), room.lease())) {
            departed.add(Map.entry(room.id(), room.lease()));
        }
    }

    /** Who serves each of these rooms now (for connections forwarded to them); rooms without an owner are left out. */
    public Map<UUID, String> owners(Set<UUID> rooms) {
        return store.owners(rooms);
    }

    public long ttlMillis() {
        return ttlMillis;
    }

    /** The nodes' shared secret (see {@link io.pairprog.server.ws.Forwarding}); null before {@link #start}. */
    public String secret() {
        return secret;
    }

    @Override
    public void start() {
        secret = store.clusterSecret();
        long period = Math.max(100, ttlMillis / 3);
        keeper.scheduleWithFixedDelay(this::round, period, period, TimeUnit.MILLISECONDS);
    }

    /** Renews what is held, gives up what could not be renewed, lets go what has left. */
    void round() {
        try {
            renew();
            for (Map.Entry<UUID, Long> gone; (gone = departed.poll()) != null; ) {
                store.release(gone.getKey(), gone.getValue());
            }
        } catch (StoreException e) {
            log.warn("renewing {} room leases failed: {}", held.size(), e.getMessage());
            if (System.nanoTime() - renewedNanos > TimeUnit.MILLISECONDS.toNanos(ttlMillis)) {
                // Unrenewed this long, every lease may be another node's: stop serving, as in renew().
                new HashMap<>(held).forEach(this::lose);
            }
        } catch (RuntimeException e) {
            log.error("lease round failed", e);
        }
    }

    private void renew() {
        Map<UUID, Long> mine = new HashMap<>(held);
        long started = System.nanoTime();
        Set<UUID> kept = store.renew(mine, nodeId, ttlMillis);
        renewedNanos = started;
        mine.forEach((room, epoch) -> {
            if (!kept.contains(room)) {
                lose(room, epoch);
            }
        });
    }

    private void lose(UUID room, long epoch) {
        if (held.remove(room, epoch)) {
            log.warn("lost the lease of room {} (epoch {}); its clients move to the new owner", LogIds.room(room), epoch);
            RoomRegistry rooms = registry;
            if (rooms != null) {
                rooms.lost(room, epoch);
            }
        }
    }

    /** Lets every lease of this node go at once, so that other nodes take its rooms without waiting. */
    public void releaseAll() {
        leaving = true;
        try {
            int released = store.releaseAll(nodeId);
            held.clear();
            log.info("handed over {} rooms", released);
        } catch (StoreException e) {
            log.warn("handing over the rooms failed ({}); they move when their leases run out", e.getMessage());
        }
    }

    @Override
    public void stop() {
        keeper.shutdownNow();
    }

    public int held() {
        return held.size();
    }
}
