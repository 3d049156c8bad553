package io.pairprog.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.pairprog.ot.TextOperation;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.Wire;
import io.pairprog.server.support.WsClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web page against a real server on PostgreSQL, driven like people drive it: two headless Chromium
 * windows (Alice and Bob) type with real key events into CodeMirror. One server and the two browsers are
 * shared by all tests (starting Chromium is the slow part); every test makes its own room.
 */
class WebClientTest {
    private static final Path SCREENSHOT = Path.of("../docs/screenshots/web.png");

    @RegisterExtension
    static final BrowserPages browser = BrowserPages.on(TestDatabases.Kind.POSTGRES).named("Alice", "Bob");
    private static final RealServer server = browser.server();
    private final Page alice = browser.page("Alice");
    private final Page bob = browser.page("Bob");

    private static String json(String text) {
        return TextNode.valueOf(text).toString();
    }

    private static String storedText(String room) {
        return server.room(room).get("code").asText();
    }

    /** Waits until both pages are settled and hold the stored text; returns it. */
    private static String awaitConvergence(String room, Page... pages) {
        for (Page page : pages) {
            page.awaitSettled();
        }
        pages[0].await("every page holding the stored text", () -> {
            String stored = storedText(room);
            for (Page page : pages) {
                if (!stored.equals(page.text()) || !"saved".equals(page.body("sync"))) {
                    return false;
                }
            }
            return true;
        });
        return storedText(room);
    }

    @Test
    void twoBrowsersTypingConcurrentlyAtRandomPlacesConvergeToTheStoredText() throws Exception {
        String room = server.createRoom();
        alice.join(room);
        bob.join(room);
        long seed = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> typing = List.of(
                    pool.submit(() -> typeRandomly(alice, new Random(seed))),
                    pool.submit(() -> typeRandomly(bob, new Random(seed + 1))));
            for (Future<?> f : typing) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        String text = awaitConvergence(room, alice, bob);
        assertThat(alice.text()).as("seed %d", seed).isEqualTo(text).isEqualTo(bob.text());
        assertThat(text).as("seed %d: both people's typing survived", seed).hasSizeGreaterThan(20);
    }

    private static Void typeRandomly(Page page, Random random) {
        for (int i = 0; i < 40; i++) {
            page.randomEdit(random);
        }
        return null;
    }

