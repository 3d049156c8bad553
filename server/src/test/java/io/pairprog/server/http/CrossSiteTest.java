package io.pairprog.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.edge.SlowClient;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a page of another site can make a browser send: a form (text/plain, urlencoded, multipart) needs
 * no CORS preflight, and a DNS-rebinding page sends its own name as {@code Host}. Neither gets through;
 * the seed's bodiless {@code POST /rooms/} still creates a room.
 */
class CrossSiteTest {
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES,
            "--allowed-hosts", "pair.example.com,.corp.example");

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void formBodiesCreateNoRoom(String type) {
        assertError(server.post("/rooms/", type, "{\"language\":\"java\"}"), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded"})
    void formBodiesRestoreNothing(String type) {
        String room = server.createRoom();
        assertError(server.post("/rooms/" + room + "/restore", type, "{\"revision\":0}"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(server.post("/rooms/" + room + "/restore", null, "{\"revision\":0}"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(server.post("/rooms/" + room + "/restore", "application/json", "{\"revision\":0}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void bodilessCreationStillCreatesARoomByteForByte() throws IOException {
        assertCreated(server.post("/rooms/", null, null));
        assertCreated(server.post("/rooms/", "text/plain", "")); // an empty form: nothing to misread
        assertCreated(server.post("/rooms/", "application/json", "{\"language\":\"go\"}"));
        assertCreated(server.post("/rooms/", "application/json; charset=utf-8", "{}"));
        // curl -X POST: no Content-Type, no Content-Length.
        try (SlowClient curl = SlowClient.connect(server.http("/").getPort())) {
            String head = curl.send("POST /rooms/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .head(Duration.ofSeconds(10));
            assertThat(head).startsWith("HTTP/1.1 200");
            assertThat(curl.rest(Duration.ofSeconds(10))).startsWith("{\"roomId\":\"");
        }
    }

    @Test
    void dnsRebindingHostIsRefusedForPagesApiAndWebSockets() throws IOException {
        String room = server.createRoom();
        for (String request : new String[] {"GET / HTTP/1.1", "GET /rooms/" + room + " HTTP/1.1", "POST /rooms/ HTTP/1.1"}) {
            String answer = raw(request + "\r\nHost: evil.example:8000\r\nOrigin: http://evil.example:8000\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(answer).as(request).startsWith("HTTP/1.1 421");
            assertThat(body(answer).get("code").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(body(answer).get("message").asText()).contains("evil.example").contains("--allowed-hosts")
                    .doesNotContain(room);
        }
        String handshake = raw("GET /ws/" + room + " HTTP/1.1\r\nHost: evil.example:8000\r\nOrigin: http://evil.example:8000\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n");
        assertThat(handshake).startsWith("HTTP/1.1 421").doesNotContain("Upgrade: websocket");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST:8000", "app.localhost:8000", "127.0.0.1", "[::1]:8000",
            "pair.example.com", "corp.example", "team.corp.example:443"})
    void localNamesAddressesAndListedHostsAreAnswered(String host) throws IOException {
        assertThat(raw("GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "pair.example.com.evil.example", "xcorp.example", "2130706433"})
    void otherNamesAreNot(String host) throws IOException {
        assertThat(raw("GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 421");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "[::1", "evil.example@127.0.0.1", "127.0.0.1:80:80"})
    void malformedHostIs400(String host) throws IOException {
        String answer = raw("GET /rooms/x HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(body(answer).get("code").asText()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void anyHostIsAnsweredWithAStar() throws Exception {
        try (TestServer open = TestServer.start(TestDatabases.Kind.EMBEDDED, "--allowed-hosts", "*")) {
            try (SlowClient client = SlowClient.connect(open.http("/").getPort())) {
                assertThat(client.send("GET /health HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                        .head(Duration.ofSeconds(5))).startsWith("HTTP/1.1 200");
            }
        }
    }

    private static String raw(String request) throws IOException {
        try (SlowClient client = SlowClient.connect(server.http("/").getPort())) {
            client.send(request);
            return client.head(Duration.ofSeconds(10)) + client.rest(Duration.ofSeconds(10));
        }
    }

    private static JsonNode body(String response) {
        return TestServer.json(response.substring(response.indexOf("\r\n\r\n") + 4));
    }

    private static void assertCreated(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).matches("\\{\"roomId\":\"[0-9a-f-]{36}\",\"viewId\":\"[A-Za-z0-9_-]{22}\",\"viewUrl\":\"[^\"]+\"}");
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(TestServer.json(response.body()).get("code").asText()).isEqualTo(code);
    }
}
