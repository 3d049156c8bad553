package io.pairprog.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.ot.TextOperation;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one database race for the same revisions of one room: the database keeps one operation
 * per revision, and the loser transforms its edits past the winner's and stores them after.
 */
class CommitRaceTest {
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Test
    void losersOfARevisionRaceAreTransformedAndRetried() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (TestServer a = TestServer.start(TestDatabases.Kind.POSTGRES);
             TestServer b = TestServer.start(TestDatabases.Kind.POSTGRES)) {
            String room = a.createRoom();
            try (OtPeer onA = OtPeer.join(a, room, "on-a"); OtPeer onB = OtPeer.join(b, room, "on-b")) {
                for (int i = 0; i < 200; i++) {
                    (random.nextBoolean() ? onA : onB).randomEdit(random);
                    onA.pump(Duration.ZERO);
                    onB.pump(Duration.ZERO);
                }
                onA.settle(SETTLE);
                onB.settle(SETTLE);
                assertThat(onA.errors()).as("seed=" + seed).isEmpty();
                assertThat(onB.errors()).as("seed=" + seed).isEmpty();

                List<LoggedOperation> log = TestDatabases.postgresLog(room);
                assertThat(log).extracting(LoggedOperation::revision).as("no gap, no duplicate")
                        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, log.size()).boxed().toList());
                Map<String, List<Long>> seqs = log.stream().collect(Collectors.groupingBy(LoggedOperation::clientId,
                        Collectors.mapping(LoggedOperation::clientSeq, Collectors.toList())));
                for (List<Long> perClient : seqs.values()) {
                    assertThat(perClient).as("every acknowledged edit stored once, in order")
                            .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, perClient.size()).boxed().toList());
                }
                String replayed = "";
                for (LoggedOperation op : log) {
                    replayed = op.operation().apply(replayed);
                }
                assertThat(a.room(room).get("code").asText()).isEqualTo(replayed);

                // Each server learns the other's revisions when its next commit races, and its clients converge.
                for (OtPeer peer : List.of(onA, onB)) {
                    peer.edit(TextOperation.builder().retain(peer.doc().length()).insert(".").build());
                    peer.settle(SETTLE);
                    long head = a.room(room).get("revision").asLong();
                    peer.pumpUntilRevision(head, SETTLE);
                    assertThat(peer.doc()).as("seed=" + seed).isEqualTo(a.room(room).get("code").asText());
                }
            }
        }
    }
}
