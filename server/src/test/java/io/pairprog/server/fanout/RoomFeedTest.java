package io.pairprog.server.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.room.Peer;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The feed's law, under a bus that reorders, loses, repeats and shortens messages, clients that join at
 * any moment and owner acks that race the bus: every joined client gets each revision after its joined
 * one exactly once, in order, as an ack when it wrote it. Seeded ({@code -Dpairprog.seed}).
 */
class RoomFeedTest {
    private static final long SEED = Long.getLong("pairprog.seed", System.nanoTime());
    private static int run;

    /** A client of the feed: what it was sent, as "joined R", "op R" or "ack R". */
    private static final class Client implements Peer {
        final String id;
        final List<String> got = new ArrayList<>();
        /** The highest revision the owner counts as stored now: nothing beyond may reach a client. */
        long[] ownerCounted = {Long.MAX_VALUE};
        RoomFeed.Client member;
        long joinedAt = -1;

        Client(String id) {
            this.id = id;
        }

        @Override
        public void send(String json) {
            if (!json.startsWith("joined")) {
                long revision = Long.parseLong(json.substring(json.lastIndexOf(' ') + 1));
                assertThat(revision).as("%s: %s before the owner counted it", id, json).isLessThanOrEqualTo(ownerCounted[0]);
            }
            got.add(json);
        }

        @Override
        public void close(int code, String reason) {
        }
    }

    private static String op(long revision) {
        return "op " + revision;
    }

    @RepeatedTest(40)
    void everyJoinedClientGetsEachLaterRevisionOnceInOrder() {
        long seed = SEED + run++;
        Random random = new Random(seed);
        RoomFeed feed = new RoomFeed(UUID.randomUUID(), (revision, seq) -> "ack " + revision);
        List<RoomFeed.Entry> log = new ArrayList<>();
        LinkedList<RoomFeed.Entry> bus = new LinkedList<>();
        LinkedList<long[]> acks = new LinkedList<>(); // {client index, revision}
        long[] counted = {0};
        LinkedList<Runnable> uncounted = new LinkedList<>(); // stored, not yet counted (nor announced) by the owner
        List<Client> clients = new ArrayList<>();
        List<Client> joined = new ArrayList<>();
        int steps = 300 + random.nextInt(300);
        long now = 0;
        for (int step = 0; step < steps; step++) {
            int action = random.nextInt(100);
            if (action < 40) { // the owner stores an edit: from a joined client here, or from elsewhere
                long revision = log.size() + 1;
                Client author = !joined.isEmpty() && random.nextBoolean() ? joined.get(random.nextInt(joined.size()))
                        : null;
                RoomFeed.Entry entry = new RoomFeed.Entry(revision, author == null ? "elsewhere" : author.id,
                        revision * 10, op(revision));
                log.add(entry);
                uncounted.add(() -> {
                    counted[0] = revision;
                    int fate = random.nextInt(10);
                    if (fate == 0) {
                        // lost
                    } else if (fate == 1) {
                        bus.add(new RoomFeed.Entry(revision, null, 0, null)); // too large: revision only
                    } else {
                        bus.add(entry);
                        if (fate == 2) {
                            bus.add(entry); // twice
                        }
                    }
                    if (author != null) {
                        acks.add(new long[] {clients.indexOf(author), revision});
                    }
                });
            } else if (action < 50 && !uncounted.isEmpty()) { // the owner counts a commit and announces it
                uncounted.removeFirst().run();
            } else if (action < 75 && !bus.isEmpty()) { // the bus delivers one of its first few
                RoomFeed.Entry e = bus.remove(random.nextInt(Math.min(3, bus.size())));
                feed.offer(e);
            } else if (action < 82) { // a client arrives and joins at the owner's head
                Client c = new Client("c" + clients.size());
                c.ownerCounted = counted;
                c.member = feed.add(c);
                clients.add(c);
                c.joinedAt = counted[0];
                feed.joined(c.member, c.id, c.joinedAt, "joined " + c.joinedAt);
                joined.add(c);
            } else if (action < 90 && !acks.isEmpty()) {
                long[] ack = acks.remove(random.nextInt(acks.size()));
                Client c = clients.get((int) ack[0]);
                feed.ownerAck(c.member, ack[1], "owner ack " + ack[1]);
            } else if (action < 93) { // a read of the log from where the feed asks
                fill(feed, log, random.nextInt(5) + 1);
            } else if (action < 96) { // the periodic look at the stored head, a random while after the last
                uncounted.forEach(Runnable::run); // an owner counts its commits within a second
                uncounted.clear();
                now += random.nextInt(1_500) * 1_000_000L;
                feed.stored(log.size(), now);
            } else if (!joined.isEmpty() && random.nextInt(4) == 0) { // a client leaves
                Client gone = joined.remove(random.nextInt(joined.size()));
                feed.remove(gone.member);
                check(gone, log, null, seed);
            }
        }
        uncounted.forEach(Runnable::run);
        uncounted.clear();
        for (int quiet = 0; quiet < 3; quiet++) { // the periodic checks of a quiet room, and the reads they cause
            now += RoomFeed.STABLE_MILLIS * 1_000_000L;
            while (feed.stored(log.size(), now) && fill(feed, log, 7)) {
                // until nothing is missing
            }
        }
        for (Client c : joined) {
            check(c, log, (long) log.size(), seed);
        }
        assertThat(feed.head()).as("seed=" + seed).isEqualTo(joined.isEmpty() && clients.isEmpty() ? -1 : log.size());
    }

