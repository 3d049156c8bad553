package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.ServerProcess;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.WsClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Messages that once ended the server process, sent to the shaded jar as users run it. */
class HostileInputIT {

    @Test
    void aSeedUpdateHoldingALoneSurrogateDoesNotEndTheProcess() throws Exception {
        String data = Files.createTempDirectory("pairprog-hostile-").toString();
        try (ServerProcess server = new ServerProcess("--port", "0", "--data-dir", data).start()) {
            String created = TestServer.send(HttpRequest.newBuilder(server.http("/rooms/"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).body();
            String roomId = TestServer.json(created).get("roomId").asText();
            try (WsClient ws = WsClient.connect(server.ws("/ws/" + roomId))) {
                ws.next("initial_code");
                ws.send("{\"type\":\"code_update\",\"code\":\"x\\ud800y\"}");
                assertThat(ws.next("error").get("code").asText()).isEqualTo("MALFORMED_MESSAGE");
                ws.send("{\"type\":\"code_update\",\"code\":\"fine\"}");
                Thread.sleep(500);
            }
            assertThat(server.isAlive()).as("server output:%n%s", server.output()).isTrue();
            String room = TestServer.send(HttpRequest.newBuilder(server.http("/rooms/" + roomId)).build()).body();
            assertThat(TestServer.json(room).get("code").asText()).isEqualTo("fine");
        }
    }
}
