package io.pairprog.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The view-only page against a real server: Alice edits a room, Vera watches it through its view-only
 * link in another headless Chromium. Vera's page records every WebSocket it opens and every message it
 * sends, so "sends nothing that edits" is checked where it happens, not only by its effect.
 */
class ViewOnlyPageTest {
    @RegisterExtension
    static final BrowserPages browser = BrowserPages.on(TestDatabases.Kind.POSTGRES).named("Alice", "Vera");
    private static final RealServer server = browser.server();
    private static AutoCloseable recording;
    private final Page alice = browser.page("Alice");
    private final Page vera = browser.page("Vera");

    @BeforeAll
    static void recordVerasWebSockets() {
        recording = browser.page("Vera").recordWebSockets();
    }

    @AfterAll
    static void stopRecording() throws Exception {
        if (recording != null) {
            recording.close();
        }
    }

    private static String viewIdOf(String room) {
        return server.room(room).get("viewId").asText();
    }

    private static String storedText(String room) {
        return server.room(room).get("code").asText();
    }

    @Test
    void copiedViewOnlyLinkOpensTheRoomToWatchWithTheOthersAndTheirCursors() {
        String room = server.createRoom();
        alice.join(room);
        alice.catchClipboard();
        alice.find("#copy-view-link").click();
        String link = server.http("/?view=" + viewIdOf(room)).toString();
        alice.await("the copied link", () -> alice.copied().equals(List.of(link)));

        vera.get(link.substring(link.indexOf("/?")));
        vera.awaitSettled();
        assertThat(vera.body("mode")).isEqualTo("view");
        WebElement banner = vera.find("#view-banner");
        assertThat(banner.isDisplayed()).isTrue();
        assertThat(banner.getText()).isEqualTo("View only — you can watch but not edit");
        assertThat(alice.find("#view-banner").isDisplayed()).isFalse();

        // Live: Alice's typing and caret reach Vera.
        alice.type("print('hi')");
        alice.awaitSettled();
        vera.await("Alice's text on Vera's page", () -> vera.text().equals(alice.text()));
        alice.caret(0);
        vera.await("Alice's caret on Vera's page", () -> caretLabels(vera).contains("Alice"));

        // Everyone's list shows Vera as a viewer, Alice as an editor.
        alice.await("Vera in Alice's list as a viewer", () -> "viewer".equals(roleIn(alice, "Vera")));
        assertThat(alice.find("#participants [data-role='viewer'] .role-badge").getText()).isEqualTo("viewer");
        assertThat(roleIn(alice, "Alice")).isEqualTo("editor");
        assertThat(roleIn(vera, "Vera")).isEqualTo("viewer");
        assertThat(roleIn(vera, "Alice")).isEqualTo("editor");
        assertThat(alice.findAll("#participants .role-badge")).hasSize(1);

        // Leaving takes Vera off Alice's list.
        vera.get("/");
        alice.await("Vera to leave", () -> roleIn(alice, "Vera") == null);
    }

    @Test
    void typingPastingUndoAndLanguageOnTheViewPageChangeNothing() {
        String room = server.createRoom();
        alice.join(room);
        alice.type("shared text");
        alice.awaitSettled();
        long revision = server.room(room).get("revision").asLong();

        vera.joinView(viewIdOf(room));
        assertThat(vera.text()).isEqualTo("shared text");
        vera.caret(6);
        vera.type("typed" + Keys.ENTER + Keys.BACK_SPACE + Keys.DELETE);
        vera.paste("pasted");
        vera.shortcut("z", Keys.CONTROL);
        vera.select(0, 6);
        vera.shortcut("x", Keys.CONTROL);
        assertThat(vera.text()).isEqualTo("shared text");
        assertThat(vera.find("#language").isEnabled()).isFalse();
        assertThat(vera.find("#history-button").isDisplayed()).isFalse();

        // The same paste does edit on an editor's page, so it is a real paste.
        alice.paste("!");
        alice.awaitSettled();
        vera.await("Alice's paste on Vera's page", () -> vera.text().equals(alice.text()));
        assertThat(alice.text()).isEqualTo("shared text!");
        assertThat(storedText(room)).isEqualTo(alice.text());
        assertThat(server.room(room).get("revision").asLong()).isEqualTo(revision + 1);
        assertThat(new Select(alice.find("#language")).getFirstSelectedOption().getAttribute("value")).isEqualTo("python");

        // Past that barrier, everything Vera's page said is on record: the handshake, nothing that edits or points.
        assertThat(vera.sentMessageTypes()).containsExactly("hello");
    }

