package io.pairprog.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.ot.TextOperation;
import io.pairprog.server.support.OtPeer;
import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The history panel against a real server: Alice and Bob (headless Chromium) make a room's history,
 * Alice moves the time slider with the keyboard and restores; what the panel shows is compared with
 * the server's own {@code GET /rooms/{id}/history} and {@code GET /rooms/{id}/revisions/{n}}.
 */
class HistoryPanelTest {
    /** The page's grey for an author without a colour ({@code safeColor} in editor-adapter.js). */
    private static final String NO_COLOR = "#8b8fa3";

    @RegisterExtension
    static final BrowserPages browser = BrowserPages.on(TestDatabases.Kind.POSTGRES).named("Alice", "Bob");
    private static final RealServer server = browser.server();
    private final Page alice = browser.page("Alice");
    private final Page bob = browser.page("Bob");

    @Test
    void sliderShowsTheStoredTextOfEachStepWithItsAuthorAndChange() {
        String room = server.createRoom();
        alice.join(room);
        bob.join(room);
        alice.type("alpha beta");
        handOver(alice, bob, "alpha beta");
        bob.caret(10);
        bob.type(" gamma");
        handOver(bob, alice, "alpha beta gamma");
        alice.select(6, 11);
        alice.type(Keys.BACK_SPACE);
        handOver(alice, bob, "alpha gamma");
        bob.caret(0);
        bob.type("zero ");
        handOver(bob, alice, "zero alpha gamma");

        List<JsonNode> steps = steps(room); // newest first
        assertThat(steps).extracting(s -> s.get("author").asText()).containsExactly("Bob", "Alice", "Bob", "Alice");

        alice.find("#history-button").click();
        awaitShown(alice, steps.get(0));
        assertThat(panel(alice, "steps")).isEqualTo("4");
        assertThat(alice.find("#history-position").getText()).isEqualTo("Step 4 of 4");
        assertThat(inserted(alice)).containsExactly("zero ");

        WebElement slider = alice.find("#history-slider");
        slider.sendKeys(Keys.ARROW_LEFT);
        awaitShown(alice, steps.get(1));
        assertThat(inserted(alice)).isEmpty();
        assertThat(alice.find("#history-preview .history-delete").getText()).isEqualTo("beta ");

        slider.sendKeys(Keys.ARROW_LEFT);
        awaitShown(alice, steps.get(2));
        assertThat(inserted(alice)).containsExactly(" gamma");
        assertThat(alice.find("#history-preview .history-insert").getCssValue("border-bottom-color"))
                .isEqualTo(rgb(steps.get(2).get("color").asText()));

        slider.sendKeys(Keys.HOME);
        awaitShown(alice, steps.get(3));
        assertThat(inserted(alice)).containsExactly("alpha beta");
        assertThat(alice.findAll("#history-preview .history-delete")).isEmpty();

        slider.sendKeys(Keys.END);
        awaitShown(alice, steps.get(0));
        alice.find("#history-close").click();
        assertThat(alice.find("#history-panel").isDisplayed()).isFalse();
        assertThat(alice.text()).isEqualTo("zero alpha gamma");
    }

    @Test
    void restoreFromThePanelReachesTheOtherBrowserAndTheStoredText() {
        String room = server.createRoom();
        alice.join(room);
        bob.join(room);
        alice.type("first version");
        handOver(alice, bob, "first version");
        bob.select(0, 5);
        bob.type("second");
        handOver(bob, alice, "second version");
        JsonNode first = steps(room).get(1);

        alice.find("#history-button").click();
        awaitShown(alice, steps(room).get(0));
        alice.find("#history-slider").sendKeys(Keys.ARROW_LEFT);
        awaitShown(alice, first);
        alice.find("#history-restore").click();

        alice.await("the panel to close", () -> !alice.find("#history-panel").isDisplayed());
        bob.await("the restored text on Bob's page", () -> bob.text().equals("first version"));
        alice.awaitSettled();
        assertThat(alice.text()).isEqualTo("first version");
        assertThat(storedText(room)).isEqualTo("first version");
        JsonNode restore = steps(room).get(0);
        assertThat(restore.get("restoredRevision").asLong()).isEqualTo(first.get("toRevision").asLong());
        assertThat(restore.get("author").asText()).isEqualTo("Alice");

        // The restore is a step of its own, shown as such.
        alice.find("#history-button").click();
        awaitShown(alice, restore);
        assertThat(alice.find("#history-note").getText())
                .isEqualTo("restored revision " + first.get("toRevision").asLong());
        assertThat(preview(alice)).isEqualTo("first version");
        alice.find("#history-slider").sendKeys(Keys.ESCAPE);
        assertThat(alice.find("#history-panel").isDisplayed()).isFalse();
    }

