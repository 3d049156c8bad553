package io.pairprog.desktop.ui;

import static io.pairprog.desktop.support.Gui.await;
import static io.pairprog.desktop.support.Gui.component;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairprog.desktop.support.Gui;
import io.pairprog.desktop.support.InProcessServer;
import io.pairprog.desktop.support.OnEdt;
import io.pairprog.desktop.support.RequiresDisplay;
import io.pairprog.desktop.support.TestPeer;
import io.pairprog.ot.TextOperation;
import java.awt.event.KeyEvent;
import java.util.Arrays;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JSlider;
import org.assertj.swing.core.Robot;
import org.assertj.swing.fixture.JSliderFixture;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The history dialog in a real window against a real server, beside a second client ("Bob"). The
 * room's history is made by real edits: Bob writes a function, Ada (the app) types a comment, Bob
 * adds a call; then the dialog is checked against the server's own {@code /history} and
 * {@code /revisions/{n}} answers. The tests run in order as one session.
 */
@RequiresDisplay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryDialogGuiTest {

    private static final String FIRST = "def greet(name):\n    return 'hi ' + name\n";
    private static final String ADAS = "# typed by Ada";
    private static final String BOBS = "print(greet('Bob'))\n";

    @RegisterExtension
    static final DesktopRoom room = DesktopRoom.create();

    private InProcessServer server;
    private Robot robot;
    private EditorFrame frame;
    private TestPeer bob;
    private String roomId;

    @BeforeAll
    void bobAndAdaMakeTheHistory() {
        server = room.server();
        roomId = room.roomId();
        robot = room.robot();
        bob = room.peerTypes("Bob", FIRST);
        frame = room.openAs("Ada", FIRST);

        robot.click(frame.adapter().textArea());
        Gui.ctrl(robot, KeyEvent.VK_END);
        robot.enterText(ADAS);
        room.awaitConvergence(frame, bob);
        bob.editWith(doc -> TextOperation.builder().retain(doc.length()).insert("\n" + BOBS).build());
        room.awaitConvergence(frame, bob);
    }

    @Test
    @Order(1)
    void theDialogShowsTheStoredTextOfTheChosenStepWithItsChangeMarked() throws Exception {
        JsonNode steps = server.history(roomId).get("steps");
        assertThat(steps).hasSize(3); // Bob, Ada, Bob (newest first)
        long adasStep = steps.get(1).get("toRevision").asLong();
        String expected = server.textAt(roomId, adasStep);
        String now = OnEdt.call(() -> frame.adapter().textArea().getText());
        assertThat(expected).isNotEqualTo(now).endsWith(ADAS);

        HistoryDialog dialog = openHistory();
        assertThat(OnEdt.call(() -> slider(dialog).getMaximum())).isEqualTo(2);
        await("the newest step shown", () -> OnEdt.call(() ->
                dialog.shownRevision() == steps.get(0).get("toRevision").asLong() ? true : null));
        assertThat(OnEdt.call(() -> historyText(dialog).getText())).isEqualTo(now);

        new JSliderFixture(robot, slider(dialog)).slideTo(1);

        await("Ada's step shown", () -> OnEdt.call(() -> dialog.shownRevision() == adasStep ? true : null));
        assertThat(OnEdt.call(() -> historyText(dialog).getText())).isEqualTo(expected);
        assertThat(OnEdt.call(() -> label(dialog, "historyAuthor").getText())).isEqualTo("Ada");
        assertThat(OnEdt.call(() -> label(dialog, "historyChange").getText())).startsWith("+" + ADAS.length() + " −0 · ");
        assertThat(OnEdt.call(() -> label(dialog, "historyTime").getText()))
                .contains(String.valueOf(java.time.LocalDate.now().getYear()));
        assertThat(OnEdt.call(() -> Arrays.stream(historyText(dialog).getHighlighter().getHighlights())
                .map(h -> expected.substring(h.getStartOffset(), h.getEndOffset())).toList())).contains(ADAS);
    }

    @Test
    @Order(2)
    void restoringAStepChangesTheOtherClientAndTheStoredText() throws Exception {
        HistoryDialog dialog = openHistory();
        new JSliderFixture(robot, slider(dialog)).slideTo(0);
        await("Bob's first step shown", () -> OnEdt.call(() -> dialog.shownRevision() == 1 ? true : null));
        assertThat(bob.doc()).isNotEqualTo(FIRST);

        robot.click(button(dialog, "historyRestore"));

        await("the dialog to close", () -> OnEdt.call(() -> frame.historyDialog() == null ? true : null));
        await("Bob to receive the restore", () -> FIRST.equals(bob.doc()) ? true : null);
        assertThat(room.awaitConvergence(frame, bob)).isEqualTo(FIRST);
        assertThat(server.room(roomId).get("code").asText()).isEqualTo(FIRST);
        JsonNode restore = server.history(roomId).get("steps").get(0);
        assertThat(restore.get("restoredRevision").asLong()).isEqualTo(1);
        assertThat(restore.get("author").asText()).isEqualTo("Ada");
    }

    @Test
    @Order(3)
    void olderStepsLoadOnDemandAndPlayReplaysToTheNewest() throws Exception {
        try (TestPeer cy = room.join("Cy")) {
            for (int i = 0; i < HistoryDialog.PAGE_SIZE; i++) { // alternating authors: one step each
                TestPeer author = i % 2 == 0 ? cy : bob;
                String line = "# " + i + "\n";
                author.editWith(doc -> TextOperation.builder().retain(doc.length()).insert(line).build());
                await("edit " + i + " stored", () -> author.isSynchronized() ? true : null);
            }
            await("Cy up to date", () -> cy.revision() == bob.revision() ? true : null);
        }
        room.awaitConvergence(frame, bob);
        long newest = server.history(roomId).get("steps").get(0).get("toRevision").asLong();

        HistoryDialog dialog = openHistory();
        await("the first page", () -> OnEdt.call(() -> slider(dialog).getMaximum() == HistoryDialog.PAGE_SIZE - 1
                && dialog.shownRevision() == newest ? true : null));
        assertThat(OnEdt.call(() -> button(dialog, "historyOlder").isEnabled())).isTrue();

        robot.click(button(dialog, "historyOlder"));

        await("the older steps", () -> OnEdt.call(() -> slider(dialog).getMaximum() == HistoryDialog.PAGE_SIZE + 3
                ? true : null));
        assertThat(OnEdt.call(() -> slider(dialog).getValue())).isEqualTo(HistoryDialog.PAGE_SIZE + 3);
        assertThat(OnEdt.call(() -> dialog.shownRevision())).isEqualTo(newest);
        assertThat(OnEdt.call(() -> button(dialog, "historyOlder").isEnabled())).isFalse();

        new JSliderFixture(robot, slider(dialog)).slideTo(HistoryDialog.PAGE_SIZE);
        long from = OnEdt.call(() -> dialog.shownRevision());
        robot.click(button(dialog, "historyPlay"));
        assertThat(OnEdt.call(() -> button(dialog, "historyPlay").getText())).isEqualTo("Stop");

        await("the replay to reach the newest step", () -> OnEdt.call(() -> dialog.shownRevision() == newest
                && "Play".equals(button(dialog, "historyPlay").getText()) ? true : null));
        assertThat(from).isLessThan(newest);
        assertThat(OnEdt.call(() -> historyText(dialog).getText())).isEqualTo(server.textAt(roomId, newest));
    }

    @Test
    @Order(4)
    void failuresAreShownInTheDialog() throws Exception {
        HistoryDialog dialog = openHistory();
        server.stop();
        try {
            new JSliderFixture(robot, slider(dialog)).slideTo(20); // a step whose text was never fetched
            String error = await("the load error", () -> OnEdt.call(() -> {
                String text = label(dialog, "historyError").getText();
                return text.startsWith("Cannot load revision") ? text : null;
            }));
            assertThat(error).contains("does not answer");

            robot.click(button(dialog, "historyRestore"));

            await("the restore error", () -> OnEdt.call(() ->
                    label(dialog, "historyError").getText().startsWith("Cannot restore revision") ? true : null));
            assertThat(OnEdt.call(dialog::isDisplayable)).isTrue();
        } finally {
            server.restart();
        }
    }

    // --- helpers ----------------------------------------------------------------------------

    /** Opens the dialog with the toolbar's History… button, or returns the one already open. */
    private HistoryDialog openHistory() {
        HistoryDialog open = OnEdt.call(() -> frame.historyDialog());
        if (open != null) {
            return open;
        }
        robot.click(component(frame, "history"));
        HistoryDialog dialog = await("the history dialog", () -> OnEdt.call(() -> frame.historyDialog()));
        await("the history loaded", () -> OnEdt.call(() -> slider(dialog).isEnabled() ? true : null));
        return dialog;
    }

    private static JSlider slider(HistoryDialog dialog) {
        return (JSlider) component(dialog.getContentPane(), "historySlider");
    }

    private static RSyntaxTextArea historyText(HistoryDialog dialog) {
        return (RSyntaxTextArea) component(dialog.getContentPane(), "historyText");
    }

    private static JLabel label(HistoryDialog dialog, String name) {
        return (JLabel) component(dialog.getContentPane(), name);
    }

    private static JButton button(HistoryDialog dialog, String name) {
        return (JButton) component(dialog.getContentPane(), name);
    }
}
