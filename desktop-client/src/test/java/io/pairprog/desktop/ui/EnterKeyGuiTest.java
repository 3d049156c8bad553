package io.pairprog.desktop.ui;

import static io.pairprog.desktop.support.Gui.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.desktop.editor.CollabTextArea;
import io.pairprog.desktop.support.OnEdt;
import io.pairprog.desktop.support.RequiresDisplay;
import io.pairprog.desktop.support.TestPeer;
import java.awt.event.KeyEvent;
import org.assertj.core.api.SoftAssertions;
import org.assertj.swing.core.Robot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #18, item 3, as a person meets it: in a Java room Ada types a line, waits until the
 * server's suggestion shows, presses Enter and types the next line. Enter must make a new line,
 * and neither her editor nor the stored text may hold the suggestion.
 */
@RequiresDisplay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnterKeyGuiTest {

    @RegisterExtension
    static final DesktopRoom room = DesktopRoom.create();

    private Robot robot;
    private EditorFrame frame;

    @BeforeAll
    void openAJavaRoom() {
        robot = room.robot();
        TestPeer bob = room.join("Bob");
        bob.setLanguage("java");
        await("a Java room", () -> "java".equals(room.stored().get("language").asText()) ? true : null);
        frame = room.openAs("Ada", "");
        await("Java in Ada's window", () -> OnEdt.call(() -> frame.getTitle().endsWith("Java") ? true : null));
    }

    @Test
    void enterAfterASuggestionShowsMakesANewLineAndStoresNoSuggestion() throws Exception {
        CollabTextArea area = frame.adapter().textArea();
        robot.click(area);
        robot.focusAndWaitForFocusGain(area);
        robot.enterText("int y = 2;");
        String suggestion = room.server().suggestion("int y = 2;", "int y = 2;".length(), "java");
        assertThat(suggestion).as("the server's suggestion for the line").isNotBlank();
        await("the suggestion", () -> OnEdt.call(() -> frame.autocomplete().isShowing() ? true : null));
        assertThat(OnEdt.call(() -> frame.autocomplete().shownSuggestion())).isEqualTo(suggestion);

        robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
        robot.waitForIdle();
        assertThat(OnEdt.call(() -> frame.autocomplete().isShowing())).as("the suggestion after Enter").isFalse();
        robot.enterText("int z = 3;");

        await("Ada's edits stored", () -> OnEdt.call(() -> frame.session().isSynchronized()) ? true : null);
        String shown = OnEdt.call(() -> area.getText());
        String stored = room.stored().get("code").asText();
        String expected = "int y = 2;\nint z = 3;";
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(shown).as("Ada's editor").isEqualTo(expected);
            soft.assertThat(stored).as("the stored text").isEqualTo(expected).doesNotContain(suggestion.strip());
        });
    }
}
