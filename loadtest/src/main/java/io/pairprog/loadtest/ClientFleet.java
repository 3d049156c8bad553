package io.pairprog.loadtest;

import io.pairprog.protocol.MessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The clients of one run and the machinery they share: the event loop, one HTTP client, the codec and
 * the tracker. Rooms are created over REST; clients connect in batches so that thousands of handshakes
 * do not all land at once.
 */
final class ClientFleet implements AutoCloseable {
    private static final int CONNECT_BATCH = 100;

    final EventLoop loop = new EventLoop();
    final Target target;
    final MessageCodec codec = new MessageCodec();
    final EditTracker tracker = new EditTracker();
    final List<LoadClient> clients = new ArrayList<>();
    /** Distinguishes this run's clientIds from earlier runs against the same server. */
    private final String runTag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    ClientFleet(java.net.URI url) {
        this(url, List.of());
    }

    /** Clients spread over {@code url} and {@code otherNodes} in turn. */
    ClientFleet(java.net.URI url, List<java.net.URI> otherNodes) {
        this.target = new Target(url, otherNodes, loop);
    }

    List<String> createRooms(int count) throws Exception {
        List<String> rooms = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rooms.add(target.createRoom());
        }
        return rooms;
    }

    /** Connects {@code perRoom} clients to each room and waits until every one has joined. */
    List<LoadClient> join(List<String> rooms, int perRoom, boolean keepText) throws Exception {
        List<LoadClient> joined = new ArrayList<>();
        for (String room : rooms) {
            for (int i = 0; i < perRoom; i++) {
                joined.add(new LoadClient("lt-" + runTag + "-" + (clients.size() + joined.size()), room,
                        perRoom - 1, keepText, codec, tracker));
            }
        }
        for (int from = 0; from < joined.size(); from += CONNECT_BATCH) {
            List<LoadClient> batch = joined.subList(from, Math.min(joined.size(), from + CONNECT_BATCH));
            List<CompletableFuture<LoadClient>> futures = loop.call(() ->
                    batch.stream().map(c -> c.join(target, target.http(), loop)).toList());
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        clients.addAll(joined);
        return joined;
    }

    /**
     * Waits until every edit sent has been acknowledged and seen by every peer and no keystroke waits
     * in a buffer; false if that takes longer than {@code timeoutMillis}.
     */
    boolean drain(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            boolean idle = loop.call(() -> tracker.open() == 0
                    && clients.stream().allMatch(c -> c.unsentKeystrokes() == 0 || !c.isReady()));
            if (idle) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** Clients whose text or revision differs from what the server stored for their room. */
    int diverged() throws Exception {
        int diverged = 0;
        java.util.Map<String, Target.StoredRoom> stored = new java.util.HashMap<>();
        for (LoadClient c : clients) {
            Target.StoredRoom room = stored.get(c.roomId());
            if (room == null) {
                room = target.room(c.roomId());
                stored.put(c.roomId(), room);
            }
            Target.StoredRoom expected = room;
            boolean same = loop.call(() -> c.isReady() && c.isSynchronized() && c.revision() == expected.revision()
                    && (c.text() == null ? c.length() == expected.code().length() : c.text().equals(expected.code())));
            if (!same) {
                diverged++;
            }
        }
        return diverged;
    }

    /** Closes every connection with a normal close handshake. */
    @Override
    public void close() {
        try {
            loop.call(() -> {
                clients.forEach(LoadClient::close);
                return null;
            });
            Thread.sleep(200); // let the close frames leave before the loop stops
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            loop.close();
        }
    }
}
