package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.ot.TextOperation;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real sockets, real database (PostgreSQL and the embedded default): clients editing one room. */
class CollaborationTest {
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private final List<AutoCloseable> open = new ArrayList<>();
    private TestServer server;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private <T extends AutoCloseable> T track(T closeable) {
        open.add(closeable);
        return closeable;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void seedClientsSeeEachOthersFullTextUpdates(TestDatabases.Kind store) throws Exception {
        server = TestServer.start(store);
        String room = server.createRoom();
        WsClient alice = track(WsClient.connect(server.ws("/ws/" + room)));
        WsClient bob = track(WsClient.connect(server.ws("/ws/" + room)));
        assertThat(alice.next().get("type").asText()).isEqualTo("initial_code");
        assertThat(bob.next().get("code").asText()).isEmpty();

        alice.send("{\"type\":\"code_update\",\"code\":\"print('hi')\"}");
        JsonNode update = bob.next("code_update");
        assertThat(update.get("code").asText()).isEqualTo("print('hi')");

        bob.send("{\"type\":\"code_update\",\"code\":\"print('hi there')\"}");
        assertThat(alice.next("code_update").get("code").asText()).isEqualTo("print('hi there')");
        assertThat(server.room(room).get("code").asText()).isEqualTo("print('hi there')");
        // The sender is not echoed its own text, as in the seed.
        assertThat(alice.poll(Duration.ofMillis(200))).isNull();

        WsClient carol = track(WsClient.connect(server.ws("/ws/" + room)));
        assertThat(carol.next().get("code").asText()).isEqualTo("print('hi there')");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void otClientsTypingConcurrentlyConvergeWithTheStoredText(TestDatabases.Kind store) throws Exception {
        server = TestServer.start(store);
        String room = server.createRoom();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<OtPeer> peers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            peers.add(track(OtPeer.join(server, room, "peer" + i)));
        }
        for (int step = 0; step < 300; step++) {
            OtPeer peer = peers.get(random.nextInt(peers.size()));
            if (random.nextInt(4) > 0) {
                peer.randomEdit(random);
            } else {
                peer.pump(Duration.ZERO);
            }
        }
        assertConverged(peers, room, "seed=" + seed);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void seedClientAndOtClientInteroperate(TestDatabases.Kind store) throws Exception {
        server = TestServer.start(store);
        String room = server.createRoom();
        WsClient seedClient = track(WsClient.connect(server.ws("/ws/" + room)));
        seedClient.next("initial_code");
        OtPeer ot = track(OtPeer.join(server, room, "ot"));

        seedClient.send("{\"type\":\"code_update\",\"code\":\"def f():\\n    return 1\\n\"}");
        ot.settle(SETTLE);
        waitForRevision(ot, 1);
        assertThat(ot.doc()).isEqualTo("def f():\n    return 1\n");

        ot.edit(TextOperation.builder().retain(20).delete(1).insert("42").retain(1).build());
        ot.settle(SETTLE);
        assertThat(seedClient.next("code_update").get("code").asText()).isEqualTo("def f():\n    return 42\n");

        // A seed client's whole text becomes a minimal edit, so an OT edit made concurrently (based on
        // the revision before it) is transformed past it and both survive.
        seedClient.send("{\"type\":\"code_update\",\"code\":\"def f():\\n    return 42\\n# end\\n\"}");
        awaitStoredRevision(room, 3);
        ot.edit(TextOperation.builder().insert("# top\n").retain(23).build()); // still based on revision 2
        ot.settle(SETTLE);
        waitForRevision(ot, 4);
        assertThat(ot.doc()).isEqualTo("# top\ndef f():\n    return 42\n# end\n");
        assertThat(server.room(room).get("code").asText()).isEqualTo(ot.doc());
        assertThat(seedClient.next("code_update").get("code").asText()).isEqualTo(ot.doc());
    }

    private void awaitStoredRevision(String room, long revision) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (server.room(room).get("revision").asLong() < revision && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void clientThatDropsMidBurstResubmitsWithoutDuplicatingOrLosingText(TestDatabases.Kind store) throws Exception {
        server = TestServer.start(store);
        String room = server.createRoom();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        OtPeer steady = track(OtPeer.join(server, room, "steady"));
        OtPeer flaky = track(OtPeer.join(server, room, "flaky"));
        for (int round = 0; round < 8; round++) {
            for (int i = 0; i < 15; i++) {
                flaky.randomEdit(random);
                steady.randomEdit(random);
                if (i % 3 == 0) {
                    steady.pump(Duration.ZERO);
                    flaky.pump(Duration.ZERO);
                }
            }
            flaky.disconnect(); // edits in flight: some stored, some not, acks lost
            for (int i = 0; i < 5; i++) {
                flaky.randomEdit(random); // typed while offline
                steady.randomEdit(random);
            }
            flaky.reconnect();
        }
        assertConverged(List.of(steady, flaky), room, "seed=" + seed);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void resentEditIsAppliedOnceAndAcknowledgedAgain(TestDatabases.Kind store) throws Exception {
        server = TestServer.start(store);
        String room = server.createRoom();
        WsClient raw = track(WsClient.connect(server.ws("/ws/" + room)));
        raw.next("initial_code");
        raw.send(Wire.hello("raw", 0));
        raw.next("joined");
        String op = "{\"type\":\"op\",\"clientId\":\"raw\",\"clientSeq\":1,\"baseRevision\":0,\"op\":[\"abc\"]}";
        raw.send(op);
        assertThat(raw.next("ack").get("revision").asLong()).isEqualTo(1);
        raw.send(op);
        JsonNode again = raw.next("ack");
        assertThat(again.get("revision").asLong()).isEqualTo(1);
        assertThat(again.get("clientSeq").asLong()).isEqualTo(1);
        assertThat(server.room(room).get("code").asText()).isEqualTo("abc");
        assertThat(server.room(room).get("revision").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void staleRevisionIsTransformedNotRejected(TestDatabases.Kind store) throws Exception {
        server = TestServer.start(store);
        String room = server.createRoom();
        OtPeer first = track(OtPeer.join(server, room, "first"));
        first.edit(TextOperation.builder().insert("hello world").build());
        first.settle(SETTLE);
        WsClient late = track(WsClient.connect(server.ws("/ws/" + room)));
        late.next("initial_code");
        late.send(Wire.hello("late", 1));
        late.next("joined");
        first.edit(TextOperation.builder().insert(">> ").retain(11).build()); // revision 2
        first.settle(SETTLE);
        // Based on revision 1, unaware of ">> ": inserts after "hello".
        late.send("{\"type\":\"op\",\"clientId\":\"late\",\"clientSeq\":1,\"baseRevision\":1,\"op\":[5,\",\",6]}");
        assertThat(late.next("ack").get("revision").asLong()).isEqualTo(3);
        assertThat(server.room(room).get("code").asText()).isEqualTo(">> hello, world");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void reconnectingClientGetsExactlyTheRevisionsItMissed(TestDatabases.Kind store) throws Exception {
        server = TestServer.start(store, "--history-window", "5");
        String room = server.createRoom();
        OtPeer writer = track(OtPeer.join(server, room, "writer"));
        for (int i = 0; i < 40; i++) {
            writer.edit(TextOperation.builder().retain(i).insert(Integer.toString(i % 10)).build());
            writer.settle(SETTLE);
        }
        WsClient reader = track(WsClient.connect(server.ws("/ws/" + room)));
        reader.next("initial_code");
        reader.send(Wire.hello("reader", 12));
        for (long expected = 13; expected <= 40; expected++) {
            JsonNode op = reader.next();
            assertThat(op.get("type").asText()).isEqualTo("op");
            assertThat(op.get("revision").asLong()).isEqualTo(expected);
        }
        assertThat(reader.next().get("type").asText()).isEqualTo("joined");
    }

    private void waitForRevision(OtPeer peer, long revision) {
        peer.pumpUntilRevision(revision, SETTLE);
    }

    private void assertConverged(List<OtPeer> peers, String room, String seed) {
        for (OtPeer peer : peers) {
            peer.settle(SETTLE);
        }
        long head = server.room(room).get("revision").asLong();
        for (OtPeer peer : peers) {
            waitForRevision(peer, head);
        }
        String stored = server.room(room).get("code").asText();
        for (OtPeer peer : peers) {
            assertThat(peer.errors()).as(seed).isEmpty();
            assertThat(peer.doc()).as(seed).isEqualTo(stored);
        }
    }
}
