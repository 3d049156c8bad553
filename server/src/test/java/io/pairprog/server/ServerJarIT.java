package io.pairprog.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.ServerProcess;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.WsClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The shaded jar, started as users start it, serves REST, WebSocket and the page, and stops on SIGTERM. */
class ServerJarIT {

    @Test
    void shadedJarStartsServesAndStopsOnSigterm() throws Exception {
        String data = Files.createTempDirectory("pairprog-jar-").toString();
        try (ServerProcess server = new ServerProcess("--port", "0", "--data-dir", data).start()) {
            String created = TestServer.send(HttpRequest.newBuilder(server.http("/rooms/"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).body();
            String roomId = TestServer.json(created).get("roomId").asText();
            try (WsClient ws = WsClient.connect(server.ws("/ws/" + roomId))) {
                assertThat(ws.next().get("type").asText()).isEqualTo("initial_code");
            }
            assertThat(TestServer.send(HttpRequest.newBuilder(server.http("/")).build()).statusCode()).isEqualTo(200);
            assertThat(server.terminate()).isTrue();
            assertThat(server.output()).contains("stopped");
        }
    }
}
