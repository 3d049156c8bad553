package io.pairprog.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.desktop.editor.CollabTextArea;
import io.pairprog.desktop.support.Gui;
import io.pairprog.desktop.support.OnEdt;
import io.pairprog.desktop.support.RequiresDisplay;
import io.pairprog.desktop.support.TestPeer;
import io.pairprog.ot.TextOperation;
import io.pairprog.ot.UndoManager;
import java.awt.event.KeyEvent;
import org.assertj.swing.core.Robot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per-user undo with two real clients on a real server: Ada (the app, driven by key events) types
 * words between brackets, pausing longer than the undo merge window after each, while Bob (a
 * WebSocket client) keeps inserting digits right at both ends of her text. Ada then undoes until
 * nothing is left to undo: one step per word, Bob's digits landing in her typing do not split it.
 * Only her letters go: the text is Bob's digits in the brackets, in both clients and in the store.
 * Redo brings her letters back exactly where they were.
 */
@RequiresDisplay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentUndoGuiTest {

    private static final String START = "[]\n";
    private static final String[] ADAS_WORDS = {"alpha", "beta", "gamma", "delta", "epsilon"};
    private static final String ADAS = String.join("", ADAS_WORDS);
    private static final int BOBS_EDITS = 30;

    @RegisterExtension
    static final DesktopRoom room = DesktopRoom.create().robotDelay(10);

    private Robot robot;
    private EditorFrame frame;
    private TestPeer bob;

    @BeforeAll
    void bobTypesAndAdaOpensTheRoom() {
        robot = room.robot();
        bob = room.peerTypes("Bob", START);
        frame = room.openAs("Ada", START);
    }

    @Test
    void undoRemovesOnlyTheUsersOwnConcurrentEditsEverywhereAndRedoRestoresThem() throws Exception {
        CollabTextArea area = frame.adapter().textArea();
        robot.click(area);
        robot.focusAndWaitForFocusGain(area);
        OnEdt.run(() -> area.setCaretPosition(1));

        Thread bobsEdits = new Thread(() -> {
            for (int i = 0; i < BOBS_EDITS; i++) {
                String digit = String.valueOf(i % 10);
                boolean atEnd = i % 2 == 0; // where Ada's caret is, or where her text starts
                bob.editWith(doc -> {
                    int at = atEnd ? doc.indexOf(']') : doc.indexOf('[') + 1;
                    return TextOperation.builder().retain(at).insert(digit).retain(doc.length() - at).build();
                });
                Gui.sleep(150); // so that his digits land all through her typing
            }
        }, "bob-edits");
        bobsEdits.start();
        for (String word : ADAS_WORDS) {
            for (char c : word.toCharArray()) {
                robot.type(c);
            }
            Gui.sleep(UndoManager.MERGE_WINDOW_MILLIS + 200); // the next word is the next undo step
        }
        bobsEdits.join(30_000);

        String typed = room.awaitConvergence(frame, bob);
        assertThat(letters(typed)).isEqualTo(ADAS.length());
        assertThat(digits(typed)).isEqualTo(BOBS_EDITS);
        String bobsOnly = typed.replaceAll("[a-z]", "");

        int undos = 0;
        while (OnEdt.call(area::canUndo)) {
            assertThat(undos).as("undo steps").isLessThan(ADAS.length() + BOBS_EDITS + 1);
            Gui.ctrl(robot, KeyEvent.VK_Z);
            robot.waitForIdle();
            undos++;
            assertThat(digits(OnEdt.call(area::getText))).as("Bob's digits after undo %d", undos).isEqualTo(BOBS_EDITS);
        }

        assertThat(undos).as("undo steps").isEqualTo(ADAS_WORDS.length);
        assertThat(room.awaitConvergence(frame, bob)).isEqualTo(bobsOnly);
        assertThat(bob.doc()).isEqualTo(bobsOnly);
        assertThat(room.stored().get("code").asText()).isEqualTo(bobsOnly);

        int redos = 0;
        while (OnEdt.call(area::canRedo)) {
            assertThat(redos).as("redo steps").isLessThan(undos);
            Gui.ctrl(robot, KeyEvent.VK_Y);
            robot.waitForIdle();
            redos++;
        }

        assertThat(redos).isEqualTo(undos);
        assertThat(room.awaitConvergence(frame, bob)).isEqualTo(typed);
        assertThat(room.stored().get("code").asText()).isEqualTo(typed);
        assertThat(bob.problems()).isEmpty();
    }

    private static long letters(String text) {
        return text.chars().filter(c -> c >= 'a' && c <= 'z').count();
    }

    private static long digits(String text) {
        return text.chars().filter(Character::isDigit).count();
    }
}
