package io.pairprog.server.fanout;

import io.pairprog.server.room.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * One room's stream of stored operations on a node that holds some of its clients but does not serve it:
 * operations arrive from the {@link Bus} in any order, lost or twice, and from the log when a gap is read;
 * each forwarded client gets every revision after the one it joined at exactly once, in order, as an
 * {@code ack} when it is its own edit and as the {@code op} otherwise — what the owner would send it.
 *
 * <p>Laws: a client's messages from the feed have the revisions joined+1, joined+2, … with no gap and no
 * repeat; the head only grows; a revision is delivered only once its operation is known, and only once
 * the owner has announced it (below). Guarded by {@code this}; sends never block ({@link Peer}).
 *
 * <p>The log can be ahead of the owner: a commit is in the database a moment before the owner counts it
 * as stored, and a client shown such a revision would base its next edit on a revision the owner refuses
 * as in the future. So the log fills only up to what the owner has announced — by publishing it, by
 * acknowledging it, by a {@code joined} at it — or what the log has shown for {@value #STABLE_MILLIS} ms.
 */
final class RoomFeed {
    /** A stored operation; {@code json} is null while only its revision is known (it is read from the log). */
    record Entry(long revision, String clientId, long clientSeq, String json) {
    }

    /** How many recent operations are kept for clients that join a moment after they went by. */
    static final int WINDOW = 128;
    /** How far ahead of a gap the feed holds operations before it drops them (and reads them again later). */
    static final int MAX_AHEAD = 4_096;
    /** How long a stored head must have been seen before the owner surely counts it as stored too. */
    static final long STABLE_MILLIS = 1_000;

    private final UUID room;
    private final BiFunction<Long, Long, String> ack;
    private final List<Client> clients = new ArrayList<>();
    private final TreeMap<Long, Entry> ahead = new TreeMap<>();
    private final Entry[] recent = new Entry[WINDOW];
    /** The last revision delivered in order; -1 until the first client joins and says where the room is. */
    private long head = -1;
    /** The highest revision the owner is known to count as stored. */
    private long announced = -1;
    /** A stored head seen in the log, and when; it counts as announced once it is old enough. */
    private long seenStored = -1;
    private long seenStoredAtNanos;

    /** One forwarded client of the room on this node. */
    final class Client {
        private final Peer peer;
        private String clientId;
        private long delivered = -1;
        private boolean active;

        private Client(Peer peer) {
            this.peer = peer;
        }

        RoomFeed feed() {
            return RoomFeed.this;
        }
    }

    /** @param ack the {@code ack} message for a revision and a client sequence number */
    RoomFeed(UUID room, BiFunction<Long, Long, String> ack) {
        this.room = room;
        this.ack = ack;
    }

    UUID room() {
        return room;
    }

    synchronized Client add(Peer peer) {
        Client client = new Client(peer);
        clients.add(client);
        return client;
    }

    /** @return true when no client is left */
    synchronized boolean remove(Client client) {
        clients.remove(client);
        return clients.isEmpty();
    }

    synchronized long head() {
        return head;
    }

    /**
     * The client's {@code joined} (from the owner): it goes to the client, which from now on is fed here
     * from {@code revision} on, first from the recent operations. @return true when the log must be read
     */
    synchronized boolean joined(Client client, String clientId, long revision, String joinedJson) {
        client.peer.send(joinedJson);
        announced = Math.max(announced, revision);
        client.clientId = clientId;
        client.delivered = revision;
        client.active = true;
        if (head < 0) {
            head = revision;
            ahead.headMap(revision, true).clear();
            return drain();
        }
        return !catchUp(client);
    }

    /**
     * The owner acknowledged one of the client's edits. A joined client gets every revision after its
     * {@code joined} from the feed, its own as acknowledgements in their place in the stream; the owner's
     * would be a second one, out of order. It still tells that the revision is stored.
     * @return true when that revision is beyond the head: the log must be read
     */
    synchronized boolean ownerAck(Client client, long revision, String json) {
        announced = Math.max(announced, revision);
        if (!client.active) {
            client.peer.send(json);
        }
        return revision > head;
    }

    /** True when the owner's {@code op} must be passed on: only its catch-up, before {@code joined}. */
    synchronized boolean passesOwnerOp(Client client) {
        return !client.active;
    }

    /** An operation from the bus or the log. @return true when a gap remains and the log must be read */
    synchronized boolean offer(Entry entry) {
        announced = Math.max(announced, entry.revision());
        if (head >= 0 && entry.revision() <= head) {
            return false; // a repeat
        }
        Entry known = ahead.get(entry.revision());
        if (known == null || known.json() == null) {
            ahead.put(entry.revision(), entry);
        }
        if (ahead.size() > MAX_AHEAD) {
            ahead.pollLastEntry();
        }
        return drain();
    }

    /** Someone's moved selection: to every fed client but its owner. */
    synchronized void cursor(String clientId, String json) {
        for (Client c : clients) {
            if (c.active && !clientId.equals(c.clientId)) {
                c.peer.send(json);
            }
        }
    }

    /**
     * The stored head of the room, read from the database at {@code nowNanos}. @return true when the log
     * holds announced revisions this feed lacks, or a client lags: it must be read
     */
    synchronized boolean stored(long storedHead, long nowNanos) {
        if (seenStored > announced && nowNanos - seenStoredAtNanos >= STABLE_MILLIS * 1_000_000) {
            announced = seenStored;
        }
        if (storedHead > announced && seenStored <= announced) {
            seenStored = storedHead;
            seenStoredAtNanos = nowNanos;
        }
        return head >= 0 && (announced > head || !ahead.isEmpty() || readFrom() < head);
    }

    /** True when every revision up to {@code revision} is delivered to every joined client, and nothing waits. */
    synchronized boolean complete(long revision) {
        return head >= revision && ahead.isEmpty() && readFrom() >= head;
    }

    /** The revision after which the log must be read: the head, or the earliest a lagging client needs. */
    synchronized long readFrom() {
        long from = head;
        for (Client c : clients) {
            if (c.active && c.delivered < head) {
                from = Math.min(from, c.delivered);
            }
        }
        return from;
    }

    /** Operations read from the log, in order. @return true when something is still missing */
    synchronized boolean filled(List<Entry> entries) {
        for (Entry e : entries) {
            if (e.revision() > announced) {
                break; // stored, but perhaps not yet counted by the owner: a later read brings it
            }
            if (e.revision() <= head) {
                for (Client c : clients) {
                    if (c.active && c.delivered == e.revision() - 1) {
                        send(c, e);
                    }
                }
            } else {
                ahead.put(e.revision(), e);
            }
        }
        boolean missing = drain();
        for (Client c : clients) {
            missing |= c.active && !catchUp(c);
        }
        return missing;
    }

    /** Delivers what follows the head without a gap. @return true when operations wait behind a gap */
    private boolean drain() {
        if (head < 0) {
            return false;
        }
        ahead.headMap(head, true).clear();
        Map.Entry<Long, Entry> next;
        while ((next = ahead.firstEntry()) != null && next.getKey() == head + 1 && next.getValue().json() != null) {
            ahead.pollFirstEntry();
            deliver(next.getValue());
        }
        return !ahead.isEmpty();
    }

    private void deliver(Entry e) {
        head = e.revision();
        recent[(int) (e.revision() % WINDOW)] = e;
        for (Client c : clients) {
            if (c.active && c.delivered == e.revision() - 1) {
                send(c, e);
            }
        }
    }

    /** Sends a client what it lacks from the recent operations. @return true when it is at the head now */
    private boolean catchUp(Client c) {
        while (c.delivered < head) {
            Entry e = recent[(int) ((c.delivered + 1) % WINDOW)];
            if (e == null || e.revision() != c.delivered + 1) {
                return false;
            }
            send(c, e);
        }
        return true;
    }

    private void send(Client c, Entry e) {
        c.peer.send(e.clientId().equals(c.clientId) ? ack.apply(e.revision(), e.clientSeq()) : e.json());
        c.delivered = e.revision();
    }
}
