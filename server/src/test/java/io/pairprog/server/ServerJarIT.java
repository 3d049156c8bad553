package io.pairprog.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.WsClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shaded jar, started as users start it, serves REST, WebSocket and the page, and stops on SIGTERM. */
class ServerJarIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)/");

    @Test
    void shadedJarStartsServesAndStopsOnSigterm() throws Exception {
        Path jar = Path.of(System.getProperty("pairprog.serverJar", "target/pairprog-server.jar"));
        assertThat(jar).exists();
        Path data = Files.createTempDirectory("pairprog-jar-");
        Path log = data.resolve("server.log");
        Process process = new ProcessBuilder("java", "-jar", jar.toString(), "--host", "127.0.0.1", "--port", "0",
                "--data-dir", data.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = awaitPort(log, process);
            String base = "http://127.0.0.1:" + port;
            String created = TestServer.send(HttpRequest.newBuilder(URI.create(base + "/rooms/"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).body();
            String roomId = TestServer.json(created).get("roomId").asText();
            try (WsClient ws = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws/" + roomId))) {
                assertThat(ws.next().get("type").asText()).isEqualTo("initial_code");
            }
            assertThat(TestServer.send(HttpRequest.newBuilder(URI.create(base + "/")).build()).statusCode()).isEqualTo(200);

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(log)).contains("stopped");
        } finally {
            process.destroyForcibly();
        }
    }

    private static int awaitPort(Path log, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher m = LISTENING.matcher(Files.readString(log));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the jar did not start:\n" + Files.readString(log));
    }
}
