package io.pairprog.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every HTTP response — page, static file, API answer, error of any layer — carries the hardening headers. */
class SecurityHeadersTest {
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.EMBEDDED,
            "--requests-per-second-per-address", "1000");
    private static String room;

    @BeforeAll
    static void createARoom() {
        room = server.createRoom();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET / HTTP/1.1",                                       // the page
        "GET /app.js HTTP/1.1",                                 // a static file
        "GET /webjars/codemirror/5.65.21/lib/codemirror.js HTTP/1.1",
        "GET /docs/ HTTP/1.1",                                  // Swagger UI
        "GET /rooms/ROOM HTTP/1.1",                             // the API
        "GET /health HTTP/1.1",
        "GET /rooms/00000000-0000-4000-8000-000000000000 HTTP/1.1", // an API error
        "GET /nothing-here HTTP/1.1",                           // a missing file
        "GET /rooms/x?a=%zz HTTP/1.1",                          // refused before any handler
        "POST /rooms/ HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nxx", // 415
        "GET /health HTTP/1.1\r\nBroken header",                // refused by the HTTP decoder
        "GET /health HTTP/1.1\r\nHost: evil.example",           // refused host (two Host headers: 400)
    })
    void everyResponseCarriesTheHardeningHeaders(String requestLine) throws IOException {
        String request = requestLine.replace("ROOM", room);
        if (!request.contains("\r\n\r\n")) {
            request += "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        } else {
            request = request.replaceFirst("\r\n", "\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        }
        try (SlowClient client = SlowClient.connect(server.http("/").getPort())) {
            String head = client.send(request).head(Duration.ofSeconds(5));
            assertThat(head).as(requestLine).startsWith("HTTP/1.1 ")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff\r\n")
                    .containsIgnoringCase("Content-Security-Policy: frame-ancestors 'none'\r\n")
                    .containsIgnoringCase("X-Frame-Options: DENY\r\n")
                    .containsIgnoringCase("Referrer-Policy: no-referrer\r\n");
        }
    }
}
