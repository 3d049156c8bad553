package io.pairprog.desktop.ui;

import static io.pairprog.desktop.support.Gui.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.client.Status.Phase;
import io.pairprog.desktop.editor.CollabTextArea;
import io.pairprog.desktop.support.InProcessServer;
import io.pairprog.desktop.support.OnEdt;
import io.pairprog.desktop.support.RequiresDisplay;
import io.pairprog.desktop.support.TestPeer;
import io.pairprog.ot.Selection;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.prefs.Preferences;
import javax.imageio.ImageIO;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JPanel;
import org.assertj.swing.core.Robot;
import org.assertj.swing.fixture.JComboBoxFixture;
import org.assertj.swing.fixture.JFileChooserFixture;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The app in a real window (under Xvfb in CI) against a real server in this JVM, driven with real
 * key and mouse events, beside a second participant ("Bob", a WebSocket OT client). The tests run
 * in order as one session: join by ID, presence, autocomplete (and the screenshot), concurrent
 * editing, an outage, the command line.
 */
@RequiresDisplay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesktopClientGuiTest {

    private static final String SAMPLE = """
            \"\"\"Word statistics for the pairprog demo.\"\"\"
            from collections import Counter


            def word_counts(text):
                words = [w.strip(".,!?").lower() for w in text.split()]
                return Counter(w for w in words if w)


            def top_words(text, n=3):
                \"\"\"The n most common words, most common first.\"\"\"
                return [word for word, _ in word_counts(text).most_common(n)]


            if __name__ == "__main__":
                sample = "the quick brown fox jumps over the lazy dog the end"
                print(top_words(sample))
            """;

    @RegisterExtension
    static final DesktopRoom room = DesktopRoom.create();

    private InProcessServer server;
    private Preferences prefs;
    private Robot robot;
    private AppContext app;
    private EditorFrame frame;
    private TestPeer bob;
    private String roomId;
    private String bobId;

    @BeforeAll
    void bobWritesAndAdaStartsTheApp() {
        server = room.server();
        roomId = room.roomId();
        robot = room.robot();
        bob = room.peerTypes("Bob", SAMPLE);
        bobId = bob.clientId();
        prefs = room.freshPreferences();
        app = room.launch(prefs, "--server", server.address(), "--name", "Ada", "--theme", "light");
    }

    @Test
    @Order(1)
    void joinsARoomByIdFromTheStartScreen() {
        StartScreen start = only(StartScreen.class);
        robot.click(component(start, "roomId"));
        robot.enterText(roomId);
        robot.click(component(start, "join"));

        frame = await("the editor window", () -> editorFrames().stream().findFirst().orElse(null));
        await("the room's text in the editor", () -> OnEdt.call(() -> SAMPLE.equals(frame.adapter().textArea().getText())
                && frame.session().phase() == Phase.ONLINE) ? true : null);
        assertThat(OnEdt.call(() -> frame.connectionText())).isEqualTo("Connected");
        assertThat(OnEdt.call(() -> app.settings().recentRooms().get(0).roomId())).isEqualTo(roomId);
    }

    @Test
    @Order(2)
    void showsTheOtherParticipantAndTheirSelection() {
        await("Ada and Bob in the participants panel", () -> OnEdt.call(() ->
                frame.participantNames().containsAll(List.of("Ada (you)", "Bob")) ? true : null));
        assertThat(bob.participants()).contains("Ada");

        int start = SAMPLE.indexOf("most_common");
        bob.select(start, start + "most_common".length());

        Selection shown = await("Bob's selection in the editor", () -> OnEdt.call(() -> frame.adapter()
                .remoteSelection(bobId)));
        assertThat(shown.ranges()).containsExactly(new Selection.Range(start, start + "most_common".length()));
    }

    @Test
    @Order(3)
    void theLanguageIsSharedBothWays() throws Exception {
        bob.setLanguage("javascript");
        await("JavaScript in the app", () -> OnEdt.call(() -> "javascript".equals(language().getSelectedItem())
                && SyntaxConstants.SYNTAX_STYLE_JAVASCRIPT.equals(frame.adapter().textArea().getSyntaxEditingStyle())
                ? true : null));

        new JComboBoxFixture(robot, language()).selectItem("Python");

        await("Python for Bob", () -> "python".equals(bob.language()) ? true : null);
        assertThat(server.room(roomId).get("language").asText()).isEqualTo("python");
        assertThat(OnEdt.call(() -> frame.getTitle())).endsWith("Python");
    }

    @Test
    @Order(4)
    void copyLinkPutsTheBrowserLinkOnTheClipboard() throws Exception {
        robot.click(component(frame, "copyLink"));

        Object copied = OnEdt.call(() -> Toolkit.getDefaultToolkit().getSystemClipboard().getData(DataFlavor.stringFlavor));
        assertThat(copied).isEqualTo(server.address() + "/?room=" + roomId);
    }

    @Test
    @Order(5)
    void aSuggestionAppearsAfterAPauseAndTabInsertsIt() throws Exception {
        focusEditor();
        key(KeyEvent.VK_HOME, true);
        key(KeyEvent.VK_DOWN, false);
        key(KeyEvent.VK_DOWN, false);
        robot.enterText("import");
        String typed = OnEdt.call(() -> frame.adapter().textArea().getText());
        int caret = typed.indexOf("import") + "import".length();
        String expected = server.suggestion(typed, caret, "python");

        await("the suggestion popup", () -> OnEdt.call(() -> frame.autocomplete().isShowing() ? true : null));
        assertThat(OnEdt.call(() -> frame.autocomplete().shownSuggestion())).isEqualTo(expected);
        assertThat(robot.finder().findByName(SuggestionPopupName.NAME, JPanel.class, true).isShowing()).isTrue();
        screenshot();

        key(KeyEvent.VK_TAB, false);

        String text = OnEdt.call(() -> frame.adapter().textArea().getText());
        assertThat(text).contains("from collections import Counter\nimport" + expected + "\n");
        assertThat(OnEdt.call(() -> frame.autocomplete().isShowing())).isFalse();
        room.awaitConvergence(frame, bob);
    }

    @Test
    @Order(6)
    void escapeDismissesASuggestionAndLeavesTheText() {
        focusEditor();
        key(KeyEvent.VK_END, true);
        robot.enterText("if");
        await("the suggestion popup", () -> OnEdt.call(() -> frame.autocomplete().isShowing() ? true : null));

        key(KeyEvent.VK_ESCAPE, false);

        assertThat(OnEdt.call(() -> frame.autocomplete().isShowing())).isFalse();
        assertThat(OnEdt.call(() -> frame.adapter().textArea().getText())).endsWith("\nif");
        room.awaitConvergence(frame, bob);
    }

    @Test
    @Order(7)
    void ctrlSpaceOpensTheRankedListAndEnterInsertsTheChoice() {
        focusEditor();
        robot.enterText(" top");
        key(KeyEvent.VK_SPACE, true);
        await("the ranked list", () -> OnEdt.call(() -> frame.autocomplete().isRankedListShowing() ? true : null));

        key(KeyEvent.VK_ENTER, false);

        assertThat(OnEdt.call(() -> frame.adapter().textArea().getText())).endsWith("\nif top_words");
        room.awaitConvergence(frame, bob);
    }

    @Test
    @Order(8)
    void convergesWithAPeerAndTheStoredTextUnderConcurrentRandomEdits() throws Exception {
        focusEditor();
        Random random = new Random(42);
        Thread peerEdits = new Thread(() -> {
            Random peerRandom = new Random(7);
            for (int i = 0; i < 60; i++) {
                bob.randomEdit(peerRandom);
                sleep(20);
            }
        }, "bob-edits");
        peerEdits.start();
        for (int i = 0; i < 70; i++) {
            int r = random.nextInt(100);
            if (r < 70) {
                robot.type((char) ('a' + random.nextInt(26)));
            } else if (r < 78) {
                robot.type(' ');
            } else if (r < 83) {
                key(KeyEvent.VK_ENTER, false);
            } else if (r < 93) {
                key(KeyEvent.VK_BACK_SPACE, false);
            } else {
                key(random.nextBoolean() ? KeyEvent.VK_LEFT : KeyEvent.VK_RIGHT, false);
            }
        }
        peerEdits.join(30_000);

        String converged = room.awaitConvergence(frame, bob);
        JsonNode stored = server.room(roomId);
        assertThat(stored.get("code").asText()).isEqualTo(converged);
        assertThat(stored.get("revision").asLong()).isEqualTo(bob.revision());
        assertThat(bob.problems()).isEmpty();
    }

    @Test
    @Order(9)
    void saveAsWritesTheTextToAFile() throws Exception {
        Path file = Files.createTempDirectory("pairprog-save").resolve("copy.py");
        robot.click(component(frame, "saveAs"));
        JFileChooserFixture chooser = new JFileChooserFixture(robot, robot.finder().findByType(JFileChooser.class, true));
        chooser.fileNameTextBox().setText(file.toString());
        chooser.approve();

        String saved = await("the saved file", () -> Files.exists(file) ? Files.readString(file) : null);
        assertThat(saved).isEqualTo(OnEdt.call(() -> frame.adapter().textArea().getText()));
        Files.delete(file);
        Files.delete(file.getParent());
    }

    @Test
    @Order(10)
    void editsTypedWhileTheServerIsDownAreStoredExactlyOnce() throws Exception {
        bob.close();
        bob = null;
        server.stop();
        await("the app to notice", () -> OnEdt.call(() ->
                frame.session().phase() == Phase.OFFLINE ? true : null));

        focusEditor();
        key(KeyEvent.VK_END, true);
        robot.enterText(" # typed offline");
        assertThat(OnEdt.call(() -> frame.session().isSynchronized())).isFalse();
        server.restart();

        await("the app to reconnect and store its edits", () -> OnEdt.call(() ->
                frame.session().phase() == Phase.ONLINE && frame.session().isSynchronized() ? true : null));
        String text = OnEdt.call(() -> frame.adapter().textArea().getText());
        String stored = server.room(roomId).get("code").asText();
        assertThat(stored).isEqualTo(text).endsWith(" # typed offline");
        assertThat(stored.split("# typed offline", -1)).hasSize(2);
    }

    @Test
    @Order(11)
    void theCommandLineJoinsARoomDirectlyOrSaysWhyNot() {
        AppContext second = room.launch(prefs,
                "--server", server.address(), "--room", server.address() + "/?room=" + roomId, "--name", "Cy");
        await("Cy in Ada's participants panel", () -> OnEdt.call(() ->
                frame.participantNames().contains("Cy") ? true : null));
        OnEdt.run(() -> second.windows().forEach(Window::dispose));

        String missing = UUID.randomUUID().toString();
        AppContext third = room.launch(prefs, "--server", server.address(), "--room", missing);
        String message = await("the start screen's answer", () -> OnEdt.call(() -> {
            String text = ((javax.swing.JLabel) component(third.windows().get(0), "startMessage")).getText();
            return text.startsWith("There is no room") ? text : null;
        }));
        assertThat(message).contains(missing);
        OnEdt.run(() -> third.windows().forEach(Window::dispose));
    }

    // --- helpers ----------------------------------------------------------------------------

    /** Clicks into the editor, as a person would after using a dialog (without a window manager focus does not come back by itself). */
    private void focusEditor() {
        CollabTextArea area = frame.adapter().textArea();
        if (!OnEdt.call(area::isFocusOwner)) {
            robot.click(area);
            robot.focusAndWaitForFocusGain(area);
        }
    }

    private void key(int keyCode, boolean control) {
        if (control) {
            robot.pressKey(KeyEvent.VK_CONTROL);
        }
        robot.pressAndReleaseKey(keyCode);
        if (control) {
            robot.releaseKey(KeyEvent.VK_CONTROL);
        }
    }

    private void screenshot() throws Exception {
        robot.waitForIdle();
        Thread.sleep(300); // let the popup and the remote caret paint
        Rectangle bounds = OnEdt.call(() -> new Rectangle(frame.getLocationOnScreen(), frame.getSize()));
        BufferedImage image = new java.awt.Robot().createScreenCapture(bounds);
        Path file = repositoryRoot().resolve("docs/screenshots/desktop.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/protocol.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docs/protocol.md above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    @SuppressWarnings("unchecked")
    private JComboBox<String> language() {
        return (JComboBox<String>) component(frame, "language");
    }

    private List<EditorFrame> editorFrames() {
        return OnEdt.call(() -> app.windows().stream().filter(EditorFrame.class::isInstance)
                .map(EditorFrame.class::cast).filter(Window::isShowing).toList());
    }

    private <T extends Window> T only(Class<T> type) {
        return OnEdt.call(() -> app.windows().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow());
    }

    private static java.awt.Component component(java.awt.Container root, String name) {
        for (java.awt.Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof java.awt.Container inner) {
                java.awt.Component found = component(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The name of the suggestion popup's panel (package-private in the editor package). */
    private static final class SuggestionPopupName {
        static final String NAME = "autocomplete-suggestion";
    }
}
