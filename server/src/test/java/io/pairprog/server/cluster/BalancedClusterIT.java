package io.pairprog.server.cluster;

import static io.pairprog.server.cluster.ClusterIT.settle;
import static io.pairprog.server.cluster.ClusterIT.type;
import static io.pairprog.server.cluster.ClusterIT.verifyLog;
import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.Balancer;
import io.pairprog.server.support.Nodes;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The repository's HAProxy configuration, round-robin, in front of three nodes: every client and every
 * REST call goes through the one address, lands on any node, and a killed owner's clients come back
 * through the balancer by themselves.
 */
class BalancedClusterIT {

    @Test
    void clientsThroughARoundRobinBalancerShareARoomAcrossNodesAndSurviveTheOwnersDeath() throws Exception {
        long seed = Long.getLong("pairprog.seed", System.nanoTime());
        Random random = new Random(seed);
        try (Nodes nodes = Nodes.start(3, "--max-messages-per-second", "10000", "--lease-millis", "2000",
                "--max-connections-per-address", "100000");
             Balancer balancer = Balancer.inFrontOf(nodes)) {
            String base = "http://127.0.0.1:" + balancer.port();
            String room = TestServer.json(TestServer.send(HttpRequest.newBuilder(URI.create(base + "/rooms/"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).body()).get("roomId").asText();
            URI ws = URI.create("ws://127.0.0.1:" + balancer.port() + "/ws/" + room);
            List<OtPeer> peers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                peers.add(OtPeer.join(List.of(ws), 0, "lb-" + i));
            }
            type(peers, random, 120);
            settle(peers, nodes, room, seed);
            for (int i = 0; i < 3; i++) { // GET through the balancer, whichever node answers
                String code = TestServer.json(TestServer.send(HttpRequest.newBuilder(URI.create(base + "/rooms/" + room))
                        .build()).body()).get("code").asText();
                assertThat(code).as("seed=" + seed).isEqualTo(nodes.room(0, room).get("code").asText());
            }

            int owner = nodes.owner(room);
            nodes.node(owner).kill();
            type(peers, random, 60);
            settle(peers, nodes, room, seed);
            verifyLog(room, nodes, seed);
            peers.forEach(OtPeer::close);
        }
    }
}
