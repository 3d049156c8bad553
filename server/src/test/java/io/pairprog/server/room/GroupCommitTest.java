package io.pairprog.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.ClientMessage;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.server.store.ClientBindingStore;
import io.pairprog.server.store.Database;
import io.pairprog.server.store.OperationLog;
import io.pairprog.server.store.RoomRecord;
import io.pairprog.server.store.RoomStore;
import io.pairprog.server.support.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The group commit against a real PostgreSQL, driven batch by batch. */
class GroupCommitTest {
    private static final MessageCodec CODEC = new MessageCodec();

    private Database database;
    private RoomStore rooms;
    private final List<PendingEdit> batch = new ArrayList<>();

    @BeforeEach
    void open() {
        database = new Database(TestDatabases.postgres(), 2);
        database.start();
        rooms = new RoomStore(database);
    }

    @AfterEach
    void close() {
        database.stop();
    }

    /** One room's data that the database refuses must not cost the other rooms of the batch their edits. */
    @Test
    void aRoomWhoseEditTheDatabaseRefusesFailsAloneAndTheRestOfTheBatchIsStored() {
        RoomRecord refused = rooms.create("python");
        RoomRecord accepted = rooms.create("python");
        Recorder refusedClient = typeOneEdit(refused);
        Recorder acceptedClient = typeOneEdit(accepted);
        // Stands in for any data the database rejects (the server refuses what it knows of, like U+0000).
        String trigger = "refuse_" + refused.id().toString().replace("-", "");
        database.update("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN IF NEW.room_id = '" + refused.id() + "' THEN RAISE EXCEPTION 'refused by the test'; "
                + "END IF; RETURN NEW; END $$", statement -> { });
        database.update("CREATE TRIGGER " + trigger + " BEFORE INSERT ON operations FOR EACH ROW EXECUTE FUNCTION "
                + trigger + "()", statement -> { });
        try {
            new GroupCommit(database, 1000, RoomObserver.NONE).commit(batch);
        } finally {
            database.update("DROP TRIGGER " + trigger + " ON operations", statement -> { });
            database.update("DROP FUNCTION " + trigger + "()", statement -> { });
        }

        assertThat(acceptedClient.received).anyMatch(m -> m.contains("\"type\":\"ack\""));
        assertThat(rooms.find(accepted.id()).orElseThrow().code()).isEqualTo("hi");
        assertThat(refusedClient.received).anyMatch(m -> m.contains("\"code\":\"STORE_UNAVAILABLE\""))
                .noneMatch(m -> m.contains("\"type\":\"ack\""));
        assertThat(rooms.find(refused.id()).orElseThrow().revision()).isZero();
    }

    /**
     * Whatever one room's callback throws (here an Error, as Tyrus throws for text it cannot encode) must
     * neither stop the commit thread nor cost the other rooms of the batch their acknowledgements; the
     * failing room closes its connections so that its clients catch up from the log.
     */
    @Test
    void anErrorInOneRoomsCallbackNeitherStopsTheCommitThreadNorCostsOtherRoomsTheirAcks() throws Exception {
        RoomRecord broken = rooms.create("python");
        RoomRecord healthy = rooms.create("python");
        Recorder brokenClient = typeOneEdit(broken);
        brokenClient.failOnAck = true;
        Recorder healthyClient = typeOneEdit(healthy);
        GroupCommit commits = new GroupCommit(database, 1000, RoomObserver.NONE);
        commits.start();
        try {
            List<PendingEdit> queued = List.copyOf(batch);
            batch.clear();
            queued.forEach(commits::submit);
            commits.flush(10_000);
            assertThat(healthyClient.received).anyMatch(m -> m.contains("\"type\":\"ack\""));
            assertThat(brokenClient.received).contains("closed 1011");
            assertThat(commits.problem()).isNull();

            // The thread is alive: a later edit is stored and acknowledged too.
            Room room = healthyClient.room;
            room.receive(healthyClient, new ClientMessage.Op("c1", 2, 1, TextOperation.builder().retain(2).insert("!").build()));
            batch.forEach(commits::submit);
            commits.flush(10_000);
            assertThat(healthyClient.received).anyMatch(m -> m.contains("\"revision\":2,\"clientSeq\":2"));
            assertThat(rooms.find(healthy.id()).orElseThrow().code()).isEqualTo("hi!");
        } finally {
            commits.stop();
        }
    }

    /** A room of its own with one OT client that says hello and types "hi"; its edit joins the batch. */
    private Recorder typeOneEdit(RoomRecord record) {
        OperationLog log = new OperationLog(database);
        Room room = new Room(record, null, log.lastSequences(record.id()), new RoomLimits(1 << 20, 100),
                RoomStorage.of(rooms, log, new ClientBindingStore(database)), batch::add, CODEC, NodeFanOut.NONE, r -> { }, Runnable::run);
        Recorder client = new Recorder();
        client.room = room;
        room.join(client, false);
        room.hello(client, new ClientMessage.Hello("c1", 0, null), () -> { });
        room.receive(client, new ClientMessage.Op("c1", 1, 0, TextOperation.builder().insert("hi").build()));
        return client;
    }

    private static final class Recorder implements Peer {
        final List<String> received = new ArrayList<>();
        Room room;
        boolean failOnAck;

        @Override
        public void send(String json) {
            if (failOnAck && json.contains("\"type\":\"ack\"")) {
                throw new Error("simulated: the encoder cannot send this");
            }
            received.add(json);
        }

        @Override
        public void close(int code, String reason) {
            received.add("closed " + code);
        }
    }
}
