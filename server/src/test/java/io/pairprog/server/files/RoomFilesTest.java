package io.pairprog.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A room holds files (issue #21), over REST as curl uses it and over the WebSocket as a client follows
 * them: the main file is the seed's text, each other file is edited with the same acknowledgements, and
 * changes of the tree are live, durable and refused precisely when they cannot be.
 */
class RoomFilesTest {
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES, "--max-files-per-room", "20",
            "--max-messages-per-second", "100000");

    @Test
    void aNewRoomHoldsItsMainFileNamedAfterItsLanguageWhichIsTheSeedsText() {
        String room = server.createRoom();
        try (WsClient seed = server.seedClient(room)) {
            seed.send(Wire.codeUpdate("print('hi')\n"));
            awaitText(room, "main.py", "print('hi')\n");
        }
        JsonNode files = TestServer.json(server.get("/rooms/" + room + "/files").body()).get("files");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("path").asText()).isEqualTo("main.py");
        assertThat(files.get(0).get("main").asBoolean()).isTrue();
        assertThat(files.get(0).get("language").asText()).isEqualTo("python");
        assertThat(files.get(0).get("size").asLong()).isEqualTo(12);
        assertThat(server.room(room).get("code").asText()).isEqualTo("print('hi')\n");
    }

    @Test
    void filesWrittenOverRestArriveLiveAsOneEditAndCanBeMovedDeletedAndZipped() throws Exception {
        String room = server.createRoom();
        try (WsClient follower = server.otClient(room, "follower")) {
            follower.send("{\"type\":\"list_files\"}");
            assertThat(follower.next("files").get("files")).hasSize(1);

            assertThat(put(room, "src/app/util.js", "export const x = 1;\n").statusCode()).isEqualTo(200);
            JsonNode created = follower.next("file_changed");
            assertThat(created.get("change").asText()).isEqualTo("created");
            assertThat(created.get("path").asText()).isEqualTo("src/app/util.js");
            assertThat(created.get("language").asText()).isEqualTo("javascript");
            String file = created.get("id").asText();

            follower.send("{\"type\":\"open_file\",\"file\":\"" + file + "\"}");
            JsonNode opened = follower.next("initial_code");
            assertThat(opened.get("file").asText()).isEqualTo(file);
            assertThat(opened.get("code").asText()).isEqualTo("export const x = 1;\n");
            long revision = opened.get("revision").asLong();
            // The same client id in every file, proven by the token the room's joined gave.
            follower.send("{\"type\":\"hello\",\"file\":\"" + file + "\",\"clientId\":\"follower\",\"revision\":"
                    + revision + ",\"resumeToken\":\"" + follower.joined().get("resumeToken").asText() + "\"}");
            assertThat(follower.next("joined").get("file").asText()).isEqualTo(file);

            // Someone replaces the file over REST: the follower gets one op, for that file.
            assertThat(put(room, "src/app/util.js", "export const x = 2;\n").statusCode()).isEqualTo(200);
            JsonNode op = follower.next("op");
            assertThat(op.get("file").asText()).isEqualTo(file);
            assertThat(op.get("revision").asLong()).isEqualTo(revision + 1);

            // The follower edits the file; the edit is acknowledged for that file and stored.
            follower.send("{\"type\":\"op\",\"file\":\"" + file + "\",\"clientId\":\"follower\",\"clientSeq\":1,"
                    + "\"baseRevision\":" + (revision + 1) + ",\"op\":[\"// util\\n\",20]}");
            JsonNode ack = follower.next("ack");
            assertThat(ack.get("file").asText()).isEqualTo(file);
            assertThat(read(room, "src/app/util.js")).isEqualTo("// util\nexport const x = 2;\n");
            assertThat(server.room(room).get("code").asText()).as("the main file is untouched").isEmpty();

            assertThat(move(room, "src", "lib").statusCode()).isEqualTo(200);
            JsonNode moved = follower.next("file_changed");
            assertThat(moved.get("change").asText()).isEqualTo("moved");
            assertThat(moved.get("path").asText()).isEqualTo("lib/app/util.js");
            assertThat(moved.get("oldPath").asText()).isEqualTo("src/app/util.js");
            assertThat(read(room, "lib/app/util.js")).isEqualTo("// util\nexport const x = 2;\n");

            Map<String, String> zipped = unzip(room);
            assertThat(zipped).containsOnlyKeys("main.py", "lib/app/util.js");
            assertThat(zipped.get("lib/app/util.js")).isEqualTo("// util\nexport const x = 2;\n");

            assertThat(delete(room, "lib").statusCode()).isEqualTo(200);
            assertThat(follower.next("file_changed").get("change").asText()).isEqualTo("deleted");
            // An edit that arrives for the deleted file is refused, by its clientSeq, for that file.
            follower.send("{\"type\":\"op\",\"file\":\"" + file + "\",\"clientId\":\"follower\",\"clientSeq\":2,"
                    + "\"baseRevision\":" + (revision + 2) + ",\"op\":[\"late\",28]}");
            JsonNode refused = follower.next("error");
            assertThat(refused.get("code").asText()).isEqualTo("FILE_DELETED");
            assertThat(refused.get("clientSeq").asLong()).isEqualTo(2);
            assertThat(refused.get("file").asText()).isEqualTo(file);
            assertThat(server.get("/rooms/" + room + "/files/lib/app/util.js").statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "..%2Fetc%2Fpasswd|PATH_TRAVERSAL",
        "a/./b|PATH_TRAVERSAL",
        "a%5Cb.py|PATH_BAD_CHARACTER",
        "a%00b|PATH_BAD_CHARACTER",
        "a%0Ab|PATH_BAD_CHARACTER",
        "ab%3Ac|PATH_BAD_CHARACTER",
        "C%3A%2Fx|PATH_NOT_RELATIVE",
        "a//b|PATH_NOT_RELATIVE",
        "dir/|PATH_NOT_RELATIVE",
        "name.|PATH_BAD_CHARACTER",
    })
    void badPathsAreRefusedWithAPreciseCode(String encodedPath, String code) {
        String room = server.createRoom();
        HttpResponse<String> response = TestServer.send(HttpRequest.newBuilder(
                URI.create(server.http("/rooms/" + room + "/files/") + encodedPath))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(TestServer.json(response.body()).get("code").asText()).isEqualTo(code);
    }

    @Test
    void tooLongTooDeepAndFilesWhereFoldersAreAreRefused() {
        String room = server.createRoom();
        assertThat(codeOf(put(room, "a/".repeat(16) + "x", "x"))).isEqualTo("PATH_TOO_DEEP");
        assertThat(codeOf(put(room, "x".repeat(256), "x"))).isEqualTo("PATH_TOO_LONG");
        assertThat(put(room, "src/a.py", "x").statusCode()).isEqualTo(200);
        assertThat(codeOf(put(room, "src", "x"))).isEqualTo("PATH_CONFLICT");
        assertThat(codeOf(put(room, "src/a.py/b.py", "x"))).isEqualTo("PATH_CONFLICT");
        assertThat(codeOf(delete(room, "main.py"))).isEqualTo("MAIN_FILE");
        assertThat(codeOf(move(room, "src/a.py", "main.py"))).isEqualTo("PATH_TAKEN");
        HttpResponse<String> binary = TestServer.send(HttpRequest.newBuilder(server.http("/rooms/" + room + "/files/b.bin"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, 0, 1})).build());
        assertThat(binary.statusCode()).isEqualTo(422);
        assertThat(codeOf(binary)).isEqualTo("BINARY_FILE");
        for (int i = 0; i < 18; i++) {
            assertThat(put(room, "many/f" + i + ".txt", "").statusCode()).isEqualTo(200);
        }
        assertThat(codeOf(put(room, "many/one-too-many.txt", ""))).isEqualTo("TOO_MANY_FILES");
    }

    @Test
    void aRoomLoadedOnlyForAChangeOverRestLeavesMemoryAgain() {
        String room = server.createRoom();
        put(room, "a.txt", "hello");
        assertThat(move(room, "a.txt", "b.txt").statusCode()).isEqualTo(200);
        assertThat(delete(room, "b.txt").statusCode()).isEqualTo(200);
        java.util.UUID id = java.util.UUID.fromString(room);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.server().main().rooms().loaded(id).isPresent() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(server.server().main().rooms().loaded(id)).as("nobody is in the room").isEmpty();
    }

    @Test
    void twoClientsCreatingOnePathEndWithOneWinnerAndAClearMessageToTheOther() {
        String room = server.createRoom();
        try (WsClient ada = server.otClient(room, "ada"); WsClient bob = server.otClient(room, "bob")) {
            ada.send("{\"type\":\"list_files\"}");
            bob.send("{\"type\":\"list_files\"}");
            ada.next("files");
            bob.next("files");
            ada.send("{\"type\":\"create_file\",\"path\":\"notes.md\",\"text\":\"ada\",\"requestId\":7}");
            bob.send("{\"type\":\"create_file\",\"path\":\"notes.md\",\"text\":\"bob\",\"requestId\":9}");
            JsonNode created = ada.next("file_changed");
            assertThat(bob.next("file_changed").get("id")).isEqualTo(created.get("id"));
            String winner = created.get("clientId").asText();
            WsClient loser = winner.equals("ada") ? bob : ada;
            JsonNode error = loser.next("error");
            assertThat(error.get("code").asText()).isEqualTo("PATH_TAKEN");
            assertThat(error.get("requestId").asLong()).isEqualTo(winner.equals("ada") ? 9 : 7);
            awaitText(room, "notes.md", winner);
        }
    }

    @Test
    void aViewOnlyConnectionMayReadFilesButNotChangeThem() {
        String room = server.createRoom();
        put(room, "a.txt", "hello");
        String view = server.room(room).get("viewId").asText();
        try (WsClient viewer = server.connect("/ws/view/" + view)) {
            viewer.next("initial_code");
            viewer.send("{\"type\":\"list_files\"}");
            JsonNode files = viewer.next("files").get("files");
            assertThat(files).hasSize(2);
            viewer.send("{\"type\":\"delete_file\",\"path\":\"a.txt\",\"requestId\":1}");
            assertThat(viewer.next("error").get("code").asText()).isEqualTo("READ_ONLY");
        }
        assertThat(read(room, "a.txt")).isEqualTo("hello");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static HttpResponse<String> put(String room, String path, String text) {
        return TestServer.send(HttpRequest.newBuilder(server.http("/rooms/" + room + "/files/" + path))
                .PUT(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    private static HttpResponse<String> delete(String room, String path) {
        return TestServer.send(HttpRequest.newBuilder(server.http("/rooms/" + room + "/files/" + path)).DELETE().build());
    }

    private static HttpResponse<String> move(String room, String from, String to) {
        return server.post("/rooms/" + room + "/move", "application/json",
                "{\"from\":" + Wire.quote(from) + ",\"to\":" + Wire.quote(to) + "}");
    }

    private static String read(String room, String path) {
        HttpResponse<String> response = server.get("/rooms/" + room + "/files/" + path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String codeOf(HttpResponse<String> response) {
        return TestServer.json(response.body()).get("code").asText();
    }

    private static void awaitText(String room, String path, String text) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = server.get("/rooms/" + room + "/files/" + path);
            if (response.statusCode() == 200 && response.body().equals(text)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(read(room, path)).isEqualTo(text);
    }

    private static Map<String, String> unzip(String room) throws Exception {
        HttpResponse<byte[]> response = TestServer.sendBytes(HttpRequest.newBuilder(
                server.http("/rooms/" + room + "/archive.zip")).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