    @Test
    void browserAndRawWebSocketOtClientConverge() throws Exception {
        String room = server.createRoom();
        alice.join(room);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (OtPeer peer = OtPeer.join(server.server(), room, "raw-peer")) {
            for (int step = 0; step < 40; step++) {
                if (random.nextBoolean()) {
                    peer.randomEdit(random); // emoji, CRLF, accents: the browser must keep UTF-16 offsets straight
                } else {
                    alice.randomEdit(random);
                }
                peer.pump(Duration.ZERO);
            }
            peer.settle(Duration.ofSeconds(20));
            alice.awaitSettled();
            try {
                alice.await("the raw client catching up", () -> {
                    peer.pump(Duration.ofMillis(20));
                    return peer.doc().equals(alice.text()) && peer.doc().equals(storedText(room));
                });
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": peer " + json(peer.doc()) + ", stored " + json(storedText(room))
                        + ", errors " + peer.errors(), e);
            }
            assertThat(peer.errors()).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void reloadShowsTheStoredText() {
        String room = server.createRoom();
        bob.join(room);
        bob.type("def greet(name):" + Keys.ENTER + "return name");
        bob.awaitSettled();
        String typed = bob.text();
        assertThat(typed).isEqualTo("def greet(name):\n    return name"); // auto-indent after the colon

        bob.reload();
        bob.awaitSettled();
        assertThat(bob.text()).isEqualTo(typed).isEqualTo(storedText(room));
        assertThat(bob.find("#room-id").getAttribute("title")).isEqualTo(room);
    }

    @Test
    void autocompleteSuggestionAppearsAfterIdleAndTabAcceptsIt() {
        String room = server.createRoom();
        alice.join(room);
        alice.type("import");
        alice.await("the suggestion", () -> !alice.findAll(".ac-card").isEmpty());
        String suggestion = alice.find(".ac-preview").getText();
        assertThat(suggestion).isNotBlank();
        alice.type(Keys.TAB);
        alice.awaitSettled();
        assertThat(alice.findAll(".ac-card")).isEmpty();
        assertThat(alice.text()).isEqualTo("import" + suggestion).isEqualTo(storedText(room));

        // Typing dismisses a suggestion; Esc does too.
        alice.type(Keys.ENTER + "for");
        alice.await("the next suggestion", () -> !alice.findAll(".ac-card").isEmpty());
        alice.type(Keys.ESCAPE);
        alice.await("the suggestion to go", () -> alice.findAll(".ac-card").isEmpty());
    }

    @Test
    void autocompleteAnswerForATextThatChangedMeanwhileIsDropped() {
        String room = server.createRoom();
        alice.join(room);
        // Slow the server's answers down, so the text can change while one is on its way.
        alice.script("""
                const realFetch = window.fetch;
                window.asked = 0; window.answered = 0;
                window.fetch = (url, init) => {
                  if (!String(url).includes('/autocomplete')) return realFetch(url, init);
                  window.asked++;
                  return new Promise((r) => setTimeout(r, 800)).then(() => realFetch(url, init))
                    .finally(() => setTimeout(() => window.answered++, 50));
                };""");
        alice.type("import");
        alice.await("the request", () -> ((Number) alice.script("return asked")).intValue() > 0);
        alice.type(Keys.HOME); // the cursor moves: the answer on its way no longer fits
        alice.await("the answer", () -> ((Number) alice.script("return answered")).intValue() > 0);
        assertThat(alice.findAll(".ac-card")).isEmpty();
        assertThat(alice.text()).isEqualTo("import");
    }

    @Test
    void remoteCursorShowsTheOtherParticipantsNameAndFollowsTheText() {
        String room = server.createRoom();
        alice.join(room);
        bob.join(room);
        bob.type("hello world");
        bob.awaitSettled();
        alice.await("Bob's text", () -> alice.text().equals("hello world"));
        bob.caret(6);

        alice.await("Bob's caret labelled with his name", () -> remoteCaretLabels(alice).contains("Bob"));
        alice.await("Bob's caret before 'world'", () -> remoteCaretOffset(alice) == 6);
        assertThat(alice.findAll(".participant-name")).extracting(WebElement::getText).contains("Alice", "Bob");

        alice.caret(0);
        alice.type("Oh, ");
        alice.await("Bob's caret moving with the text", () -> remoteCaretOffset(alice) == 10);
        bob.await("Alice's caret on Bob's screen", () -> remoteCaretLabels(bob).contains("Alice"));

        // Renaming (the pencil next to one's own name) reaches the others' list and caret label.
        bob.find(".participant.self .rename").click();
        WebElement name = bob.find("#name-input");
        name.clear();
        name.sendKeys("Robert" + Keys.ENTER);
        alice.await("Bob's new name", () -> remoteCaretLabels(alice).contains("Robert"));
        assertThat(alice.findAll(".participant-name")).extracting(WebElement::getText).contains("Alice", "Robert");
        bob.named("Bob");
    }

    @SuppressWarnings("unchecked")
    private static List<String> remoteCaretLabels(Page page) {
        return (List<String>) page.script(
                "return [...document.querySelectorAll('.remote-label')].map(e => e.textContent);");
    }

    private static long remoteCaretOffset(Page page) {
        Object offset = page.script("""
                const cm = document.querySelector('.CodeMirror').CodeMirror;
                const caret = cm.getAllMarks().find(m => m.type === 'bookmark' && m.replacedWith
                    && m.replacedWith.classList.contains('remote-caret'));
                return caret ? cm.indexFromPos(caret.find()) : -1;""");
        return ((Number) offset).longValue();
    }

    @Test
    void languageChangeReachesEveryoneIsStoredAndNamesTheDownload() {
        String room = server.createRoom();
        alice.join(room);
        bob.join(room);
        new Select(alice.find("#language")).selectByValue("java");
        bob.await("Java on Bob's page", () -> "java".equals(bob.body("language")));
        assertThat(new Select(bob.find("#language")).getFirstSelectedOption().getText()).isEqualTo("Java");
        assertThat(bob.script("return document.querySelector('.CodeMirror').CodeMirror.getOption('mode')"))
                .isEqualTo("text/x-java");
        alice.await("the stored language", () -> "java".equals(server.room(room).get("language").asText()));

        // The download is named with the language's extension (the click is caught before the browser saves).
        bob.script("window.downloads = []; HTMLAnchorElement.prototype.click = function () { downloads.push(this.download); };");
        bob.find("#download").click();
        assertThat(bob.script("return downloads[0]")).isEqualTo("pairprog-" + room.substring(0, 8) + ".java");
    }

    @Test
    void participantNamesAreShownAsTextNeverAsHtml() {
        String room = server.createRoom();
        alice.join(room);
        try (WsClient mallory = WsClient.connect(server.ws("/ws/" + room))) {
            mallory.next("initial_code");
            mallory.send(Wire.hello("mallory", 0, "<img src=x onerror=alert(1)><b>Mallory</b>", null));
            mallory.next("joined");
            mallory.send("{\"type\":\"cursor\",\"revision\":0,\"ranges\":[{\"anchor\":0,\"head\":0}]}");
            alice.await("Mallory in the list", () -> alice.findAll(".participant-name").stream()
                    .anyMatch(e -> e.getText().equals("<img src=x onerror=alert(1)><b>Mallory</b>")));
            alice.await("Mallory's caret label", () -> remoteCaretLabels(alice)
                    .contains("<img src=x onerror=alert(1)><b>Mallory</b>"));
            assertThat(alice.findAll("#participants img, #participants b, .remote-label img, .remote-label b")).isEmpty();
        }
    }

    @Test
    void undoTakesBackOnlyYourOwnTyping() {
        String room = server.createRoom();
        alice.join(room);
        bob.join(room);
        bob.type("shared");
        bob.awaitSettled();
        alice.await("Bob's text", () -> alice.text().equals("shared"));
        alice.caret(0);
        alice.type("mine ");
        alice.awaitSettled();
        bob.caret(bob.text().length());
        bob.type(" text");
        bob.awaitSettled();
        alice.await("Bob's second edit", () -> alice.text().equals("mine shared text"));

        alice.shortcut("z", Keys.CONTROL);
        alice.awaitSettled();
        bob.await("Alice's undo", () -> bob.text().equals("shared text"));
        assertThat(storedText(room)).isEqualTo("shared text");
        alice.shortcut("z", Keys.CONTROL, Keys.SHIFT);
        alice.awaitSettled();
        assertThat(storedText(room)).isEqualTo("mine shared text");
    }

    /**
     * Alice and Bob type at the same place at the same time, without waiting for each other, so their
     * characters interleave (each one's keys land between the other's); then Alice undoes her three
     * bursts one by one. Her letters are a, b and c,
     * Bob's upper case, the base digits, so "the text without Alice's last k bursts" is the converged text
     * with those letters filtered out, whatever the interleaving was. Redo brings each burst back.
     */
    @Test
    void undoAfterConcurrentTypingAtTheSamePlaceRemovesExactlyTheUndoersEdits() throws Exception {
        String room = server.createRoom();
        alice.join(room);
        bob.join(room);
        bob.replace(0, 0, "12345 67890"); // Bob's, so not on Alice's undo stack
        bob.awaitSettled();
        alice.await("the base text", () -> alice.text().equals("12345 67890"));
        alice.caret(6);
        bob.caret(6);

        String[] bursts = {"aaa", "bbb", "ccc"};
        String bobTyped = "QWERTYUIOPASDFGHJKLZ";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> aliceTyping = pool.submit(() -> {
                for (String burst : bursts) {
                    for (char c : burst.toCharArray()) {
                        alice.type(String.valueOf(c));
                        Thread.sleep(60); // pacing, so Bob's keys can fall inside a burst; well within the undo
                                          // merge window (UndoManager.MERGE_WINDOW_MILLIS, 1000 ms), and Bob's
                                          // keys move where her typing goes on, so a burst stays one undo step
                    }
                    Thread.sleep(1200); // longer than that window: the next burst is a new undo step
                }
                return null;
            });
            Future<?> bobTyping = pool.submit(() -> {
                for (char c : bobTyped.toCharArray()) {
                    bob.type(String.valueOf(c));
                    Thread.sleep(120); // pacing, so Bob's keys fall between and during Alice's bursts
                }
                return null;
            });
            aliceTyping.get();
            bobTyping.get();
        } finally {
            pool.shutdown();
        }
        String typed = awaitConvergence(room, alice, bob);
        assertThat(typed.replaceAll("[abc]", "")).isEqualTo("12345 " + bobTyped + "67890");
        assertThat(typed.replaceAll("[A-Z]", "")).isEqualTo("12345 aaabbbccc67890");

        String[] afterUndo = {typed.replace("c", ""), typed.replaceAll("[bc]", ""), typed.replaceAll("[abc]", "")};
        for (String expected : afterUndo) {
            alice.shortcut("z", Keys.CONTROL);
            assertEverywhere(room, expected, alice, bob);
        }
        alice.shortcut("z", Keys.CONTROL); // nothing of Alice's is left to undo: Bob's text stays
        assertEverywhere(room, "12345 " + bobTyped + "67890", alice, bob);

        String[] afterRedo = {typed.replaceAll("[bc]", ""), typed.replace("c", ""), typed};
        for (String expected : afterRedo) {
            alice.shortcut("z", Keys.CONTROL, Keys.SHIFT);
            assertEverywhere(room, expected, alice, bob);
        }
    }

