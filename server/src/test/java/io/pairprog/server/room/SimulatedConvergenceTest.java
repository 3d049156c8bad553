package io.pairprog.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.store.Database;
import io.pairprog.server.store.DatabaseUrl;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.OperationLog;
import io.pairprog.server.store.RoomRecord;
import io.pairprog.server.store.RoomStore;
import io.pairprog.server.support.TestDatabases;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ten clients, ten thousand edits, delays of 0–500 ms, 5% of actions dropping the connection: for every
 * seed, every client, the room's memory, the stored text and a replay of the stored log are identical,
 * and the log holds exactly the edits that were acknowledged, each once. {@code -Dpairprog.sim.seeds=100}
 * runs the long version.
 */
class SimulatedConvergenceTest {
    private static final int CLIENTS = 10;
    private static final int EDITS = 10_000;
    private static Database database;

    @BeforeAll
    static void open() {
        database = new Database(DatabaseUrl.embedded(TestDatabases.freshDataDir()), 2);
        database.start();
    }

    @AfterAll
    static void close() {
        database.stop();
    }

    static LongStream seeds() {
        long only = Long.getLong("pairprog.sim.seed", 0);
        return only > 0 ? LongStream.of(only) : LongStream.rangeClosed(1, Long.getLong("pairprog.sim.seeds", 20));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyReplicaConvergesAndTheLogHoldsEachAcknowledgedEditOnce(long seed) {
        runAndCheck(seed, 100);
    }

    /**
     * With three operations kept in memory, reconnecting clients and late edits are served from the log;
     * the room reads it before it takes its lock, so its other edits never wait on the database.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void clientsFarBehindAreServedFromTheLogWithoutTheRoomWaitingOnIt(long seed) {
        SimulatedNetwork world = runAndCheck(seed, 3);
        assertThat(world.logReads).as("reads of the log").isPositive();
        assertThat(world.logReadsUnderLock).as("reads of the log while holding the room's lock").isZero();
    }

    private SimulatedNetwork runAndCheck(long seed, int historyWindow) {
        RoomRecord record = new RoomStore(database).create("python");
        SimulatedNetwork world = new SimulatedNetwork(seed, database, record, 500, 0.05, historyWindow);
        for (int i = 0; i < CLIENTS; i++) {
            world.addClient("c" + i, EDITS / CLIENTS);
        }
        world.run(5, 3_600_000);

        String context = "seed=" + seed;
        Room.RoomSnapshot memory = world.room.snapshot();
        assertThat(memory.headRevision()).as(context + ": nothing left unstored").isEqualTo(memory.revision());
        for (SimulatedNetwork.Client client : world.clients) {
            assertThat(client.errors).as(context + " " + client.clientId).isEmpty();
            assertThat(client.revision()).as(context + " " + client.clientId).isEqualTo(memory.revision());
            assertThat(client.text()).as(context + " " + client.clientId).isEqualTo(memory.text());
        }
        RoomRecord stored = new RoomStore(database).find(record.id()).orElseThrow();
        assertThat(stored.code()).as(context).isEqualTo(memory.text());
        assertThat(stored.revision()).as(context).isEqualTo(memory.revision());

        List<LoggedOperation> log = new OperationLog(database).range(record.id(), 0, Long.MAX_VALUE);
        String replayed = "";
        for (LoggedOperation op : log) {
            replayed = op.operation().apply(replayed);
        }
        assertThat(replayed).as(context + ": replay of the log").isEqualTo(memory.text());
        assertThat(log).hasSize((int) memory.revision());
        Set<String> storedEdits = log.stream().map(op -> op.clientId() + "#" + op.clientSeq()).collect(Collectors.toSet());
        Set<String> acknowledged = new HashSet<>();
        for (SimulatedNetwork.Client client : world.clients) {
            client.acknowledged.forEach(seq -> acknowledged.add(client.clientId + "#" + seq));
        }
        assertThat(storedEdits).as(context + ": one revision per acknowledged (client, seq)")
                .hasSize(log.size()).isEqualTo(acknowledged);
        return world;
    }
}
