package io.pairprog.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.ot.TextOperation;
import io.pairprog.server.support.Nodes;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.ServerProcess;
import io.pairprog.server.support.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Three nodes (real processes) on one PostgreSQL database, OT clients spread over them in one room, typing
 * at random. The node that owns the room is killed with SIGKILL again and again ({@code
 * -Dpairprog.cluster.kills=N}, 5 by default): its clients move to the other nodes, the room gets a new
 * owner once the lease runs out, and nothing acknowledged is lost, nothing is stored twice, revisions have
 * no gap, and every client, every node and the store end with the same text.
 */
class ClusterIT {
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final String[] OPTIONS = {"--max-messages-per-second", "10000", "--lease-millis", "2000"};

    @Test
    void clientsOnDifferentNodesConvergeAndAKilledOwnerLosesNothing() throws Exception {
        int kills = Integer.getInteger("pairprog.cluster.kills", 5);
        long seed = Long.getLong("pairprog.seed", System.nanoTime());
        Random random = new Random(seed);
        try (Nodes nodes = Nodes.start(3, OPTIONS)) {
            String room = nodes.createRoom(0);
            List<OtPeer> peers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                peers.add(OtPeer.join(nodes.roomOnEachNode(room), i % 3, "peer-" + i));
            }
            assertThat(nodes.owner(room)).as("the first to join claimed the room for its node").isZero();
            double forwarded = 0;
            for (int n = 0; n < nodes.size(); n++) {
                forwarded += nodes.metric(n, "pairprog_websocket_forwarded");
            }
            assertThat(forwarded).as("the four clients on nodes 1 and 2 are forwarded to node 0").isEqualTo(4);
            type(peers, random, 150);
            settle(peers, nodes, room, seed);
            assertThat(nodes.metric(0, "pairprog_fanout_published_total"))
                    .as("the owner published the room's operations on the bus once, not once per forwarded client")
                    .isPositive();
            assertThat(nodes.metric(1, "pairprog_fanout_received_total") + nodes.metric(2,
                    "pairprog_fanout_received_total")).as("the other nodes fed their clients from the bus").isPositive();

            List<Long> failovers = new ArrayList<>();
            for (int round = 0; round < kills; round++) {
                int owner = nodes.owner(room);
                assertThat(owner).as("seed=" + seed + ": some node owns the room").isNotNegative();
                ServerProcess victim = nodes.node(owner);
                long killed = System.nanoTime();
                victim.kill();
                type(peers, random, 30); // typing goes on; the owner's clients move
                failovers.add(awaitAllJoined(peers, killed, seed));
                victim.start();
                type(peers, random, 80);
            }
            settle(peers, nodes, room, seed);
            verifyLog(room, nodes, seed);
            System.out.printf("cluster: %d kills, failover (kill until every client joined again) ms: %s%n", kills,
                    failovers.stream().map(n -> Long.toString(n / 1_000_000)).collect(Collectors.joining(", ")));
            peers.forEach(OtPeer::close);
        }
    }

    @Test
    void anOwnerPausedPastItsLeaseStoresNothingMoreAndItsClientsMove() throws Exception {
        long seed = Long.getLong("pairprog.seed", System.nanoTime());
        Random random = new Random(seed);
        try (Nodes nodes = Nodes.start(2, OPTIONS)) {
            String room = nodes.createRoom(0);
            List<java.net.URI> addresses = nodes.roomOnEachNode(room);
            OtPeer ada = OtPeer.join(addresses, 0, "ada"); // first, so node 0 owns the room
            OtPeer bob = OtPeer.join(List.of(addresses.get(1)), 0, "bob"); // forwarded by node 1 to node 0
            List<OtPeer> both = List.of(ada, bob);
            type(both, random, 40);
            settle(both, nodes, room, seed);
            assertThat(nodes.owner(room)).isZero();

            nodes.node(0).pause(); // a stop-the-world pause far longer than the lease
            long paused = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                ada.randomEdit(random); // waits in node 0's socket buffer
                bob.randomEdit(random);
                Thread.sleep(20);
            }
            bob.settle(SETTLE); // node 1 saw the lease run out, moved Bob, took the room and stored his edits
            long bobBack = System.nanoTime() - paused;
            assertThat(nodes.owner(room)).as("seed=" + seed + ": node 1 owns the room now").isEqualTo(1);
            long storedWhilePaused = nodes.room(1, room).get("revision").asLong();

            nodes.node(0).resume(); // it finds its lease gone: commits nothing, moves Ada
            settle(both, nodes, room, seed);
            verifyLog(room, nodes, seed);
            assertThat(nodes.node(0).output()).contains("lost the lease of room");
            assertThat(nodes.owner(room)).as("the room stayed with node 1").isEqualTo(1);
            assertThat(nodes.room(1, room).get("revision").asLong()).isGreaterThan(storedWhilePaused);
            System.out.printf("cluster: a client of a paused owner's room was served again after %d ms%n",
                    bobBack / 1_000_000);
            both.forEach(OtPeer::close);
        }
    }

    @Test
    void aNodeShuttingDownHandsItsRoomsOverWithoutWaitingForTheLease() throws Exception {
        long seed = Long.getLong("pairprog.seed", System.nanoTime());
        Random random = new Random(seed);
        // A lease far longer than a hand-over may take: only a hand-over lets the room move in time.
        try (Nodes nodes = Nodes.start(2, "--max-messages-per-second", "10000", "--lease-millis", "8000")) {
            String room = nodes.createRoom(0);
            List<java.net.URI> addresses = nodes.roomOnEachNode(room);
            OtPeer ada = OtPeer.join(addresses, 0, "ada");
            OtPeer bob = OtPeer.join(List.of(addresses.get(1)), 0, "bob");
            List<OtPeer> both = List.of(ada, bob);
            type(both, random, 30);
            settle(both, nodes, room, seed);

            long stopping = System.nanoTime();
            Thread sigterm = new Thread(() -> {
                try {
                    nodes.node(0).terminate();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            sigterm.start();
            type(both, random, 20);
            ada.settle(SETTLE);
            bob.settle(SETTLE);
            long movedMillis = (System.nanoTime() - stopping) / 1_000_000;
            sigterm.join();
            assertThat(nodes.owner(room)).isEqualTo(1);
            assertThat(movedMillis).as("seed=" + seed + ": everything typed during the hand-over stored, in ms")
                    .isLessThan(4_000);
            settle(both, nodes, room, seed);
            verifyLog(room, nodes, seed);
            System.out.printf("cluster: graceful hand-over, SIGTERM until all edits stored again: %d ms%n", movedMillis);
            both.forEach(OtPeer::close);
        }
    }

    @Test
    void aRestoreSentToANodeThatDoesNotServeTheRoomIsMadeByTheOneThatDoes() throws Exception {
        try (Nodes nodes = Nodes.start(2, OPTIONS)) {
            String room = nodes.createRoom(0);
            OtPeer ada = OtPeer.join(nodes.roomOnEachNode(room), 0, "ada"); // node 0 serves the room
            ada.edit(TextOperation.builder().insert("hello").build());
            ada.settle(SETTLE);
            ada.edit(TextOperation.builder().retain(5).insert(" world").build());
            ada.settle(SETTLE);

            HttpResponse<String> restored = TestServer.send(
                    HttpRequest.newBuilder(nodes.node(1).http("/rooms/" + room + "/restore"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"revision\": 1, \"name\": \"Bob\"}"))
                            .build());
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
            assertThat(TestServer.json(restored.body()).get("revision").asLong()).isEqualTo(3);
            assertThat(nodes.owner(room)).as("node 0 still serves the room").isZero();
            ada.pumpUntilRevision(3, SETTLE);
            assertThat(ada.doc()).isEqualTo("hello");
            assertThat(nodes.room(1, room).get("code").asText()).isEqualTo("hello");

            HttpResponse<String> wrong = TestServer.send(
                    HttpRequest.newBuilder(nodes.node(1).http("/rooms/" + room + "/restore"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"revision\": 99}")).build());
            assertThat(wrong.statusCode()).as("a revision that does not exist").isEqualTo(404);
            ada.close();
        }
    }

    /** Random edits by random peers, everyone reading what arrives meanwhile. */
    static void type(List<OtPeer> peers, Random random, int edits) throws InterruptedException {
        for (int i = 0; i < edits; i++) {
            peers.get(random.nextInt(peers.size())).randomEdit(random);
            for (OtPeer peer : peers) {
                peer.pump(Duration.ZERO);
            }
            Thread.sleep(20);
        }
    }

    /** Pumps until every peer is joined again; returns the nanoseconds since {@code since}. */
    private static long awaitAllJoined(List<OtPeer> peers, long since, long seed) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!peers.stream().allMatch(OtPeer::isConnected)) {
            assertThat(System.nanoTime()).as("seed=" + seed + ": every client joined again").isLessThan(deadline);
            peers.forEach(peer -> peer.pump(Duration.ofMillis(5)));
        }
        return System.nanoTime() - since;
    }

    /** Everything acknowledged; every peer and every node has the stored text. */
    static void settle(List<OtPeer> peers, Nodes nodes, String room, long seed) {
        for (OtPeer peer : peers) {
            peer.settle(SETTLE);
        }
        int live = nodes.anyAlive();
        long head = nodes.room(live, room).get("revision").asLong();
        String stored = nodes.room(live, room).get("code").asText();
        for (int n = 0; n < nodes.size(); n++) {
            if (nodes.node(n).isAlive()) {
                assertThat(nodes.room(n, room).get("code").asText()).as("seed=" + seed + ": node " + n).isEqualTo(stored);
            }
        }
        for (OtPeer peer : peers) {
            peer.pumpUntilRevision(head, SETTLE);
            assertThat(peer.doc()).as("seed=" + seed + ": a client's text").isEqualTo(stored);
        }
    }

    static void verifyLog(String room, Nodes nodes, long seed) {
        nodes.assertLogIntact(room, seed);
    }
}
