package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.ServerProcess;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The review's attack, on the shaded jar with a 256 MiB heap and the embedded store: a room with a log of
 * some 40 MB, and two dozen connections that ask for all of it and never read. It once exhausted the heap,
 * the embedded store's writer died with it, and edits acknowledged in other rooms were missing after a
 * restart. Now each such catch-up holds a page, the other rooms keep being served, and after a kill -9
 * every acknowledged edit is there.
 */
class CatchUpMemoryIT {
    private static final int HOGS = 24;

    @Test
    void clientsThatAskForAHugeLogAndNeverReadCostOthersNothing() throws Exception {
        String data = Files.createTempDirectory("pairprog-catchup-").toString();
        List<String> jvm = List.of("-Xmx256m");
        String[] options = {"--port", String.valueOf(ServerProcess.freePort()), "--data-dir", data};
        String bigRoom;
        String quietRoom;
        long acknowledged = 0;
        try (ServerProcess server = new ServerProcess(jvm, options).start()) {
            bigRoom = create(server);
            quietRoom = create(server);
            long revision = buildALongLog(server, bigRoom, 45);

            List<WsClient> hogs = new ArrayList<>();
            try (WsClient writer = WsClient.connect(server.ws("/ws/" + quietRoom))) {
                writer.next("initial_code");
                writer.send(Wire.hello("w", 0));
                writer.next("joined");
                for (int i = 0; i < HOGS; i++) {
                    WsClient hog = WsClient.connect(server.ws("/ws/" + bigRoom));
                    hog.pauseReading();
                    hog.send(Wire.hello("hog" + i, 0));
                    hogs.add(hog);
                }
                // Meanwhile, in another room, every edit is acknowledged, promptly.
                for (int seq = 1; seq <= 100; seq++) {
                    long sent = System.nanoTime();
                    writer.send("{\"type\":\"op\",\"clientId\":\"w\",\"clientSeq\":" + seq + ",\"baseRevision\":"
                            + (seq - 1) + ",\"op\":[" + (seq == 1 ? "" : (seq - 1) + ",") + "\"x\"]}");
                    assertThat(writer.next("ack").get("revision").asLong()).isEqualTo(seq);
                    acknowledged = seq;
                    assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
                    Thread.sleep(20);
                }
            }
            assertThat(server.isAlive()).as(server.output()).isTrue();
            assertThat(status(server, "/health")).isEqualTo(200);
            assertThat(TestServer.json(get(server, "/rooms/" + bigRoom)).get("revision").asLong()).isEqualTo(revision);
            server.kill();
            hogs.forEach(WsClient::abort);
        }
        try (ServerProcess again = new ServerProcess(jvm, options).start()) {
            assertThat(TestServer.json(get(again, "/rooms/" + quietRoom)).get("code").asText())
                    .isEqualTo("x".repeat((int) acknowledged));
        }
    }

    /** Whole texts of 900,000 characters, alternately all a's and all b's: each revision about 900 KB. */
    private static long buildALongLog(ServerProcess server, String room, int revisions) throws Exception {
        try (WsClient seed = WsClient.connect(server.ws("/ws/" + room))) {
            seed.next("initial_code");
            for (int i = 0; i < revisions; i++) {
                seed.send("{\"type\":\"code_update\",\"code\":\"" + String.valueOf((char) ('a' + i % 2)).repeat(900_000) + "\"}");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long revision;
            do {
                Thread.sleep(200);
                revision = TestServer.json(get(server, "/rooms/" + room)).get("revision").asLong();
            } while (revision < revisions && System.nanoTime() < deadline);
            assertThat(revision).isEqualTo(revisions);
            return revision;
        }
    }

    private static String create(ServerProcess server) {
        return TestServer.json(TestServer.send(HttpRequest.newBuilder(server.http("/rooms/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).body()).get("roomId").asText();
    }

    private static String get(ServerProcess server, String path) {
        return TestServer.send(HttpRequest.newBuilder(server.http(path)).build()).body();
    }

    private static int status(ServerProcess server, String path) {
        return TestServer.send(HttpRequest.newBuilder(server.http(path)).build()).statusCode();
    }
}