    /** Waits until both pages are settled on {@code expected} and the server has stored it. */
    private static void assertEverywhere(String room, String expected, Page... pages) {
        try {
            awaitConvergence(room, pages);
            pages[0].await("'" + expected + "' everywhere", () -> expected.equals(storedText(room)));
        } catch (AssertionError e) {
            throw new AssertionError("expected " + json(expected) + " everywhere, stored " + json(storedText(room)), e);
        }
        for (Page page : pages) {
            assertThat(page.text()).isEqualTo(expected);
        }
    }

    @Test
    void unreachableServerIsShownAndTheRoomLoadsOnceItIsBack() throws Exception {
        String room = server.createRoom();
        try (AutoCloseable down = bob.unreachableWebSockets()) {
            bob.get("/?room=" + room);
            bob.await("the offline indicator", () -> "offline".equals(bob.body("connection")));
            assertThat(bob.find("#overlay-text").getText()).startsWith("Can’t reach the server");
            assertThat(bob.find("#status-text").getText()).startsWith("Offline");
        }
        WebElement retry = bob.find("#overlay-retry");
        if (retry.isDisplayed()) { // unless the page's own next attempt came first
            try {
                retry.click();
            } catch (ElementNotInteractableException e) {
                // it did, just now
            }
        }
        bob.awaitSettled();
        assertThat(bob.find("#editor-overlay").isDisplayed()).isFalse();
    }

