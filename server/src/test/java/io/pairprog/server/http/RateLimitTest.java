package io.pairprog.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.edge.SlowClient;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * REST requests are limited per client address, room creation (which writes to disk) also in all, and the
 * REST threads' queue is bounded: 429 with Retry-After, or 503, always as JSON; other clients unaffected.
 */
class RateLimitTest {
    private static final String CREATE = "POST /rooms/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    @Test
    void roomCreationFromOneAddressIsLimitedWith429AndRetryAfter() throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.Kind.POSTGRES)) {
            int created = 0;
            HttpResponse<String> response;
            while ((response = server.post("/rooms/", null, null)).statusCode() == 200 && created < 1000) {
                created++;
            }
            // 60 a minute by default, in bursts of up to 120: a classroom behind one address gets its rooms.
            assertThat(created).as("rooms created before the first refusal").isBetween(120, 125);
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValueAsLong("Retry-After").orElse(0)).isBetween(1L, 60L);
            assertThat(TestServer.json(response.body()).get("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
            // Another address creates rooms as before.
            try (SlowClient other = SlowClient.connectFrom("127.0.0.2", server.http("/").getPort())) {
                assertThat(other.send(CREATE).head(Duration.ofSeconds(10))).startsWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void roomCreationIsAlsoLimitedForAllAddressesTogether() throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--rooms-per-minute", "3")) {
            for (int i = 0; i < 6; i++) {
                assertThat(server.post("/rooms/", null, null).statusCode()).isEqualTo(200);
            }
            try (SlowClient other = SlowClient.connectFrom("127.0.0.3", server.http("/").getPort())) {
                String head = other.send(CREATE).head(Duration.ofSeconds(10));
                assertThat(head).startsWith("HTTP/1.1 429").containsIgnoringCase("Retry-After: ");
            }
            assertThat(server.get("/rooms/" + "00000000-0000-4000-8000-000000000000").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void requestsFromOneAddressAreLimitedButHealthIsNot() throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--requests-per-second-per-address", "5")) {
            int limited = 0;
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> response = server.get("/rooms/00000000-0000-4000-8000-000000000000");
                if (response.statusCode() == 429) {
                    limited++;
                    assertThat(TestServer.json(response.body()).get("code").asText()).isEqualTo("RATE_LIMITED");
                } else {
                    assertThat(response.statusCode()).isEqualTo(404);
                }
            }
            assertThat(limited).isGreaterThanOrEqualTo(10);
            for (int i = 0; i < 30; i++) {
                assertThat(server.get("/health").statusCode()).as("probes are never limited").isEqualTo(200);
            }
        }
    }

    /** Autocomplete waits for a model that never answers: each such request holds a REST thread. */
    @Test
    void fullRestQueueGives503AndHealthStillAnswers() throws Exception {
        try (ServerSocket silentModel = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             TestServer server = TestServer.start(TestDatabases.Kind.EMBEDDED, "--rest-threads", "1", "--rest-queue", "1",
                     "--completion-model-url", "http://127.0.0.1:" + silentModel.getLocalPort(),
                     "--completion-timeout-ms", "3000")) {
            List<Socket> accepted = new ArrayList<>();
            CompletableFuture.runAsync(() -> {
                try {
                    while (true) {
                        accepted.add(silentModel.accept());
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> server.post("/autocomplete/", "application/json",
                        "{\"code\":\"total = compute\",\"cursorPosition\":15,\"language\":\"python\"}")));
                Thread.sleep(150);
            }
            assertThat(server.get("/health").statusCode()).as("probes have threads of their own").isEqualTo(200);
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
            assertThat(statuses).containsExactlyInAnyOrder(200, 200, 503, 503);
            HttpResponse<String> busy = calls.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 503)
                    .findFirst().orElseThrow();
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(TestServer.json(busy.body()).get("code").asText()).isEqualTo("RATE_LIMITED");
        }
    }
}
