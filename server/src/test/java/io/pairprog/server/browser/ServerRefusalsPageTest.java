package io.pairprog.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's reactions to the server's refusals, as {@code protocol.js} decides them, against a real server
 * that allows two messages per second (bursts of four), so typing hits the rate limit.
 */
class ServerRefusalsPageTest {
    @RegisterExtension
    static final BrowserPages browser = BrowserPages.on(TestDatabases.Kind.POSTGRES, "--max-messages-per-second", "2")
            .named("Ada");
    private static final RealServer server = browser.server();
    private final Page page = browser.page();

    private static String storedText(String room) {
        return server.room(room).get("code").asText();
    }

    @Test
    void anEditDroppedByTheRateLimitIsResentAndStoredOnce() throws Exception {
        String room = server.createRoom();
        String typed = "the quick brown fox jumps over the lazy dog";
        try (AutoCloseable recording = page.recordWebSockets()) {
            page.join(room);
            page.type(typed);
            page.awaitSettled();
            assertThat(page.receivedErrors()).as("the server dropped an edit for the rate")
                    .anyMatch(e -> "RATE_LIMITED".equals(e.get("code")) && e.get("clientSeq") != null);
        }
        assertThat(storedText(room)).isEqualTo(typed).isEqualTo(page.text());
        assertThat(page.webSocketUrls()).as("resent on the same connection").hasSize(1);
    }

    @Test
    void anEditRefusedForAClientIdMismatchIsStoredAfterCatchingUp() throws Exception {
        String room = server.createRoom();
        try (AutoCloseable recording = page.recordWebSockets(); AutoCloseable misnamed = page.misnameFirstEdit("someone-else")) {
            page.join(room);
            page.type("hi");
            page.awaitSettled();
            assertThat(page.receivedErrors()).extracting(e -> e.get("code")).contains("CLIENT_ID_MISMATCH");
        }
        assertThat(storedText(room)).isEqualTo("hi").isEqualTo(page.text());
        assertThat(page.toasts()).noneMatch(t -> t.contains("reloaded"));
    }

    /**
     * The page's own origin is always allowed, so the refusal is made with a socket to the same server under
     * another name ({@code localhost} for {@code 127.0.0.1}): the server sees a foreign {@code Origin}.
     */
    @Test
    void aSocketRefusedForItsOriginIsNeverOpenedAgain() throws Exception {
        String room = server.createRoom();
        try (AutoCloseable recording = page.recordWebSockets()) {
            page.get("/");
            page.asyncScript("""
                    const [url, done] = arguments;
                    Promise.all([import('/socket-adapter.js'), import('/room-client.js')]).then(([{ SocketAdapter }, { RoomClient }]) => {
                      window.statuses = [];
                      const socket = new SocketAdapter(url);
                      const timers = { schedule: (ms, task) => { const t = setTimeout(task, ms); return () => clearTimeout(t); } };
                      const client = new RoomClient(() => 'refused-origin', 'Ada', false, socket, timers, { reset() {}, applyRemote() {} }, {
                        status: (s) => window.statuses.push(s.phase.toLowerCase() + ' ' + (s.cause ? s.cause.code : '')),
                        closed: (code) => window.statuses.push('gone ' + code),
                      });
                      socket.registerCallbacks({ opened: () => client.opened(), message: (m) => client.receive(m),
                        closed: (code, reason) => client.closed(code, reason) });
                      client.start();
                      done();
                    });""", "ws://localhost:" + server.server().main().port() + "/ws/" + room);
            page.await("the refusal", () -> statuses().stream().anyMatch(s -> !s.startsWith("connecting") && !s.startsWith("joining")));
            Thread.sleep(3000); // longer than the first two reconnect delays (0.5 s and 1 s, each at most +25 %)
            assertThat(page.webSocketUrls()).as("sockets opened; statuses %s", statuses()).hasSize(1);
            assertThat(statuses()).last().isEqualTo("gone 4403");
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> statuses() {
        return (List<String>) page.script("return window.statuses || [];");
    }
}
