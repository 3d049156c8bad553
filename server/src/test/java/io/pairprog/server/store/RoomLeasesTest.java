package io.pairprog.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pairprog.ot.TextOperation;
import io.pairprog.server.support.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The laws of {@link RoomLeases} and the commit fence, on PostgreSQL (the only store several nodes share). */
class RoomLeasesTest {
    private static Database database;
    private static RoomLeases leases;
    private static RoomStore rooms;

    @BeforeAll
    static void open() {
        database = new Database(TestDatabases.postgres(), 4);
        database.start();
        leases = new RoomLeases(database);
        rooms = new RoomStore(database);
    }

    @AfterAll
    static void close() {
        database.stop();
    }

    @Test
    void aRoomHasOneOwnerUntilItsLeaseRunsOutAndEachNewOwnerGetsAGreaterEpoch() throws Exception {
        UUID room = rooms.create("python").id();
        RoomLeases.Held first = (RoomLeases.Held) leases.acquire(room, "a", "http://a", 400).orElseThrow();
        RoomLeases.Outcome other = leases.acquire(room, "b", "http://b", 400).orElseThrow();
        assertThat(other).isInstanceOf(RoomLeases.Elsewhere.class);
        assertThat(((RoomLeases.Elsewhere) other).url()).isEqualTo("http://a");
        assertThat(((RoomLeases.Elsewhere) other).millisLeft()).isBetween(1L, 400L);

        Thread.sleep(500);
        RoomLeases.Held second = (RoomLeases.Held) leases.acquire(room, "b", "http://b", 400).orElseThrow();
        assertThat(second.epoch()).isGreaterThan(first.epoch());
        assertThat(leases.renew(Map.of(room, first.epoch()), "a", 400)).as("the old owner cannot renew").isEmpty();
        assertThat(leases.renew(Map.of(room, second.epoch()), "b", 400)).containsExactly(room);

        leases.release(room, second.epoch());
        RoomLeases.Held third = (RoomLeases.Held) leases.acquire(room, "a", "http://a", 400).orElseThrow();
        assertThat(third.epoch()).as("a released lease is expired, never deleted: epochs only grow")
                .isGreaterThan(second.epoch());
    }

    @Test
    void aProcessThatComesBackAtTheSameAddressTakesItsRoomsAtOnce() {
        UUID room = rooms.create("python").id();
        leases.acquire(room, "old-process", "http://10.0.0.1:8000", 60_000);
        assertThat(leases.acquire(room, "new-process", "http://10.0.0.1:8000", 60_000).orElseThrow())
                .isInstanceOf(RoomLeases.Held.class);
    }

    @Test
    void unknownRoomsGetNoLease() {
        UUID nowhere = UUID.randomUUID();
        assertThat(leases.acquire(nowhere, "a", "http://a", 1000)).isEmpty();
        assertThat(database.queryOne("SELECT count(*) FROM room_leases WHERE room_id = ?",
                s -> s.setObject(1, nowhere), row -> row.getLong(1))).contains(0L);
    }

    @Test
    void aCommitUnderALeaseThatHasChangedHandsStoresNothing() throws Exception {
        UUID room = rooms.create("python").id();
        long stale = ((RoomLeases.Held) leases.acquire(room, "a", "http://a", 300).orElseThrow()).epoch();
        commit(room, stale, 1, "x"); // the owner stores under its lease
        Thread.sleep(400);
        long current = ((RoomLeases.Held) leases.acquire(room, "b", "http://b", 60_000).orElseThrow()).epoch();

        assertThatThrownBy(() -> commit(room, stale, 2, "xy")).isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.CONFLICT);
        assertThat(rooms.find(room).orElseThrow().revision()).as("nothing of the fenced commit").isEqualTo(1);

        commit(room, current, 2, "xz");
        assertThat(rooms.find(room).orElseThrow().code()).isEqualTo("xz");
    }

    private static void commit(UUID room, long lease, long revision, String textAfter) {
        String before = textAfter.substring(0, textAfter.length() - 1);
        TextOperation op = TextOperation.builder().retain(before.length()).insert(textAfter.substring(before.length()))
                .build();
        CommitBatch batch = new CommitBatch(Instant.now());
        batch.add(room, lease, List.of(new LoggedOperation(revision, "c", revision, op, Instant.now(),
                Authorship.UNKNOWN)), textAfter, true);
        batch.store(database);
    }
}
