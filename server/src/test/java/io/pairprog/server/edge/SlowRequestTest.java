package io.pairprog.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.ot.TextOperation;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests whose bodies arrive a byte at a time (slowloris) hold no thread: WebSocket edits in other rooms
 * keep being acknowledged at once, {@code /health} answers, and each slow request ends with 408.
 */
class SlowRequestTest {
    private static final int SLOW_REQUESTS = 8;
    private static final int BODY_TIMEOUT_SECONDS = 4;
    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.POSTGRES,
            "--http-body-timeout-seconds", Integer.toString(BODY_TIMEOUT_SECONDS));

    @Test
    void slowBodiesStallNeitherEditsNorHealthAndEndWith408() throws Exception {
        try (OtPeer ann = OtPeer.join(server.server(), server.createRoom(), "ann")) {
            List<SlowClient> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_REQUESTS; i++) {
                slow.add(SlowClient.connect(server.http("/").getPort()).send("POST /rooms/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"));
            }
            long started = System.nanoTime();
            long worstAckMillis = 0;
            long worstHealthMillis = 0;
            for (int i = 0; i < 12; i++) {
                for (SlowClient client : slow) {
                    client.send(" ");
                }
                long sent = System.nanoTime();
                ann.edit(TextOperation.builder().retain(ann.doc().length()).insert("x").build());
                ann.settle(Duration.ofSeconds(60));
                worstAckMillis = Math.max(worstAckMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                long asked = System.nanoTime();
                assertThat(health(server)).startsWith("HTTP/1.1 200");
                worstHealthMillis = Math.max(worstHealthMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked));
                Thread.sleep(250);
            }
            System.out.printf("SlowRequestTest: slowest ack %d ms, slowest /health %d ms%n", worstAckMillis, worstHealthMillis);
            assertThat(worstAckMillis).as("slowest ack while %d bodies dribble in", SLOW_REQUESTS).isLessThan(1000);
            assertThat(worstHealthMillis).as("slowest /health").isLessThan(1000);
            for (SlowClient client : slow) {
                assertThat(client.head(Duration.ofSeconds(BODY_TIMEOUT_SECONDS + 5))).startsWith("HTTP/1.1 408");
                assertThat(client.closedWithin(Duration.ofSeconds(3))).as("closed after the 408").isTrue();
                client.close();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(BODY_TIMEOUT_SECONDS + 8));
            assertThat(ann.errors()).isEmpty();
        }
    }

    /** On a fresh connection each time: a pooled one would not notice a stalled accept. */
    private static String health(RealServer server) throws Exception {
        try (SlowClient client = SlowClient.connect(server.http("/").getPort())) {
            return client.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .head(Duration.ofSeconds(30));
        }
    }
}
