package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.ServerProcess;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The server is killed with SIGKILL again and again while clients type at 50 edits/s against
 * PostgreSQL. Nothing acknowledged is lost, revisions have no gaps, resent edits are stored once, and
 * everyone converges after the restarts. {@code -Dpairprog.crash.kills=N} sets the number of kills.
 */
class CrashRecoveryIT {
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Test
    void killedServerLosesNoAcknowledgedEdit() throws Exception {
        int kills = Integer.getInteger("pairprog.crash.kills", 5);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int port = ServerProcess.freePort();
        try (ServerProcess server = new ServerProcess("--port", Integer.toString(port),
                "--database-url", TestDatabases.postgresUrl(), "--max-messages-per-second", "10000").start()) {
            List<String> rooms = List.of(createRoom(server), createRoom(server));
            List<OtPeer> peers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                peers.add(OtPeer.join(server.ws("/ws/" + rooms.get(i % 2)), "crash-" + i));
            }
            for (int round = 0; round < kills; round++) {
                type(peers, random, 100); // two seconds at 50 edits/s
                server.kill();
                type(peers, random, 10); // typing goes on while the server is down
                server.start();
                for (OtPeer peer : peers) {
                    reconnect(peer);
                }
            }
            type(peers, random, 50);
            for (OtPeer peer : peers) {
                peer.settle(SETTLE);
            }
            for (int r = 0; r < rooms.size(); r++) {
                String room = rooms.get(r);
                String stored = TestServer.json(TestServer.send(HttpRequest.newBuilder(server.http("/rooms/" + room))
                        .build()).body()).get("code").asText();
                long head = TestServer.json(TestServer.send(HttpRequest.newBuilder(server.http("/rooms/" + room))
                        .build()).body()).get("revision").asLong();
                TestDatabases.assertLogIntact(room, head, seed);
                for (int i = r; i < peers.size(); i += 2) {
                    OtPeer peer = peers.get(i);
                    peer.pumpUntilRevision(head, SETTLE);
                    assertThat(peer.doc()).as("seed=" + seed).isEqualTo(stored);
                }
            }
            peers.forEach(OtPeer::close);
        }
    }

    private static void type(List<OtPeer> peers, Random random, int edits) throws InterruptedException {
        for (int i = 0; i < edits; i++) {
            peers.get(random.nextInt(peers.size())).randomEdit(random);
            for (OtPeer peer : peers) {
                peer.pump(Duration.ZERO);
            }
            Thread.sleep(20);
        }
    }

    private static void reconnect(OtPeer peer) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                peer.pump(Duration.ZERO);
                peer.reconnect();
                return;
            } catch (RuntimeException notYet) {
                if (attempt > 50) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    private static String createRoom(ServerProcess server) {
        return TestServer.json(TestServer.send(HttpRequest.newBuilder(server.http("/rooms/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).body()).get("roomId").asText();
    }
}
