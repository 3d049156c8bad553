package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.RawSocket;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input over the WebSocket and REST: every message gets an error (never an ack), nothing is
 * stored, the server keeps serving, and no error body carries markup back.
 */
class FuzzTest {
    private static final String MARKUP = "<script>alert(1)</script>";
    private static final long PROBE_SEQ = 1_000_000;
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES, "--max-message-bytes", "65536",
            "--max-messages-per-second", "100000");

    /** Hand-picked hostile messages, each a distinct way to be wrong. */
    private static List<String> handPicked() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        // Written by hand, hellos too: each is wrong on the wire in its own way, which Wire cannot build.
        return List.of(
                "", " ", "null", "true", "\"op\"", "[]", "{}", deep, "{\"type\":\"op\",\"x\":" + deep + "}",
                "{\"type\":\"op\",\"type\":\"hello\"}",
                "{\"type\":\"" + MARKUP + "\"}",
                "{\"type\":\"hello\",\"clientId\":\"" + MARKUP + "\",\"revision\":0}",
                "{\"type\":\"hello\",\"clientId\":\"fuzz\",\"revision\":-1}",
                "{\"type\":\"hello\",\"clientId\":\"fuzz\",\"revision\":\"0\"}",
                "{\"type\":\"hello\",\"clientId\":\"fuzz\",\"revision\":1e400}",
                "{\"type\":\"hello\",\"clientId\":\"fuzz\",\"revision\":99999999999999999999999}",
                "{\"type\":\"hello\",\"clientId\":\"fuzz\",\"revision\":9007199254740993}",
                op(1, 99, "[\"x\"]"), op(1, -5, "[\"x\"]"), op(1, 1, "[999999, \"x\"]"), op(1, 1, "[5, -99]"),
                op(1, 1, "[0]"), op(1, 1, "[-0]"), op(1, 1, "[5, 0]"), op(1, 1, "[2147483648]"),
                op(1, 1, "[5, \"\\ud83d\"]"), op(1, 1, "[5, \"\\udc00x\"]"), op(1, 1, "[1, \"x\", 4]"),
                op(1, 1, "[5, \"\\u0000\"]".replace("[5", "[5")), op(1, 1, "[true]"), op(1, 1, "[{}]"),
                op(1, 1, "\"x\""), op(1, 1, "null"), op(-1, 1, "[5, \"x\"]"),
                "{\"type\":\"op\",\"clientId\":\"someone-else\",\"clientSeq\":1,\"baseRevision\":1,\"op\":[5,\"x\"]}",
                "{\"type\":\"code_update\",\"code\":null}", "{\"type\":\"code_update\"}",
                "{\"type\":\"cursor\",\"revision\":1,\"ranges\":[{\"anchor\":6,\"head\":0}]}",
                "{\"type\":\"cursor\",\"revision\":1,\"ranges\":\"" + MARKUP + "\"}",
                "{\"type\":\"set_language\",\"language\":\"" + MARKUP + "\"}",
                "{\"type\":\"rename\",\"name\":\"\\u0000\"}",
                "{\"type\":\"op\",\"roomId\":\"00000000-0000-4000-8000-000000000000\",\"clientId\":\"fuzz\",\"clientSeq\":1,"
                        + "\"baseRevision\":1,\"op\":[9,\"x\"]}",
                "{\"type\":\"hello\",\"clientId\":\"" + "a".repeat(65) + "\",\"revision\":0}",
                "{\"type\":\"code_update\",\"code\":\"" + "z".repeat(60_000) + "\"}".repeat(2));
    }

    private static String op(long seq, long base, String ops) {
        return "{\"type\":\"op\",\"clientId\":\"fuzz\",\"clientSeq\":" + seq + ",\"baseRevision\":" + base + ",\"op\":" + ops + "}";
    }

    /** Random mutations of a valid op: flipped, dropped, duplicated and inserted characters. */
    private static List<String> mutations(long seed, int count) {
        Random random = new Random(seed);
        String valid = op(1, 1, "[5,\"x\"]");
        // No lone surrogates here: a Java client cannot put one in a text frame (invalidUtf8IsRefused sends
        // raw bytes instead); escaped ones (\\ud800 in JSON) are in the hand-picked list.
        String alphabet = "{}[]\",:0123456789-.e\\u\"aZ<>&\u0000 ";
        List<String> result = new ArrayList<>();
        while (result.size() < count) {
            StringBuilder s = new StringBuilder(valid);
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String mutated = s.toString();
            if (!mutated.equals(valid) && !mutated.replace(" ", "").equals(valid)) {
                result.add(mutated);
            }
        }
        return result;
    }

    @Test
    void hostileMessagesAreRefusedAndNothingIsStored() {
        String room = server.createRoom();
        long seed = System.nanoTime();
        try (WsClient client = WsClient.connect(server.ws("/ws/" + room))) {
            client.next("initial_code");
            client.send("{\"type\":\"code_update\",\"code\":\"hello\"}");
            awaitRevision(room, 1);
            client.send(Wire.hello("fuzz", 1));
            client.next("joined");
            List<String> inputs = new ArrayList<>(handPicked());
            inputs.addAll(mutations(seed, 500));
            for (String input : inputs) {
                client.send(input);
            }
            // A valid edit after all of them: it must be revision 2 if nothing hostile was stored, unless a
            // mutation happened to be a valid op with seq 1 — then this one is refused as a replay instead.
            // A clientSeq no mutation of "1" can reach (at most four characters change).
            client.send(op(PROBE_SEQ, 1, "[5,\"!\"]"));
            List<JsonNode> replies = new ArrayList<>();
            JsonNode reply;
            do {
                reply = client.next();
                replies.add(reply);
            } while (!(reply.path("type").asText().equals("ack") && reply.path("clientSeq").asLong() == PROBE_SEQ));
            for (JsonNode r : replies) {
                assertThat(r.toString()).as("seed=" + seed).doesNotContain("<script").doesNotContain("<");
            }
            long acks = replies.stream().filter(r -> r.path("type").asText().equals("ack"))
                    .map(r -> r.get("revision").asLong()).distinct().count(); // a replayed seq is re-acknowledged
            JsonNode stored = server.room(room);
            assertThat(stored.get("revision").asLong()).as("seed=" + seed + ": only valid edits stored").isEqualTo(1 + acks);
            assertThat(stored.get("code").asText()).as("seed=" + seed + ": the probe edit is stored").contains("!");
        }
    }

    @Test
    void binaryFrameClosesThatConnectionOnly() throws Exception {
        String room = server.createRoom();
        try (WsClient bystander = WsClient.connect(server.ws("/ws/" + room));
             WsClient binary = WsClient.connect(server.ws("/ws/" + room))) {
            bystander.next("initial_code");
            binary.next("initial_code");
            binary.sendBinary(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff}));
            assertThat(binary.closeCode()).isEqualTo(1003);
            bystander.send("{\"type\":\"code_update\",\"code\":\"still here\"}");
            awaitRevision(room, 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "%2e%2e%2f", "%2e%2e%2F%2e%2e%2Fetc%2Fpasswd", "%zz", "%", "'%20OR%201=1--",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "<script>", "00000000-0000-4000-8000-000000000000%00"})
    void hostileRoomIdsAreRefused(String id) throws Exception {
        int port = server.http("/").getPort();
        try (RawSocket socket = new RawSocket(port)) {
            String status = socket.get("/rooms/" + id);
            assertThat(status).as(id).matches("HTTP/1\\.1 4\\d\\d .*");
        }
        try (RawSocket socket = new RawSocket(port)) {
            String head = socket.upgrade("/ws/" + id);
            if (head.startsWith("HTTP/1.1 101")) {
                assertThat(socket.closeCode()).as(id).isIn(4400, 4404);
            } else {
                assertThat(head).as(id).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
            }
        }
    }

    @Test
    void invalidUtf8InATextFrameClosesThatConnection() throws Exception {
        String room = server.createRoom();
        try (RawSocket socket = new RawSocket(server.http("/").getPort())) {
            assertThat(socket.upgrade("/ws/" + room)).startsWith("HTTP/1.1 101");
            socket.textFrame(new byte[] {'{', (byte) 0xc3, (byte) 0x28, '}'});
            assertThat(socket.closeCode()).isIn(1007, 1002, -1);
        }
        assertThat(server.post("/rooms/", null, null).statusCode()).as("still serving").isEqualTo(200);
        assertThat(server.room(room).get("revision").asLong()).isZero();
    }

    @Test
    void veryLongRoomIdIsRefused() throws Exception {
        // Over Grizzly's 8 KiB header limit: refused before any handler runs, and the connection is closed
        // (a pooled HTTP client would reuse it, so this goes over a socket of its own).
        try (RawSocket socket = new RawSocket(server.http("/").getPort())) {
            assertThat(socket.get("/rooms/" + "a".repeat(10_000))).matches("HTTP/1\\.1 4\\d\\d .*");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"})
    void wrongContentTypesGive415(String type) {
        HttpResponse<String> response = server.post("/autocomplete/", type, "{\"code\":\"x\",\"cursorPosition\":0}");
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(TestServer.json(response.body()).get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void hostileRestBodiesGiveJsonErrorsWithoutMarkup() {
        Random random = new Random(7);
        for (String body : mutations(11, 200)) {
            String json = body.replace("\"type\":\"op\"", "\"code\":\"" + (random.nextBoolean() ? MARKUP : "x") + "\"");
            HttpResponse<String> response = server.post("/autocomplete/", "application/json", json);
            assertThat(response.statusCode()).as(json).isBetween(200, 499);
            assertThat(response.body()).as(json).doesNotContain("<script");
            if (response.statusCode() >= 400) {
                assertThat(TestServer.json(response.body()).get("code").asText()).isNotBlank();
            }
        }
        HttpResponse<String> huge = TestServer.send(HttpRequest.newBuilder(URI.create(server.http("/rooms/").toString()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"language\":\"" + "p".repeat(200_000) + "\"}")).build());
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(server.post("/rooms/", null, null).statusCode()).as("still serving").isEqualTo(200);
    }

    private static void awaitRevision(String room, long revision) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.room(room).get("revision").asLong() < revision) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("room never reached revision " + revision);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
