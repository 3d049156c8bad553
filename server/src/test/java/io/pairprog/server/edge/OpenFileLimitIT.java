package io.pairprog.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.ot.TextOperation;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar under {@code ulimit -n 400}, flooded with 450 idle connections, from one address and then
 * from many: it refuses what is over its limits instead of running out of file descriptors, keeps
 * acknowledging a WebSocket client's edits meanwhile, and closes the idle connections after the timeouts.
 */
class OpenFileLimitIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)/");
    private static final int FLOOD = 450;

    @Test
    void floodOfIdleConnectionsLeavesTheServerReachable() throws Exception {
        Path jar = Path.of(System.getProperty("pairprog.serverJar", "target/pairprog-server.jar"));
        Path log = Files.createTempFile("pairprog-fd-", ".log");
        String data = Files.createTempDirectory("pairprog-fd-").toString();
        Process server = new ProcessBuilder("sh", "-c", "ulimit -n 400 && exec java -jar " + jar + " --host 127.0.0.1 "
                + "--port 0 --data-dir " + data + " --http-idle-timeout-seconds 3 --http-header-timeout-seconds 3")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<SlowClient> flood = new ArrayList<>();
        try {
            int port = awaitPort(server, log);
            String room = TestServer.json(TestServer.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/rooms/"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).body()).get("roomId").asText();
            try (OtPeer ann = OtPeer.join(URI.create("ws://127.0.0.1:" + port + "/ws/" + room), "ann")) {
                for (int i = 0; i < FLOOD; i++) { // one address: its cap refuses all but 64
                    flood.add(SlowClient.connectFrom("127.0.0.1", port));
                }
                assertEditsAreAcknowledged(ann);
                assertThat(health("127.0.0.2", port)).as("another address").startsWith("HTTP/1.1 200");

                closeAll(flood);
                for (int i = 0; i < FLOOD; i++) { // 30 addresses of 15: the global cap (400 - 128) refuses the rest
                    flood.add(SlowClient.connectFrom("127.0.1." + (1 + i % 30), port));
                }
                assertEditsAreAcknowledged(ann);
                // The idle ones are closed after the timeouts, and the server is reachable again.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                String answer = "";
                while (!answer.startsWith("HTTP/1.1 200") && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    answer = healthOrNothing("127.0.0.3", port);
                }
                assertThat(answer).startsWith("HTTP/1.1 200");
                assertEditsAreAcknowledged(ann);
            }
            assertThat(Files.readString(log)).doesNotContain("Too many open files");
        } finally {
            closeAll(flood);
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void assertEditsAreAcknowledged(OtPeer peer) {
        for (int i = 0; i < 5; i++) {
            long sent = System.nanoTime();
            peer.edit(TextOperation.builder().retain(peer.doc().length()).insert("x").build());
            peer.settle(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(1));
        }
    }

    private static String health(String from, int port) throws Exception {
        try (SlowClient client = SlowClient.connectFrom(from, port)) {
            return client.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").head(Duration.ofSeconds(5));
        }
    }

    private static String healthOrNothing(String from, int port) {
        try {
            return health(from, port);
        } catch (Exception refused) {
            return "";
        }
    }

    private static void closeAll(List<SlowClient> clients) throws Exception {
        for (SlowClient client : clients) {
            client.close();
        }
        clients.clear();
    }

    private static int awaitPort(Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && server.isAlive()) {
            Matcher m = LISTENING.matcher(Files.readString(log));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server did not start:\n" + Files.readString(log));
    }
}