    @Test
    void unknownRoomShowsAFriendlyMessageAndAWayToCreateOne() {
        alice.get("/?room=" + UUID.randomUUID());
        alice.await("the not-found screen", () -> "not-found".equals(alice.body("view")));
        assertThat(alice.find("#not-found-title").getText()).isEqualTo("Room not found");
        alice.find("#not-found-create").click();
        alice.await("a new room", () -> "room".equals(alice.body("view")));
        alice.awaitSettled();
        assertThat(alice.script("return location.search")).asString().startsWith("?room=");

        alice.get("/?room=%3Cb%3Enot-a-room%3C%2Fb%3E");
        alice.await("the invalid-link screen", () -> "not-found".equals(alice.body("view")));
        assertThat(alice.find("#not-found-text").getText()).contains("<b>not-a-room</b>"); // shown as text
        assertThat(alice.findAll("#not-found-text b")).isEmpty();
    }

    @Test
    void editsMadeWhileDisconnectedAreSentOnceOnReconnect() {
        String room = server.createRoom();
        try (TcpProxy proxy = new TcpProxy(server.server().main().port());
                Page carol = Page.open(proxy.base()).named("Carol");
                OtPeer peer = OtPeer.join(server.server(), room, "raw-peer")) {
            carol.join(room);
            carol.type("one ");
            carol.awaitSettled();

            // The edit in flight ("t") reaches the server and is stored, but its ack is lost with the
            // connection; what is typed meanwhile waits in the buffer.
            proxy.muteDownstream();
            carol.type("two ");
            carol.await("the edit in flight to be stored", () -> storedText(room).startsWith("one t"));
            proxy.cut();
            carol.await("the page to notice", () -> "offline".equals(carol.body("connection")));
            assertThat(carol.find("#status-text").getText()).startsWith("Offline");

            // Typing goes on while offline, and someone else edits meanwhile.
            carol.type("three");
            assertThat(carol.body("sync")).isEqualTo("pending");
            peer.pump(Duration.ofMillis(100));
            peer.edit(TextOperation.builder().insert(">> ").retain(peer.doc().length()).build());
            peer.settle(Duration.ofSeconds(10));

            proxy.restore();
            carol.awaitSettled();
            carol.await("the raw client catching up", () -> {
                peer.pump(Duration.ofMillis(20));
                return peer.doc().equals(carol.text());
            });
            assertThat(storedText(room)).isEqualTo(">> one two three").isEqualTo(carol.text());
        }
    }

    @Test
    void screenshotOfTwoParticipantsEditing() {
        String room = server.createRoom();
        alice.join(room);
        bob.join(room);
        alice.replace(0, 0, """
                from dataclasses import dataclass


                @dataclass
                class Point:
                    x: float
                    y: float

                    def distance(self, other: "Point") -> float:
                        # Euclidean distance between two points
                        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5


                def centroid(points):
                    n = len(points)
                    return Point(sum(p.x for p in points) / n, sum(p.y for p in points) / n)
                """);
        alice.awaitSettled();
        bob.await("Alice's code", () -> bob.text().equals(alice.text()));
        String text = bob.text();
        int def = text.indexOf("def centroid");
        bob.select(def + 4, def + 12);
        alice.caret(text.indexOf("n = len"));
        alice.type(Keys.END);
        alice.type(Keys.ENTER + "if");
        alice.await("Bob's selection on Alice's screen", () -> remoteCaretLabels(alice).contains("Bob"));
        alice.await("the suggestion", () -> !alice.findAll(".ac-card").isEmpty());
        alice.screenshot(SCREENSHOT);
        alice.type(Keys.ESCAPE);
    }
}
