package io.pairprog.desktop.ui;

import static io.pairprog.desktop.support.Gui.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.desktop.editor.CollabTextArea;
import io.pairprog.desktop.support.InProcessServer;
import io.pairprog.desktop.support.OnEdt;
import io.pairprog.desktop.support.RequiresDisplay;
import io.pairprog.desktop.support.TestPeer;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.assertj.core.api.SoftAssertions;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18, item 3, as a person meets it: in a Java room Ada types a line, waits until the
 * server's suggestion shows, presses Enter and types the next line. Enter must make a new line,
 * and neither her editor nor the stored text may hold the suggestion.
 */
@RequiresDisplay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnterKeyGuiTest {

    private InProcessServer server;
    private Preferences prefs;
    private Robot robot;
    private TestPeer bob;
    private EditorFrame frame;
    private String roomId;

    @BeforeAll
    void openAJavaRoom(@TempDir Path dataDir) throws Exception {
        server = InProcessServer.start(dataDir);
        roomId = server.createRoom();
        bob = TestPeer.join(server.webSocket(roomId), "bob-" + UUID.randomUUID().toString().substring(0, 8), "Bob");
        bob.setLanguage("java");
        await("a Java room", () -> "java".equals(server.room(roomId).get("language").asText()) ? true : null);
        prefs = RoomWithBob.freshPreferences();
        robot = BasicRobot.robotWithCurrentAwtHierarchy();
        robot.settings().delayBetweenEvents(5);
        frame = RoomWithBob.openAsAda(server, roomId, prefs, "");
        await("Java in Ada's window", () -> OnEdt.call(() -> frame.getTitle().endsWith("Java") ? true : null));
    }

    @AfterAll
    void stopEverything() {
        RoomWithBob.stop(robot, bob, server, prefs);
    }

    @Test
    void enterAfterASuggestionShowsMakesANewLineAndStoresNoSuggestion() throws Exception {
        CollabTextArea area = frame.adapter().textArea();
        robot.click(area);
        robot.focusAndWaitForFocusGain(area);
        robot.enterText("int y = 2;");
        String suggestion = server.suggestion("int y = 2;", "int y = 2;".length(), "java");
        assertThat(suggestion).as("the server's suggestion for the line").isNotBlank();
        await("the suggestion", () -> OnEdt.call(() -> frame.autocomplete().isShowing() ? true : null));
        assertThat(OnEdt.call(() -> frame.autocomplete().shownSuggestion())).isEqualTo(suggestion);

        robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
        robot.waitForIdle();
        assertThat(OnEdt.call(() -> frame.autocomplete().isShowing())).as("the suggestion after Enter").isFalse();
        robot.enterText("int z = 3;");

        await("Ada's edits stored", () -> OnEdt.call(() -> frame.session().isSynchronized()) ? true : null);
        String shown = OnEdt.call(() -> area.getText());
        String stored = server.room(roomId).get("code").asText();
        String expected = "int y = 2;\nint z = 3;";
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(shown).as("Ada's editor").isEqualTo(expected);
            soft.assertThat(stored).as("the stored text").isEqualTo(expected).doesNotContain(suggestion.strip());
        });
    }
}
