package io.pairprog.server.fanout;

import io.pairprog.server.Managed;
import io.pairprog.server.room.Peer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms whose clients this node forwards, each with its {@link RoomFeed}: subscribes to a room on the
 * bus while it has such clients, hands the bus's messages to the feed, and reads the log wherever a feed
 * has a gap — at once for an operation announced by revision only, a moment later for one that seems lost
 * (the bus may merely be slower than the owner's ack), after the bus was away, and every
 * {@value #CHECK_MILLIS} ms in case the last message of a quiet room was lost.
 */
public final class RoomFeeds implements Bus.Listener, Managed {
    private static final Logger log = LoggerFactory.getLogger(RoomFeeds.class);
    /** How often every fed room's stored head is compared with its feed's, and how often while the bus is away. */
    static final long CHECK_MILLIS = 2_000;
    static final long CHECK_MILLIS_WITHOUT_BUS = 250;
    /** How long a gap may be the bus's delay before the log is read. */
    static final long GAP_GRACE_MILLIS = 100;
    /** Longer than a subscription takes to hold (PostgreSQL's listener applies it between 50 ms polls). */
    static final long SUBSCRIBED_WITHIN_MILLIS = 300;
    private static final int PAGE = 500;

    /** Where the feeds read what the bus did not bring. */
    public interface Log {
        /** Up to {@code max} stored operations after {@code after}, in order. */
        List<RoomFeed.Entry> after(UUID room, long after, int max);

        /** The stored head revision of each room that exists. */
        Map<UUID, Long> heads(Set<UUID> rooms);
    }

    private final Log source;
    private final BiFunction<Long, Long, String> ack;
    private final Map<UUID, RoomFeed> feeds = new ConcurrentHashMap<>();
    /** Rooms whose log read is queued or running, so a burst of triggers reads once. */
    private final Set<UUID> reading = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService worker = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "room-feeds");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong readsFromLog = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile Bus bus;
    /** Until then, every room is checked often: the bus just came back and may not be subscribed again yet. */
    private volatile long checkOftenUntilNanos;
    /** Only the periodic check touches it. */
    private long lastFullCheck = System.nanoTime();

    public RoomFeeds(Log source, BiFunction<Long, Long, String> ack) {
        this.source = source;
        this.ack = ack;
    }

    /** The bus this node hears the rooms on; set before the first client is forwarded. */
    public void attach(Bus bus) {
        this.bus = bus;
    }

    public Bus bus() {
        return bus;
    }

    @Override
    public void start() {
        worker.scheduleWithFixedDelay(this::check, CHECK_MILLIS_WITHOUT_BUS, CHECK_MILLIS_WITHOUT_BUS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        worker.shutdownNow();
    }

    /** Times the log was read to fill a gap (for metrics and tests). */
    public long readsFromLog() {
        return readsFromLog.get();
    }

    /** Messages heard on the bus for rooms fed here. */
    public long received() {
        return received.get();
    }

    /** Rooms fed here now. */
    public int rooms() {
        return feeds.size();
    }

    /** A forwarded client of {@code room} arrives: it will be fed here once it has joined. */
    public FedConnection connect(UUID room, Peer client) {
        RoomFeed.Client member;
        synchronized (feeds) {
            RoomFeed feed = feeds.get(room);
            if (feed == null) {
                feed = new RoomFeed(room, ack);
                feeds.put(room, feed);
                bus.subscribe(room);
            }
            member = feed.add(client);
        }
        return new FedConnection(this, member);
    }

    void disconnect(RoomFeed.Client member) {
        RoomFeed feed = member.feed();
        synchronized (feeds) {
            if (feed.remove(member) && feeds.remove(feed.room(), feed)) {
                bus.unsubscribe(feed.room());
            }
        }
    }

    /**
     * A client of {@code feed} joined: the bus may not have been listening to the room yet when the owner
     * published what followed, so the room's stored head is compared with the feed's a moment later.
     */
    void joined(RoomFeed feed) {
        worker.schedule(() -> check(Set.of(feed.room())), SUBSCRIBED_WITHIN_MILLIS, TimeUnit.MILLISECONDS);
        // and once more when what that check saw counts as announced (RoomFeed.STABLE_MILLIS)
        worker.schedule(() -> check(Set.of(feed.room())), SUBSCRIBED_WITHIN_MILLIS + RoomFeed.STABLE_MILLIS + 50,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void message(UUID room, String payload) {
        RoomFeed feed = feeds.get(room);
        BusMessage m = feed == null ? null : BusMessage.parse(payload);
        if (m == null) {
            return;
        }
        received.incrementAndGet();
        switch (m.kind()) {
            case OP -> gapIf(feed.offer(new RoomFeed.Entry(m.revision(), m.clientId(), m.clientSeq(), m.json())),
                    feed, GAP_GRACE_MILLIS, m.revision());
            case STORED -> gapIf(feed.offer(new RoomFeed.Entry(m.revision(), null, 0, null)), feed, 0, 0);
            case CURSOR -> feed.cursor(m.clientId(), m.json());
        }
    }

    @Override
    public void resumed() {
        checkOftenUntilNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        worker.execute(this::checkAll);
    }

    @Override
    public void interrupted() {
        checkOftenUntilNanos = Long.MAX_VALUE;
    }

    /**
     * Reads the log for {@code feed} after {@code delayMillis} when {@code gap}, unless by then the bus has
     * brought everything up to {@code upTo} (0: whatever was missing).
     */
    void gapIf(boolean gap, RoomFeed feed, long delayMillis, long upTo) {
        if (gap && reading.add(feed.room())) {
            worker.schedule(() -> {
                if (upTo > 0 && feed.complete(upTo)) {
                    reading.remove(feed.room());
                } else {
                    read(feed);
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        long now = System.nanoTime();
        Bus current = bus;
        boolean often = current == null || !current.connected() || now - checkOftenUntilNanos < 0;
        if (!often && now - lastFullCheck < TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS)) {
            return;
        }
        if (now - checkOftenUntilNanos >= 0 && current != null && current.connected()) {
            checkOftenUntilNanos = now; // the bus is back and settled
        }
        lastFullCheck = now;
        checkAll();
    }

    private void checkAll() {
        check(Set.copyOf(feeds.keySet()));
    }

    /** Reads the log of each of {@code rooms} whose stored head is ahead of its feed's, or which a client lags. */
    private void check(Set<UUID> rooms) {
        try {
            if (rooms.isEmpty()) {
                return;
            }
            Map<UUID, Long> stored = source.heads(rooms);
            long now = System.nanoTime();
            for (UUID room : rooms) {
                RoomFeed feed = feeds.get(room);
                Long head = stored.get(room);
                if (feed != null && head != null && feed.stored(head, now)) {
                    gapIf(true, feed, 0, 0);
                }
            }
        } catch (RuntimeException e) {
            log.debug("checking the fed rooms' heads failed: {}", e.getMessage());
        }
    }

    private void read(RoomFeed feed) {
        reading.remove(feed.room());
        boolean missing;
        boolean fullPage = false;
        try {
            long from = feed.readFrom();
            if (from < 0) {
                return;
            }
            List<RoomFeed.Entry> entries = source.after(feed.room(), from, PAGE);
            readsFromLog.incrementAndGet();
            fullPage = entries.size() == PAGE;
            // Nothing read yet something missing: the periodic check tries again.
            missing = feed.filled(entries) && !entries.isEmpty();
        } catch (RuntimeException e) {
            log.debug("reading a fed room's log failed: {}", e.getMessage());
            missing = false; // the database is away: the periodic check tries again, not every 100 ms per room
        }
        if (missing && feeds.get(feed.room()) == feed) {
            gapIf(true, feed, fullPage ? 0 : GAP_GRACE_MILLIS, 0);
        }
    }
}