    @Test
    void readOnlyRefusalFromTheServerIsShownOnceAndChangesNothing() {
        String room = server.createRoom();
        alice.join(room);
        alice.type("x = 1");
        alice.awaitSettled();
        vera.joinView(viewIdOf(room));
        // Messages the page itself never sends, sent on its own socket to make the server refuse them.
        vera.script("""
                const socket = window.sockets[window.sockets.length - 1];
                socket.send(JSON.stringify({type: 'cursor', revision: 0, ranges: [{anchor: 0, head: 0}]}));
                socket.send(JSON.stringify({type: 'set_language', language: 'go'}));""");
        vera.await("the read-only notice", () -> vera.toasts().stream().anyMatch(t -> t.startsWith("This is a view-only link")));
        assertThat(vera.toasts().stream().filter(t -> t.startsWith("This is a view-only link"))).hasSize(1);
        alice.type(" + 1");
        alice.awaitSettled();
        vera.await("Alice's edit, still live", () -> vera.text().equals("x = 1 + 1"));
        assertThat(vera.body("connection")).isEqualTo("online");
        assertThat(server.room(room).get("language").asText()).isEqualTo("python");
    }

    @Test
    void viewPageNeverContainsNorRequestsTheRoomId() {
        String room = server.createRoom();
        String viewId = viewIdOf(room);
        alice.join(room);
        alice.type("secret = 42");
        alice.awaitSettled();

        vera.joinView(viewId);
        vera.await("Alice in Vera's list", () -> roleIn(vera, "Alice") != null);
        vera.find(".participant.self .rename").click(); // renaming is allowed to viewers
        WebElement name = vera.find("#name-input");
        name.clear();
        name.sendKeys("Veronica" + Keys.ENTER);
        alice.await("Vera's new name", () -> "viewer".equals(roleIn(alice, "Veronica")));
        vera.catchClipboard();
        vera.find("#copy-link").click();
        vera.find("#copy-view-link").click();
        vera.await("the copied links", () -> vera.copied().size() == 2);
        vera.script("window.downloads = []; HTMLAnchorElement.prototype.click = function () { downloads.push(this.download); };");
        vera.find("#download").click();
        assertThat(vera.script("return downloads[0]")).isEqualTo("pairprog-view.py");

        String[] forms = {room.toLowerCase(Locale.ROOT), room.replace("-", "").toLowerCase(Locale.ROOT)};
        String html = ((String) vera.script("return document.documentElement.outerHTML")).toLowerCase(Locale.ROOT);
        String url = ((String) vera.script("return location.href")).toLowerCase(Locale.ROOT);
        String stored = ((String) vera.script("return JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage})"
                + " + document.cookie + document.title")).toLowerCase(Locale.ROOT);
        List<String> requested = vera.resourceUrls();
        List<String> sockets = vera.webSocketUrls();
        assertThat(requested).isNotEmpty().anyMatch(u -> u.endsWith("/app.js"));
        assertThat(sockets).containsExactly(server.ws("/ws/view/" + viewId).toString());
        assertThat(vera.copied()).containsExactly(server.http("/?view=" + viewId).toString(),
                server.http("/?view=" + viewId).toString());
        for (String form : forms) {
            assertThat(html).doesNotContain(form);
            assertThat(url).doesNotContain(form);
            assertThat(stored).doesNotContain(form);
            assertThat(requested).noneMatch(u -> u.toLowerCase(Locale.ROOT).contains(form));
            assertThat(sockets).noneMatch(u -> u.toLowerCase(Locale.ROOT).contains(form));
        }
        // The editor's page does show it (so the check above can fail).
        assertThat(((String) alice.script("return document.documentElement.outerHTML"))).contains(room);
        vera.named("Vera");
    }

    @Test
    void unknownOrMalformedViewLinkShowsAFriendlyMessage() {
        vera.get("/?view=AAAAAAAAAAAAAAAAAAAAAA");
        vera.await("the not-found screen", () -> "not-found".equals(vera.body("view")));
        assertThat(vera.find("#not-found-title").getText()).isEqualTo("Room not found");
        assertThat(vera.find("#not-found-text").getText()).contains("view-only link");

        vera.get("/?view=%3Cb%3Enope%3C%2Fb%3E");
        vera.await("the invalid-link screen", () -> "not-found".equals(vera.body("view")));
        assertThat(vera.find("#not-found-title").getText()).isEqualTo("That’s not a view-only link");
        assertThat(vera.find("#not-found-text").getText()).contains("<b>nope</b>");
        assertThat(vera.findAll("#not-found-text b")).isEmpty();
        assertThat(vera.webSocketUrls()).isEmpty();
    }

    /** The role shown for the participant named {@code name}, or null if they are not listed. */
    private static String roleIn(Page page, String name) {
        return (String) page.script("""
                const item = [...document.querySelectorAll('#participants .participant')]
                    .find(li => li.querySelector('.participant-name').textContent === arguments[0]);
                return item ? item.dataset.role : null;""", name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> caretLabels(Page page) {
        return (List<String>) page.script("return [...document.querySelectorAll('.remote-label')].map(e => e.textContent);");
    }
}