    /** Reads at most {@code max} operations after where the feed asks. @return true while something is missing */
    private static boolean fill(RoomFeed feed, List<RoomFeed.Entry> log, int max) {
        long from = feed.readFrom();
        if (from < 0) {
            return false;
        }
        List<RoomFeed.Entry> page = log.subList((int) from, (int) Math.min(log.size(), from + max));
        return feed.filled(List.copyOf(page)) || feed.head() < log.size();
    }

    /**
     * Exactly {@code joined R}, then R+1, R+2 … (up to {@code upTo}, or as far as it got when it left), each as
     * an ack if this client wrote it and as the operation otherwise.
     */
    private static void check(Client c, List<RoomFeed.Entry> log, Long upTo, long seed) {
        List<String> got = c.got;
        assertThat(got).as("seed=%d client %s", seed, c.id).isNotEmpty();
        assertThat(got.get(0)).isEqualTo("joined " + c.joinedAt);
        if (upTo != null) {
            assertThat(got).as("seed=%d client %s", seed, c.id).hasSize((int) (1 + upTo - c.joinedAt));
        }
        for (int i = 1; i < got.size(); i++) {
            RoomFeed.Entry e = log.get((int) (c.joinedAt + i - 1));
            assertThat(got.get(i)).as("seed=%d client %s message %d", seed, c.id, i)
                    .isEqualTo(e.clientId().equals(c.id) ? "ack " + e.revision() : e.json());
        }
    }

    /** A client of {@code feed} that has joined at {@code revision}. */
    private static Client joined(RoomFeed feed, String id, long revision) {
        Client client = new Client(id);
        client.member = feed.add(client);
        feed.joined(client.member, id, revision, "joined " + revision);
        return client;
    }

    @Test
    void aClientsOwnEditComesAsItsAckAndTheOwnersAckIsNotRepeated() {
        RoomFeed feed = new RoomFeed(UUID.randomUUID(), (revision, seq) -> "ack " + revision + " " + seq);
        Client ada = joined(feed, "ada", 4);
        assertThat(feed.ownerAck(ada.member, 5, "owner ack 5")).as("revision 5 is not here yet: read the log").isTrue();
        feed.offer(new RoomFeed.Entry(5, "ada", 2, "op 5"));
        feed.offer(new RoomFeed.Entry(6, "bob", 1, "op 6"));
        assertThat(ada.got).containsExactly("joined 4", "ack 5 2", "op 6");
    }

    @Test
    void theLogFillsOnlyWhatTheOwnerAnnouncedOrWhatHasBeenStoredForASecond() {
        RoomFeed feed = new RoomFeed(UUID.randomUUID(), (revision, seq) -> "ack " + revision);
        Client bob = joined(feed, "bob", 0);
        List<RoomFeed.Entry> log = List.of(new RoomFeed.Entry(1, "x", 1, "op 1"), new RoomFeed.Entry(2, "x", 2, "op 2"));
        // Committed, but the owner may not count it yet: a client shown it would edit "in the future".
        assertThat(feed.stored(2, 0)).isFalse();
        feed.filled(log);
        assertThat(bob.got).containsExactly("joined 0");
        assertThat(feed.stored(2, 999_000_000L)).as("not yet a second").isFalse();
        assertThat(feed.stored(2, RoomFeed.STABLE_MILLIS * 1_000_000L)).as("a second later it counts").isTrue();
        feed.filled(log);
        assertThat(bob.got).containsExactly("joined 0", "op 1", "op 2");
        feed.ownerAck(bob.member, 3, "owner ack 3"); // the owner's word needs no waiting
        feed.filled(List.of(new RoomFeed.Entry(3, "bob", 1, "op 3")));
        assertThat(bob.got).containsExactly("joined 0", "op 1", "op 2", "ack 3");
    }

    @Test
    void aGapWaitsForTheLogAndARepeatIsDropped() {
        RoomFeed feed = new RoomFeed(UUID.randomUUID(), (revision, seq) -> "ack " + revision);
        Client bob = joined(feed, "bob", 0);
        assertThat(feed.offer(new RoomFeed.Entry(2, "x", 1, "op 2"))).as("revision 1 is missing").isTrue();
        assertThat(bob.got).containsExactly("joined 0");
        assertThat(feed.readFrom()).isZero();
        assertThat(feed.filled(List.of(new RoomFeed.Entry(1, "x", 1, "op 1")))).isFalse();
        assertThat(feed.offer(new RoomFeed.Entry(1, "x", 1, "op 1"))).isFalse();
        assertThat(bob.got).containsExactly("joined 0", "op 1", "op 2");
    }
}
