package io.pairprog.server.cluster;

import static io.pairprog.server.cluster.ClusterIT.settle;
import static io.pairprog.server.cluster.ClusterIT.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.ot.TextOperation;
import io.pairprog.server.store.Database;
import io.pairprog.server.support.Nodes;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.RedisProcess;
import io.pairprog.server.support.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bus between nodes fails under typing — Redis killed and started again, its subscriber connections
 * cut, PostgreSQL's LISTEN connection terminated — and fan-out goes on: the gaps are read from the log,
 * every client, node and the store end with the same text, and the log has each acknowledged edit once.
 */
class BusFailureIT {
    private static final String[] OPTIONS = {"--max-messages-per-second", "10000", "--lease-millis", "2000"};

    @Test
    void redisKilledOrCutUnderTypingLosesNothingAndFanOutResumes() throws Exception {
        long seed = Long.getLong("pairprog.seed", System.nanoTime());
        Random random = new Random(seed);
        try (RedisProcess redis = RedisProcess.start();
             Nodes nodes = Nodes.start(3, options("--redis-url", redis.url()))) {
            String room = nodes.createRoom(0);
            List<OtPeer> peers = spread(nodes, room);
            type(peers, random, 60);
            settle(peers, nodes, room, seed);
            double published = nodes.metric(0, "pairprog_fanout_published_total");
            assertThat(published).as("node 0 serves the room and publishes on Redis").isPositive();

            redis.killClients("pubsub"); // the other nodes' subscriptions drop; Lettuce reconnects
            type(peers, random, 60);
            settle(peers, nodes, room, seed);

            redis.kill(); // no bus at all: the forwarding nodes read the log meanwhile
            type(peers, random, 60);
            settle(peers, nodes, room, seed);
            assertThat(nodes.metric(1, "pairprog_fanout_bus_connected")).as("node 1 knows Redis is gone").isZero();
            assertThat(nodes.metric(1, "pairprog_fanout_log_reads_total")
                    + nodes.metric(2, "pairprog_fanout_log_reads_total")).as("the gaps were read from the log")
                    .isPositive();

            redis.restart();
            awaitBus(nodes);
            double before = nodes.metric(0, "pairprog_fanout_published_total");
            type(peers, random, 60);
            settle(peers, nodes, room, seed);
            assertThat(nodes.metric(0, "pairprog_fanout_published_total")).as("publishing resumed").isGreaterThan(before);
            nodes.assertLogIntact(room, seed);
            peers.forEach(OtPeer::close);
        }
    }

    @Test
    void aTerminatedListenConnectionIsReplacedAndItsGapsRead() throws Exception {
        long seed = Long.getLong("pairprog.seed", System.nanoTime());
        Random random = new Random(seed);
        try (Nodes nodes = Nodes.start(3, OPTIONS)) {
            String room = nodes.createRoom(0);
            List<OtPeer> peers = spread(nodes, room);
            type(peers, random, 60);
            settle(peers, nodes, room, seed);
            for (int cut = 0; cut < 3; cut++) {
                type(peers, random, 20);
                terminateListeners(); // between two edits: what is published until they listen again is lost
                type(peers, random, 20);
                settle(peers, nodes, room, seed);
            }
            // Larger than a notification may hold: announced by revision, read from the log by the others.
            OtPeer paster = peers.get(1);
            paster.edit(TextOperation.builder().retain(paster.doc().length()).insert("pasted ".repeat(2_000)).build());
            settle(peers, nodes, room, seed);
            awaitBus(nodes);
            nodes.assertLogIntact(room, seed);
            peers.forEach(OtPeer::close);
        }
    }

    private static String[] options(String... more) {
        List<String> all = new ArrayList<>(List.of(OPTIONS));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Six clients, two on each node; the first joins through node 0, which then serves the room. */
    private static List<OtPeer> spread(Nodes nodes, String room) throws Exception {
        List<OtPeer> peers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            peers.add(OtPeer.join(nodes.roomOnEachNode(room), i % 3, "peer-" + i));
        }
        return peers;
    }

    private static void awaitBus(Nodes nodes) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (int n = 0; n < nodes.size(); n++) {
            while (nodes.metric(n, "pairprog_fanout_bus_connected") < 1) {
                assertThat(System.nanoTime()).as("node " + n + " is on the bus again").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    /** What an operator's pg_terminate_backend, or a failover of the database's proxy, does to the listeners. */
    private static void terminateListeners() throws Exception {
        Database database = new Database(TestDatabases.postgres(), 2);
        database.start();
        try {
            int cut = database.queryOne("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    + "WHERE application_name = 'pairprog-bus' AND datname = current_database()", s -> { }, row -> row.getInt(1)).orElse(0);
            assertThat(cut).as("the three nodes' LISTEN connections").isEqualTo(3);
        } finally {
            database.stop();
        }
    }
}
