package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who is in the room, where their cursors are, and the room's language, over real sockets. */
class PresenceTest {
    private static TestServer server;
    private final List<WsClient> clients = new ArrayList<>();
    private String room;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TestDatabases.Kind.POSTGRES);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void createRoom() {
        room = server.createRoom();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
    }

    private WsClient join(String clientId, String name) {
        WsClient c = WsClient.connect(server.ws("/ws/" + room));
        clients.add(c);
        long revision = c.next("initial_code").get("revision").asLong();
        c.send("{\"type\":\"hello\",\"clientId\":\"" + clientId + "\",\"revision\":" + revision
                + (name == null ? "" : ",\"name\":\"" + name + "\"") + "}");
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
        WsClient carol = WsClient.connect(server.ws("/ws/" + room));
        clients.add(carol);
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
