package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.ot.TextOperation;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seed client's whole text crossing an OT client's edit on the wire: the seed client typed on the text
 * it had, not on the one already on its way to it. Neither person's typing may be lost or undone.
 */
class SeedClientRaceTest {
    private static final String START = "alpha beta gamma delta\n";

    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES);

    @ParameterizedTest(name = "seed update sent {0} ms after the OT edit")
    @ValueSource(ints = {0, 2, 5, 10, 20, 35, 50})
    void anOtInsertElsewhereSurvivesACrossingSeedUpdate(int delayMillis) throws Exception {
        String room = roomHolding(START);
        try (OtPeer ot = OtPeer.join(server.server(), room, "ot")) {
            WsClient seed = server.seedClient(room);
            ot.edit(TextOperation.builder().retain(START.length()).insert("// ot was here\n").build());
            ot.pump(Duration.ZERO);
            Thread.sleep(delayMillis);
            seed.send(Wire.codeUpdate("ALPHA beta gamma delta\n")); // typed on the text it had: the OT insert not yet seen
            ot.settle(Duration.ofSeconds(10));

            String expected = "ALPHA beta gamma delta\n// ot was here\n";
            awaitStored(room, expected);
            ot.pumpUntilRevision(server.room(room).get("revision").asLong(), Duration.ofSeconds(10));
            assertThat(ot.doc()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "seed update sent {0} ms after the OT delete")
    @ValueSource(ints = {0, 2, 5, 10, 20, 35, 50})
    void anOtDeleteElsewhereIsNotUndoneByACrossingSeedUpdate(int delayMillis) throws Exception {
        String room = roomHolding(START);
        try (OtPeer ot = OtPeer.join(server.server(), room, "ot")) {
            WsClient seed = server.seedClient(room);
            int gamma = START.indexOf("gamma ");
            ot.edit(TextOperation.builder().retain(gamma).delete("gamma ".length())
                    .retain(START.length() - gamma - "gamma ".length()).build());
            ot.pump(Duration.ZERO);
            Thread.sleep(delayMillis);
            seed.send(Wire.codeUpdate("alpha beta gamma delta\nepsilon\n"));
            ot.settle(Duration.ofSeconds(10));

            awaitStored(room, "alpha beta delta\nepsilon\n");
        }
    }

    private static String roomHolding(String text) throws InterruptedException {
        String room = server.createRoom();
        server.seedClient(room).send(Wire.codeUpdate(text));
        awaitStored(room, text);
        return room;
    }


    /** Waits until everything queued is stored, then compares the stored text. */
    private static void awaitStored(String room, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String stored;
        do {
            stored = server.room(room).get("code").asText();
            if (stored.equals(expected)) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertThat(stored).isEqualTo(expected);
    }
}
