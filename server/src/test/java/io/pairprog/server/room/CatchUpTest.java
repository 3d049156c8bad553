package io.pairprog.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.server.store.Authorship;
import io.pairprog.server.store.ClientBindingStore;
import io.pairprog.server.store.CommitBatch;
import io.pairprog.server.store.Database;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.OperationLog;
import io.pairprog.server.store.RoomRecord;
import io.pairprog.server.store.RoomStore;
import io.pairprog.server.support.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client far behind is caught up a page at a time, as it reads: one that does not read costs a page of
 * memory, not the room's whole log (which once exhausted the heap with two dozen such connections).
 */
class CatchUpTest {
    private static final MessageCodec CODEC = new MessageCodec();
    private static final int REVISIONS = 2_000;
    private static final String KILOBYTE = "k".repeat(1_000);

    private Database database;
    private RoomStore rooms;
    private Room room;

    @BeforeEach
    void roomWithALongLog() {
        database = new Database(TestDatabases.postgres(), 2);
        database.start();
        rooms = new RoomStore(database);
        RoomRecord created = rooms.create("python");
        List<LoggedOperation> ops = new ArrayList<>();
        for (int r = 1; r <= REVISIONS; r++) {
            // Each revision replaces the text: a kilobyte in, a kilobyte out.
            TextOperation op = r == 1 ? TextOperation.builder().insert(KILOBYTE).build()
                    : TextOperation.builder().delete(KILOBYTE.length()).insert(KILOBYTE).build();
            ops.add(new LoggedOperation(r, "writer", r, op, Instant.now(), Authorship.UNKNOWN));
        }
        CommitBatch batch = new CommitBatch(Instant.now());
        batch.add(created.id(), ops, KILOBYTE);
        batch.store(database);
        RoomRecord record = rooms.find(created.id()).orElseThrow();
        OperationLog log = new OperationLog(database);
        room = new Room(record, null, log.lastSequences(record.id()), new RoomLimits(1 << 20, 100),
                RoomStorage.of(rooms, log, new ClientBindingStore(database)), edit -> { }, CODEC, NodeFanOut.NONE, r -> { },
                Runnable::run);
    }

    @AfterEach
    void close() {
        database.stop();
    }

    @Test
    void aClientThatDoesNotReadIsSentOnePageAndTheRestOnlyAsItReads() {
        SlowReader reader = new SlowReader();
        room.join(reader, true);
        room.hello(reader, new ClientMessage.Hello("viewer", 0, null), () -> reader.done = true);

        long firstPage = reader.chars();
        assertThat(reader.ops()).as("operations sent before the client read anything")
                .isPositive().isLessThanOrEqualTo(CatchUp.PAGE_OPS);
        // One page of stored operations (plus each message's envelope), not the two megabytes of the log.
        assertThat(firstPage).isLessThanOrEqualTo(CatchUp.PAGE_CHARS * 5 / 4);
        assertThat(reader.joined()).isFalse();
        assertThat(reader.done).as("its later messages still wait").isFalse();

        // The client reads: everything follows, each operation once and in order, then joined.
        while (reader.waiting != null) {
            reader.read();
        }
        assertThat(reader.joined()).isTrue();
        assertThat(reader.done).isTrue();
        List<Long> revisions = reader.revisions();
        assertThat(revisions).hasSize(REVISIONS);
        for (int i = 0; i < revisions.size(); i++) {
            assertThat(revisions.get(i)).isEqualTo(i + 1L);
        }
    }

    /** A connection whose client reads only when the test says so. */
    private static final class SlowReader implements Peer {
        final List<String> received = new ArrayList<>();
        int unread;
        Runnable waiting;
        boolean done;

        @Override
        public synchronized void send(String json) {
            received.add(json);
            unread += json.length();
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public synchronized boolean isWritable() {
            return unread < 64 * 1024;
        }

        @Override
        public synchronized void whenWritable(Runnable task) {
            waiting = task;
        }

        void read() {
            Runnable task;
            synchronized (this) {
                unread = 0;
                task = waiting;
                waiting = null;
            }
            if (task != null) {
                task.run();
            }
        }

        long chars() {
            return received.stream().mapToLong(String::length).sum();
        }

        long ops() {
            return received.stream().filter(m -> m.startsWith("{\"type\":\"op\"")).count();
        }

        boolean joined() {
            return received.stream().anyMatch(m -> m.startsWith("{\"type\":\"joined\""));
        }

        List<Long> revisions() {
            List<Long> revisions = new ArrayList<>();
            for (String m : received) {
                if (m.startsWith("{\"type\":\"op\"")) {
                    revisions.add(Long.parseLong(m.replaceAll(".*\"revision\":(\\d+).*", "$1")));
                }
            }
            return revisions;
        }
    }
}
