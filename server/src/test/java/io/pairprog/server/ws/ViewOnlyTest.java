package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.protocol.CloseCodes;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * View-only links over raw WebSockets: a viewer sees everything live, changes nothing whatever it sends,
 * and never learns the room id.
 */
class ViewOnlyTest {
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES);
    /** Every frame the viewer received, to check that none of them names the room. */
    private final List<String> viewerFrames = new ArrayList<>();
    private String room;
    private String viewId;

    @BeforeEach
    void createRoom() {
        JsonNode created = TestServer.json(server.post("/rooms/", null, null).body());
        room = created.get("roomId").asText();
        viewId = created.get("viewId").asText();
    }

    private WsClient connect(String path) {
        return server.connect(path);
    }

    private WsClient editor(String clientId) {
        return server.otClient("/ws/" + room, clientId, "Ed");
    }

    /** The viewer's next frame of {@code type}, every frame on the way recorded. */
    private JsonNode viewerNext(WsClient viewer, String type) {
        while (true) {
            String raw = viewer.poll(Duration.ofSeconds(10));
            assertThat(raw).as("a %s frame for the viewer", type).isNotNull();
            viewerFrames.add(raw);
            JsonNode message = TestServer.json(raw);
            if (message.get("type").asText().equals(type)) {
                return message;
            }
        }
    }

    private WsClient viewer(String clientId) {
        WsClient v = connect("/ws/view/" + viewId);
        viewerNext(v, "initial_code");
        v.send(Wire.hello(clientId, 0, "Vi", null));
        return v;
    }

    @Test
    void viewerSeesTheTextLiveAndIsListedAsAViewer() {
        WsClient ed = editor("ed");
        ed.send("{\"type\":\"op\",\"clientId\":\"ed\",\"clientSeq\":1,\"baseRevision\":0,\"op\":[\"hello\"]}");
        ed.next("ack");
        WsClient viewer = viewer("vi");
        assertThat(viewerNext(viewer, "op").get("op").get(0).asText()).isEqualTo("hello");
        JsonNode joined = viewerNext(viewer, "joined");
        assertThat(joined.get("readOnly").asBoolean()).isTrue();
        assertThat(joined.get("participants").findValuesAsText("role")).containsExactlyInAnyOrder("editor", "viewer");
        JsonNode announced = ed.next("participant");
        assertThat(announced.get("clientId").asText()).isEqualTo("vi");
        assertThat(announced.get("role").asText()).isEqualTo("viewer");

        ed.send("{\"type\":\"op\",\"clientId\":\"ed\",\"clientSeq\":2,\"baseRevision\":1,\"op\":[5,\" world\"]}");
        ed.next("ack");
        JsonNode live = viewerNext(viewer, "op");
        assertThat(live.get("revision").asLong()).isEqualTo(2);
        ed.send("{\"type\":\"cursor\",\"revision\":2,\"ranges\":[{\"anchor\":3,\"head\":3}]}");
        assertThat(viewerNext(viewer, "cursor").get("clientId").asText()).isEqualTo("ed");
        ed.send("{\"type\":\"set_language\",\"language\":\"go\"}");
        assertThat(viewerNext(viewer, "language").get("language").asText()).isEqualTo("go");
        viewer.send("{\"type\":\"rename\",\"name\":\"Viv\"}");
        assertThat(ed.next("participant").get("name").asText()).isEqualTo("Viv");
        assertThat(viewerFrames).noneMatch(frame -> frame.contains(room));
    }

    @Test
    void everyKindOfChangeFromAViewerIsRefusedAndNothingChanges() {
        WsClient ed = editor("ed");
        ed.send("{\"type\":\"op\",\"clientId\":\"ed\",\"clientSeq\":1,\"baseRevision\":0,\"op\":[\"keep\"]}");
        ed.next("ack");
        WsClient viewer = viewer("vi");
        viewerNext(viewer, "joined");
        viewer.send("{\"type\":\"op\",\"clientId\":\"vi\",\"clientSeq\":1,\"baseRevision\":1,\"op\":[\"x\",4]}");
        JsonNode refused = viewerNext(viewer, "error");
        assertThat(refused.get("code").asText()).isEqualTo("READ_ONLY");
        assertThat(refused.get("clientSeq").asLong()).isEqualTo(1);
        for (String change : List.of(
                "{\"type\":\"code_update\",\"code\":\"overwritten\"}",
                "{\"type\":\"set_language\",\"language\":\"java\"}",
                "{\"type\":\"cursor\",\"revision\":1,\"ranges\":[{\"anchor\":0,\"head\":2}]}",
                // Posing as the editor does not help: the connection, not the message, decides.
                "{\"type\":\"op\",\"clientId\":\"ed\",\"clientSeq\":9,\"baseRevision\":1,\"op\":[\"y\",4]}")) {
            viewer.send(change);
            JsonNode error = viewerNext(viewer, "error");
            assertThat(error.get("code").asText()).as(change).isIn("READ_ONLY", "CLIENT_ID_MISMATCH");
        }
        // The editor keeps working, and saw none of it.
        ed.send("{\"type\":\"op\",\"clientId\":\"ed\",\"clientSeq\":2,\"baseRevision\":1,\"op\":[4,\"!\"]}");
        ed.next("ack");
        JsonNode stored = server.room(room);
        assertThat(stored.get("code").asText()).isEqualTo("keep!");
        assertThat(stored.get("language").asText()).isEqualTo("python");
        assertThat(viewerNext(viewer, "op").get("revision").asLong()).isEqualTo(2);
    }

    @Test
    void aSeedStyleViewerThatNeverSaysHelloIsAlsoRefused() {
        WsClient viewer = connect("/ws/view/" + viewId);
        viewerNext(viewer, "initial_code");
        viewer.send("{\"type\":\"code_update\",\"code\":\"seed overwrite\"}");
        assertThat(viewerNext(viewer, "error").get("code").asText()).isEqualTo("READ_ONLY");
        WsClient ed = editor("ed");
        ed.send("{\"type\":\"op\",\"clientId\":\"ed\",\"clientSeq\":1,\"baseRevision\":0,\"op\":[\"typed\"]}");
        ed.next("ack");
        assertThat(viewerNext(viewer, "code_update").get("code").asText()).isEqualTo("typed");
        assertThat(server.room(room).get("code").asText()).isEqualTo("typed");
    }

    @Test
    void unknownOrMalformedViewLinksAreRefusedWithoutNamingAnyRoom() {
        for (String bad : List.of("AAAAAAAAAAAAAAAAAAAAAA", "short", room)) {
            WsClient c = connect("/ws/view/" + bad);
            JsonNode error = TestServer.json(c.poll(Duration.ofSeconds(10)));
            assertThat(error.get("code").asText()).isEqualTo("ROOM_NOT_FOUND");
            assertThat(c.closeCode()).isEqualTo(CloseCodes.ROOM_NOT_FOUND);
        }
    }

    @Test
    void theRoomIdStillGrantsEditingAndTheViewIdDoesNot() {
        assertThat(viewId).isNotEqualTo(room).doesNotContain(room.replace("-", "").substring(0, 8));
        WsClient byViewIdAsRoom = connect("/ws/" + viewId);
        assertThat(TestServer.json(byViewIdAsRoom.poll(Duration.ofSeconds(10))).get("code").asText())
                .isEqualTo("INVALID_ROOM_ID");
    }
}
