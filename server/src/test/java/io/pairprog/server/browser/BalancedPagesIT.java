package io.pairprog.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.Balancer;
import io.pairprog.server.support.Nodes;
import io.pairprog.server.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The web page behind the repository's round-robin HAProxy in front of three nodes: two people type, the
 * node that owns their room is killed, and the pages come back through the balancer by themselves, with
 * everything typed stored once and both texts equal to the stored one.
 */
class BalancedPagesIT {

    @Test
    void twoPagesBehindTheBalancerKeepTypingThroughTheDeathOfTheRoomsNode() throws Exception {
        Chromium.assumeInstalled();
        long seed = Long.getLong("pairprog.seed", System.nanoTime());
        Random random = new Random(seed);
        try (Nodes nodes = Nodes.start(3, "--lease-millis", "2000", "--max-connections-per-address", "100000");
             Balancer balancer = Balancer.inFrontOf(nodes)) {
            URI base = URI.create("http://127.0.0.1:" + balancer.port());
            String room = TestServer.json(TestServer.send(HttpRequest.newBuilder(base.resolve("/rooms/"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).body()).get("roomId").asText();
            List<Page> pages = Page.openAll(base, "Alice", "Bob");
            Page alice = pages.get(0);
            Page bob = pages.get(1);
            try {
                alice.join(room);
                bob.join(room);
                typeInTurns(alice, bob, random, 15);
                String before = awaitConvergence(nodes, room, alice, bob, seed);

                nodes.node(nodes.owner(room)).kill();
                typeInTurns(alice, bob, random, 10); // while the room moves
                String after = awaitConvergence(nodes, room, alice, bob, seed);
                assertThat(after).as("seed=%d: typing went on after the node died", seed).isNotEqualTo(before);
                nodes.assertLogIntact(room, seed);
            } finally {
                Page.closeAll(alice, bob);
            }
        }
    }

    private static void typeInTurns(Page alice, Page bob, Random random, int edits) {
        for (int i = 0; i < edits; i++) {
            (i % 2 == 0 ? alice : bob).randomEdit(random);
        }
    }

    private static String awaitConvergence(Nodes nodes, String room, Page alice, Page bob, long seed) {
        String[] stored = new String[1];
        alice.await("seed " + seed + ": both pages and the store agree", () -> {
            stored[0] = nodes.room(nodes.anyAlive(), room).get("code").asText();
            return alice.text().equals(stored[0]) && bob.text().equals(stored[0]);
        });
        return stored[0];
    }
}
