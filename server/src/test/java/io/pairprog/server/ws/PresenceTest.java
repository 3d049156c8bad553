package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who is in the room, where their cursors are, and the room's language, over real sockets. */
class PresenceTest {
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES);
    private String room;

    @BeforeEach
    void createRoom() {
        room = server.createRoom();
    }

    /** An OT client that has sent its hello; the test reads its joined. */
    private WsClient join(String clientId, String name) {
        WsClient c = server.connect("/ws/" + room);
        long revision = c.next("initial_code").get("revision").asLong();
        c.send(Wire.hello(clientId, revision, name, null));
        return c;
    }

    @Test
    void joinListsEveryoneAndAnnouncesTheNewcomerWithDistinctColours() {
        WsClient ann = join("ann", "Ann");
        JsonNode annJoined = ann.next("joined");
        assertThat(annJoined.get("participants")).hasSize(1);
        WsClient bob = join("bob", "Bob <b>");
        JsonNode bobJoined = bob.next("joined");
        assertThat(bobJoined.get("participants").findValuesAsText("name")).containsExactlyInAnyOrder("Ann", "Bob <b>");
        assertThat(bobJoined.get("color").asText()).isNotEqualTo(annJoined.get("color").asText());
        JsonNode announced = ann.next("participant");
        assertThat(announced.get("clientId").asText()).isEqualTo("bob");
        assertThat(announced.get("name").asText()).isEqualTo("Bob <b>");
        assertThat(announced.get("color").asText()).isEqualTo(bobJoined.get("color").asText());
    }

    @Test
    void participantWithoutNameGetsAGuestName() {
        WsClient anon = join("zed123", null);
        assertThat(anon.next("joined").get("participants").get(0).get("name").asText()).isEqualTo("Guest zed1");
    }

    @Test
    void leavingIsAnnounced() {
        WsClient ann = join("ann", "Ann");
        ann.next("joined");
        WsClient bob = join("bob", "Bob");
        bob.next("joined");
        bob.close();
        assertThat(ann.next("participant_left").get("clientId").asText()).isEqualTo("bob");
    }

    @Test
    void cursorIsTransformedToTheStoredHeadBeforeItIsPassedOn() {
        WsClient ann = join("ann", "Ann");
        ann.next("joined");
        ann.send("{\"type\":\"op\",\"clientId\":\"ann\",\"clientSeq\":1,\"baseRevision\":0,\"op\":[\"hello world\"]}");
        ann.next("ack");
        WsClient bob = join("bob", "Bob");
        bob.next("joined");
        ann.send("{\"type\":\"op\",\"clientId\":\"ann\",\"clientSeq\":2,\"baseRevision\":1,\"op\":[\">> \",11]}");
        ann.next("ack");
        // Bob selected "world" in revision 1, before Ann's insert at the start reached him.
        bob.send("{\"type\":\"cursor\",\"revision\":1,\"ranges\":[{\"anchor\":6,\"head\":11}]}");
        JsonNode cursor = ann.next("cursor");
        assertThat(cursor.get("clientId").asText()).isEqualTo("bob");
        assertThat(cursor.get("revision").asLong()).isEqualTo(2);
        assertThat(cursor.get("ranges").get(0).get("anchor").asInt()).isEqualTo(9);
        assertThat(cursor.get("ranges").get(0).get("head").asInt()).isEqualTo(14);
        // Someone joining later sees Bob's cursor at once.
        WsClient carol = join("carol", "Carol");
        carol.next("joined");
        assertThat(carol.next("cursor").get("clientId").asText()).isEqualTo("bob");
    }

    @Test
    void cursorOutsideTheDocumentIsRefused() {
        WsClient ann = join("ann", "Ann");
        ann.next("joined");
        ann.send("{\"type\":\"cursor\",\"revision\":0,\"ranges\":[{\"anchor\":0,\"head\":5}]}");
        assertThat(ann.next("error").get("code").asText()).isEqualTo("MALFORMED_MESSAGE");
    }

    @Test
    void renameReachesEveryone() {
        WsClient ann = join("ann", "Ann");
        ann.next("joined");
        WsClient bob = join("bob", "Bob");
        bob.next("joined");
        assertThat(ann.next("participant").get("name").asText()).isEqualTo("Bob");
        bob.send("{\"type\":\"rename\",\"name\":\"Robert\"}");
        assertThat(ann.next("participant").get("name").asText()).isEqualTo("Robert");
        assertThat(bob.next("participant").get("name").asText()).isEqualTo("Robert");
    }

    @Test
    void languageChangeIsStoredAndReachesEveryone() {
        WsClient ann = join("ann", "Ann");
        ann.next("joined");
        WsClient bob = join("bob", "Bob");
        bob.next("joined");
        bob.send("{\"type\":\"set_language\",\"language\":\"go\"}");
        assertThat(ann.next("language").get("language").asText()).isEqualTo("go");
        assertThat(bob.next("language").get("clientId").asText()).isEqualTo("bob");
        assertThat(server.room(room).get("language").asText()).isEqualTo("go");
        WsClient carol = server.connect("/ws/" + room);
        assertThat(carol.next("initial_code").get("language").asText()).isEqualTo("go");
    }

    @Test
    void unknownLanguageIsRefused() {
        WsClient ann = join("ann", "Ann");
        ann.next("joined");
        ann.send("{\"type\":\"set_language\",\"language\":\"cobol\"}");
        assertThat(ann.next("error").get("code").asText()).isEqualTo("MALFORMED_MESSAGE");
        assertThat(server.room(room).get("language").asText()).isEqualTo("python");
    }
}
