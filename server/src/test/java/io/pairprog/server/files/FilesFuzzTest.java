package io.pairprog.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.PeerFiles;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #21's fuzz: clients of one room type in several files while files are created, moved and deleted
 * under them (on purpose onto the same few paths) and connections drop. In the end every client holds the
 * server's tree, each open file's text equals the stored one at the same revision, every file's log has
 * no gap and each client's edits in it are stored once each, in order; an edit that was not stored was
 * refused because its file had gone. Seeded: {@code -Dpairprog.seed=N} replays a run, and
 * {@code -Dpairprog.files.runs=N} runs more seeds.
 */
class FilesFuzzTest {
    private static final String[] PATHS = {"a.txt", "b.py", "src/c.py", "src/d.js", "src/deep/e.md", "f.go"};

    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES, "--max-messages-per-second", "100000");

    static List<Long> seeds() {
        Long fixed = Long.getLong("pairprog.seed");
        if (fixed != null) {
            return List.of(fixed);
        }
        long base = System.nanoTime();
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("pairprog.files.runs", 3); i++) {
            seeds.add(base + i);
        }
        return seeds;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void clientsConvergeOnTheTreeAndEveryFilesTextThroughCreatesMovesDeletesAndReconnects(long seed) {
        Random random = new Random(seed);
        String room = server.createRoom();
        List<OtPeer> peers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                peers.add(OtPeer.joinWithFiles(server.ws("/ws/" + room), "p" + i + "-" + (seed & 0xffff)));
            }
            for (int step = 0; step < 400; step++) {
                OtPeer peer = peers.get(random.nextInt(peers.size()));
                act(peer, random);
                for (OtPeer p : peers) {
                    p.pump(Duration.ZERO);
                }
            }
            for (OtPeer peer : peers) {
                peer.reconnect(); // then everyone opens every file, to compare (settle)
            }
            Map<String, String> stored = settle(peers, room, seed);
            verify(peers, room, stored, seed);
        } finally {
            peers.forEach(OtPeer::close);
        }
    }

    private static void act(OtPeer peer, Random random) {
        PeerFiles files = peer.files();
        List<String> ids = new ArrayList<>(files.tree().values());
        List<String> paths = new ArrayList<>(files.tree().keySet());
        int dice = random.nextInt(100);
        if (!peer.isConnected()) {
            if (dice < 30) {
                peer.reconnect();
            } else if (!files.openFiles().isEmpty()) {
                files.randomEdit(files.openFiles().get(random.nextInt(files.openFiles().size())), random);
            }
        } else if (dice < 50 && !files.openFiles().isEmpty()) {
            files.randomEdit(files.openFiles().get(random.nextInt(files.openFiles().size())), random);
        } else if (dice < 62 && !ids.isEmpty()) {
            files.open(ids.get(random.nextInt(ids.size())));
        } else if (dice < 72) {
            files.create(PATHS[random.nextInt(PATHS.length)], random.nextBoolean() ? "" : "seed " + random.nextInt(99));
        } else if (dice < 79 && !paths.isEmpty()) {
            files.move(paths.get(random.nextInt(paths.size())), PATHS[random.nextInt(PATHS.length)]);
        } else if (dice < 84 && !paths.isEmpty()) {
            files.delete(paths.get(random.nextInt(paths.size())));
        } else if (dice < 87) {
            peer.disconnect();
        } else {
            peer.randomEdit(random); // the main file too
        }
    }

    /** Pumps until every client is settled and holds the server's tree; returns the tree (path → id). */
    private static Map<String, String> settle(List<OtPeer> peers, String room, long seed) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            for (OtPeer peer : peers) {
                peer.pump(Duration.ofMillis(5));
                peer.files().tree().values().forEach(peer.files()::open); // files created meanwhile too
            }
            Map<String, String> stored = storedTree(room);
            Map<String, Long> revisions = storedRevisions(room);
            // settled and up to the stored revision: a client with nothing of its own in flight may still
            // be waiting for another's last edit
            boolean done = peers.stream().allMatch(p -> p.isConnected() && p.files().settled()
                    && p.files().tree().equals(stored) && p.files().openFiles().containsAll(stored.values())
                    && stored.values().stream().allMatch(id -> p.files().revision(id) == revisions.get(id)));
            if (done) {
                return stored;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("seed=" + seed + ": did not settle; stored " + stored + ", clients "
                        + peers.stream().map(p -> p.files().tree() + " open " + p.files().describe()).toList()
                        + ", stored revisions " + storedRevisions(room));
            }
        }
    }

    private static void verify(List<OtPeer> peers, String room, Map<String, String> stored, long seed) {
        Map<String, Long> revisions = storedRevisions(room);
        for (Map.Entry<String, String> file : stored.entrySet()) {
            String text = server.get("/rooms/" + room + "/files/" + file.getKey()).body();
            for (OtPeer peer : peers) {
                assertThat(peer.files().text(file.getValue())).as("seed=%d: %s in %s", seed, file.getKey(), peer)
                        .isEqualTo(text);
                assertThat(peer.files().revision(file.getValue())).as("seed=%d: revision of %s", seed, file.getKey())
                        .isEqualTo(revisions.get(file.getValue()));
            }
            TestDatabases.assertLogIntact(file.getValue(), revisions.get(file.getValue()), seed);
        }
        for (OtPeer peer : peers) {
            assertThat(peer.files().refusals()).as("seed=%d: only clashes of paths are refused", seed)
                    .allSatisfy(error -> assertThat(error.code().name()).isIn("PATH_TAKEN", "PATH_CONFLICT",
                            "FILE_NOT_FOUND"));
        }
        TestDatabases.assertLogIntact(room, server.room(room).get("revision").asLong(), seed);
    }

    private static Map<String, Long> storedRevisions(String room) {
        Map<String, Long> revisions = new HashMap<>();
        for (JsonNode file : TestServer.json(server.get("/rooms/" + room + "/files").body()).get("files")) {
            revisions.put(file.get("id").asText(), file.get("revision").asLong());
        }
        return revisions;
    }

    private static Map<String, String> storedTree(String room) {
        Map<String, String> tree = new HashMap<>();
        for (JsonNode file : TestServer.json(server.get("/rooms/" + room + "/files").body()).get("files")) {
            if (!file.get("main").asBoolean()) {
                tree.put(file.get("path").asText(), file.get("id").asText());
            }
        }
        return tree;
    }
}