    @Test
    void playReplaysEveryStepFromTheSliderToNow() {
        String room = server.createRoom();
        alternatingSteps(room, 5);
        List<JsonNode> steps = steps(room);
        assertThat(steps).hasSize(5);

        alice.join(room);
        alice.find("#history-button").click();
        awaitShown(alice, steps.get(0));
        alice.find("#history-slider").sendKeys(Keys.HOME);
        awaitShown(alice, steps.get(4));
        alice.script("""
                window.played = [];
                const panel = document.getElementById('history-panel');
                new MutationObserver(() => panel.dataset.revision && played.push(Number(panel.dataset.revision)))
                    .observe(panel, {attributes: true, attributeFilter: ['data-revision']});""");
        alice.find("#history-play").click();
        assertThat(panel(alice, "playing")).isEqualTo("true");
        alice.await("the replay to reach now", () -> "false".equals(panel(alice, "playing")));
        awaitShown(alice, steps.get(0));

        List<Long> expected = new ArrayList<>();
        for (int i = 3; i >= 0; i--) {
            expected.add(steps.get(i).get("toRevision").asLong());
        }
        assertThat(alice.script("return played")).asList().map(n -> ((Number) n).longValue()).isEqualTo(expected);
        assertThat(preview(alice)).isEqualTo(storedText(room));
    }

    @Test
    void olderStepsLoadWhenTheSliderReachesTheOldestLoadedStep() {
        String room = server.createRoom();
        alternatingSteps(room, 60);
        List<JsonNode> newest = steps(room);
        assertThat(newest).hasSize(50); // one page

        alice.join(room);
        alice.find("#history-button").click();
        awaitShown(alice, newest.get(0));
        assertThat(panel(alice, "steps")).isEqualTo("50");
        assertThat(alice.find("#history-position").getText()).isEqualTo("Step 50 of 50+");

        WebElement slider = alice.find("#history-slider");
        slider.sendKeys(Keys.HOME);
        alice.await("the older page", () -> "60".equals(panel(alice, "steps")));
        awaitShown(alice, newest.get(49)); // the same step, now the 11th of 60
        assertThat(slider.getAttribute("value")).isEqualTo("10");

        slider.sendKeys(Keys.HOME);
        alice.await("the first revision", () -> "ready".equals(panel(alice, "state")) && "1".equals(panel(alice, "revision")));
        assertThat(preview(alice)).isEqualTo(revisionText(room, 1));
        assertThat(alice.find("#history-position").getText()).isEqualTo("Step 1 of 60");
        assertThat(alice.find("#history-author").getText()).isEqualTo("peer-a");
    }

    @Test
    void failedRequestsAreReportedAndThePanelStaysUsable() {
        String room = server.createRoom();
        alternatingSteps(room, 3);
        List<JsonNode> steps = steps(room);
        alice.join(room);
        alice.script("""
                const realFetch = window.fetch;
                const refuse = (status, code, message) => Promise.resolve(new Response(JSON.stringify({code, message}),
                    {status, headers: {'Content-Type': 'application/json'}}));
                window.fetch = (url, init) => String(url).endsWith('/restore')
                    ? refuse(503, 'STORE_UNAVAILABLE', 'the database is unavailable; try again')
                    : String(url).endsWith('/revisions/1') ? refuse(404, 'REVISION_NOT_FOUND', 'revision 1 does not exist')
                    : realFetch(url, init);""");
        alice.find("#history-button").click();
        awaitShown(alice, steps.get(0));

        alice.find("#history-restore").click();
        alice.await("the restore error", () -> alice.toasts().stream().anyMatch(t ->
                t.startsWith("Could not restore this version: the server’s database is unavailable")));
        assertThat(alice.find("#history-panel").isDisplayed()).isTrue();
        assertThat(alice.find("#history-restore").isEnabled()).isTrue();
        assertThat(storedText(room)).isEqualTo(revisionText(room, steps.get(0).get("toRevision").asLong()));

        alice.find("#history-slider").sendKeys(Keys.HOME); // the oldest step's text is revision 1
        alice.await("the revision error", () -> "error".equals(panel(alice, "state")));
        assertThat(alice.find("#history-error").getText())
                .isEqualTo("Could not load revision 1: the server has no such revision.");
        assertThat(alice.find("#history-restore").isEnabled()).isFalse();

        alice.find("#history-slider").sendKeys(Keys.END); // the panel recovers on the next step
        awaitShown(alice, steps.get(0));
        assertThat(alice.find("#history-error").isDisplayed()).isFalse();
    }

