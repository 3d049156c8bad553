package io.pairprog.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.protocol.CloseCodes;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Behind a load balancer every connection comes from the balancer: its X-Forwarded-For names the client
 * for the per-address limits, but only when the balancer is a trusted proxy; anyone else's header is
 * ignored, so nobody can pick an address to get around the limits.
 */
class TrustedProxyTest {
    private final List<WsClient> open = new ArrayList<>();

    @AfterEach
    void closeAll() {
        open.forEach(WsClient::close);
    }

    @Test
    void theRightmostUntrustedForwardedAddressIsTheClient() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.2", "10.0.0.3"));
        assertThat(addresses.of("10.0.0.2", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(addresses.of("10.0.0.2", "198.51.100.1, 203.0.113.7, 10.0.0.3")).isEqualTo("203.0.113.7");
        assertThat(addresses.of("10.0.0.2", null)).isEqualTo("10.0.0.2");
        assertThat(addresses.of("10.0.0.2", "evil.example, 203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(addresses.of("10.0.0.2", "203.0.113.7, <script>")).as("malformed: nothing believed")
                .isEqualTo("10.0.0.2");
        assertThat(addresses.of("192.0.2.9", "203.0.113.7")).as("not a trusted proxy").isEqualTo("192.0.2.9");
        assertThat(ClientAddresses.none().of("10.0.0.2", "203.0.113.7")).isEqualTo("10.0.0.2");
    }

    private WsClient connect(RealServer server, String room, String forwardedFor) {
        WsClient client = WsClient.connectWith(server.ws("/ws/" + room), Map.of("X-Forwarded-For", forwardedFor));
        open.add(client);
        return client;
    }

    private static boolean refused(WsClient client) {
        return client.closeCode() == CloseCodes.TOO_MANY_CONNECTIONS;
    }

    @Nested
    class BehindATrustedBalancer {
        @RegisterExtension
        static final RealServer server = RealServer.on(TestDatabases.Kind.EMBEDDED, "--trusted-proxies", "127.0.0.1",
                "--max-connections-per-address", "2");

        @Test
        void eachForwardedClientHasItsOwnLimit() {
            String room = server.createRoom();
            for (String client : List.of("203.0.113.1", "203.0.113.2", "203.0.113.3")) {
                connect(server, room, client).next("initial_code");
            }
            connect(server, room, "203.0.113.9").next("initial_code");
            connect(server, room, "203.0.113.9").next("initial_code");
            assertThat(refused(connect(server, room, "203.0.113.9"))).as("the third from one client").isTrue();
        }
    }

    @Nested
    class WithoutTrustedProxies {
        @RegisterExtension
        static final RealServer server = RealServer.on(TestDatabases.Kind.EMBEDDED, "--max-connections-per-address", "2");

        @Test
        void aForwardedForHeaderChangesNothing() {
            String room = server.createRoom();
            connect(server, room, "203.0.113.1").next("initial_code");
            connect(server, room, "203.0.113.2").next("initial_code");
            assertThat(refused(connect(server, room, "203.0.113.3"))).as("all three come from 127.0.0.1").isTrue();
        }
    }
}