    @Test
    void roomWithoutEditsHasAnEmptyHistoryAndNothingToRestore() {
        String room = server.createRoom();
        alice.join(room);
        alice.find("#history-button").click();
        alice.await("the empty history", () -> "empty".equals(panel(alice, "state")));
        assertThat(alice.find("#history-empty").isDisplayed()).isTrue();
        assertThat(alice.find("#history-restore").isEnabled()).isFalse();
        assertThat(alice.find("#history-play").isEnabled()).isFalse();
        assertThat(alice.find("#history-slider").isEnabled()).isFalse();
        alice.find("#history-cancel").click();
        assertThat(alice.find("#history-panel").isDisplayed()).isFalse();

        // Opening again reads the history afresh: the first edit is there.
        alice.type("x");
        alice.awaitSettled();
        alice.find("#history-button").click();
        awaitShown(alice, steps(room).get(0));
        assertThat(panel(alice, "steps")).isEqualTo("1");
    }

    /** {@code from} waits until its edits are stored, {@code to} until it shows {@code text}. */
    private static void handOver(Page from, Page to, String text) {
        from.awaitSettled();
        assertThat(from.text()).isEqualTo(text);
        to.await("'" + text + "'", () -> to.text().equals(text));
    }

    /**
     * {@code n} history steps: two raw clients, {@code peer-a} and {@code peer-b}, take turns appending a
     * line, so each edit is a step of its own.
     */
    private static void alternatingSteps(String room, int n) {
        try (OtPeer a = OtPeer.join(server.server(), room, "peer-a");
                OtPeer b = OtPeer.join(server.server(), room, "peer-b")) {
            for (int i = 0; i < n; i++) {
                OtPeer peer = i % 2 == 0 ? a : b;
                peer.pumpUntilRevision(i, Duration.ofSeconds(10));
                String line = "line " + (i + 1) + "\n";
                peer.edit(TextOperation.builder().retain(peer.doc().length()).insert(line).build());
                peer.settle(Duration.ofSeconds(10));
            }
        }
    }

    /** The first page of the room's history, newest step first. */
    private static List<JsonNode> steps(String room) {
        List<JsonNode> steps = new ArrayList<>();
        TestServer.json(server.get("/rooms/" + room + "/history").body()).get("steps").forEach(steps::add);
        return steps;
    }

    private static String revisionText(String room, long revision) {
        return TestServer.json(server.get("/rooms/" + room + "/revisions/" + revision).body()).get("code").asText();
    }

    private static String storedText(String room) {
        return server.room(room).get("code").asText();
    }

    /**
     * Waits until the panel shows {@code step}, then checks it against the server: the text is exactly
     * the step's revision, and the author, colour and sizes are the step's.
     */
    private static void awaitShown(Page page, JsonNode step) {
        long revision = step.get("toRevision").asLong();
        page.await("the history at revision " + revision,
                () -> "ready".equals(panel(page, "state")) && String.valueOf(revision).equals(panel(page, "revision")));
        assertThat(preview(page)).isEqualTo(revisionText(roomOf(page), revision));
        if (!step.get("author").isNull()) {
            assertThat(page.find("#history-author").getText()).isEqualTo(step.get("author").asText());
        }
        String color = step.get("color").isNull() ? NO_COLOR : step.get("color").asText(); // restores and seed clients
        assertThat(page.find("#history-swatch").getCssValue("background-color")).isEqualTo(rgb(color));
        assertThat(Instant.parse(page.find("#history-time").getAttribute("datetime")))
                .isCloseTo(Instant.parse(step.get("endedAt").asText()), within(1, ChronoUnit.MILLIS)); // the page keeps milliseconds
        assertThat(page.find("#history-time").getText()).contains(String.valueOf(Instant.parse(step.get("endedAt").asText())
                .atZone(ZoneId.systemDefault()).getYear()));
        assertThat(page.find("#history-inserted").getText()).isEqualTo("+" + step.get("inserted").asLong());
        assertThat(page.find("#history-deleted").getText()).isEqualTo("−" + step.get("deleted").asLong());
    }

    private static String roomOf(Page page) {
        return (String) page.script("return new URLSearchParams(location.search).get('room')");
    }

    private static String panel(Page page, String data) {
        return (String) page.script("return document.getElementById('history-panel').dataset[arguments[0]] || null", data);
    }

    /** The preview's text (as JSON, so that CRLF survives WebDriver). */
    private static String preview(Page page) {
        return TestServer.json((String) page.script(
                "return JSON.stringify(document.querySelector('#history-preview .CodeMirror').CodeMirror.getValue());"))
                .asText();
    }

    /** The text of each span the preview marks as inserted by the step. */
    @SuppressWarnings("unchecked")
    private static List<String> inserted(Page page) {
        return (List<String>) page.script("""
                const cm = document.querySelector('#history-preview .CodeMirror').CodeMirror;
                return cm.getAllMarks().filter(m => m.className === 'history-insert')
                    .map(m => { const r = m.find(); return cm.getRange(r.from, r.to); });""");
    }

    /** {@code #rrggbb} as the browser reports a computed colour. */
    private static String rgb(String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        return "rgba(" + (value >> 16) + ", " + (value >> 8 & 0xff) + ", " + (value & 0xff) + ", 1)";
    }
}
