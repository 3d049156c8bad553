package io.pairprog.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pairprog.desktop.support.OnEdt;
import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import java.awt.Color;
import java.awt.event.ActionEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultEditorKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The document ↔ operation bridge without a window: edits made through the Swing text API become
 * the expected operations, and operations from peers land in the document without being sent back
 * and without dragging the local caret along. Runs on the EDT, headless or not.
 */
@ExtendWith(OnEdt.class)
class EditorAdapterTest {

    private CollabTextArea area;
    private EditorAdapter adapter;
    private final List<TextOperation> sent = new ArrayList<>();

    @BeforeEach
    void setUp() {
        area = new CollabTextArea(10, 40);
        adapter = new EditorAdapter(area);
        adapter.reset("hello world");
        adapter.setListener(new EditorAdapter.Listener() {
            @Override
            public void localEdit(TextOperation op) {
                sent.add(op);
            }

            @Override
            public void localSelectionChanged() {
            }
        });
    }

    @Test
    void resetIsNotSent() {
        adapter.reset("fresh text");

        assertThat(area.getText()).isEqualTo("fresh text");
        assertThat(sent).isEmpty();
    }

    @Test
    void typingAtTheCaretBecomesAnInsertOverTheWholeDocument() {
        area.setCaretPosition(5);
        area.replaceSelection(",");

        assertThat(area.getText()).isEqualTo("hello, world");
        assertThat(sent).containsExactly(op().retain(5).insert(",").retain(6).build());
    }

    @Test
    void removingTextBecomesADelete() throws BadLocationException {
        area.getDocument().remove(0, 6);

        assertThat(area.getText()).isEqualTo("world");
        assertThat(sent).containsExactly(op().delete(6).retain(5).build());
    }

    @Test
    void replacingASelectionIsADeleteThenAnInsertThatComposeToTheReplacement() {
        area.select(6, 11);
        area.replaceSelection("there");

        assertThat(area.getText()).isEqualTo("hello there");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).compose(sent.get(1))).isEqualTo(op().retain(6).insert("there").delete(5).build());
    }

    @Test
    void aMultiLinePasteIsOneInsert() {
        area.setCaretPosition(11);
        area.replaceSelection("\n\tline two\r\nline three\n");

        assertThat(sent).containsExactly(op().retain(11).insert("\n\tline two\r\nline three\n").build());
        assertThat(sent.get(0).apply("hello world")).isEqualTo(area.getText());
    }

    @Test
    void undoOfALocalEditSendsItsInverseAndRedoSendsItAgain() {
        area.setCaretPosition(11);
        area.replaceSelection("!");
        sent.clear();

        area.undoLastAction();

        assertThat(area.getText()).isEqualTo("hello world");
        assertThat(sent).containsExactly(op().retain(11).delete(1).build());
        assertThat(area.getCaretPosition()).isEqualTo(11);

        area.redoLastAction();

        assertThat(area.getText()).isEqualTo("hello world!");
        assertThat(sent).last().isEqualTo(op().retain(11).insert("!").build());
    }

    @Test
    void aReplacementIsOneUndoStepBecauseOneEventMadeItsRemoveAndInsert() {
        area.select(0, 5);
        area.replaceSelection("goodbye");
        sent.clear();

        area.undoLastAction();

        assertThat(area.getText()).isEqualTo("hello world");
        assertThat(area.canUndo()).isFalse();
        assertThat(area.canRedo()).isTrue();
    }

    @Test
    void aPeersOperationMovesTheUndoHistorySoAnUndoStillFits() {
        area.setCaretPosition(11);
        area.replaceSelection("!");
        adapter.applyRemote(op().insert(">> ").retain(12).build());
        sent.clear();

        area.undoLastAction();

        assertThat(sent).containsExactly(op().retain(14).delete(1).build());
    }

    @Test
    void aRemoteEditBeforeTheCaretMovesTheCaret() {
        area.setCaretPosition(6);

        adapter.applyRemote(op().insert("oh, ").retain(11).build());

        assertThat(area.getText()).isEqualTo("oh, hello world");
        assertThat(area.getCaretPosition()).isEqualTo(10);
        assertThat(area.getText().substring(area.getCaretPosition())).isEqualTo("world");
    }

    @Test
    void aRemoteEditAfterTheCaretLeavesTheCaret() {
        area.setCaretPosition(5);

        adapter.applyRemote(op().retain(11).insert("!!").build());

        assertThat(area.getText()).isEqualTo("hello world!!");
        assertThat(area.getCaretPosition()).isEqualTo(5);
    }

    @Test
    void aRemoteDeleteAroundTheCaretPutsItWhereTheDeletionWas() {
        area.setCaretPosition(8);

        adapter.applyRemote(op().retain(5).delete(6).build());

        assertThat(area.getText()).isEqualTo("hello");
        assertThat(area.getCaretPosition()).isEqualTo(5);
    }

    @Test
    void aRemoteEditKeepsTheLocalSelectionOnTheSameText() {
        area.select(6, 11);

        adapter.applyRemote(op().insert("well, ").retain(6).insert("big ").retain(5).build());

        assertThat(area.getText()).isEqualTo("well, hello big world");
        assertThat(area.getSelectedText()).isEqualTo("world");
    }

    @Test
    void aRemoteEditIsNotSentBack() {
        adapter.applyRemote(op().retain(6).delete(5).insert("there").build());

        assertThat(area.getText()).isEqualTo("hello there");
        assertThat(sent).isEmpty();
        assertThat(adapter.isRemoteChange()).isFalse();
    }

    @Test
    void anEmojiCountsTwoUnitsAsInJavaScript() {
        area.setCaretPosition(5);
        area.replaceSelection("😀");
        adapter.applyRemote(op().retain(13).insert("🎉").build());

        assertThat(sent).containsExactly(op().retain(5).insert("😀").retain(6).build());
        assertThat(area.getText()).isEqualTo("hello😀 world🎉");
        assertThat(area.getCaretPosition()).isEqualTo(7);
    }

    @Test
    void backspaceDeletesBothHalvesOfAnEmoji() {
        adapter.reset("a😀b");
        area.setCaretPosition(3);

        area.getActionMap().get(DefaultEditorKit.deletePrevCharAction).actionPerformed(new ActionEvent(area, 0, ""));

        assertThat(area.getText()).isEqualTo("ab");
        assertThat(sent).containsExactly(op().retain(1).delete(2).retain(1).build());
    }

    @Test
    void peersCaretsMoveWithEveryEdit() {
        adapter.showRemoteSelection("bob", "Bob", Color.RED, new Selection(List.of(new Selection.Range(6, 11))));

        area.setCaretPosition(0);
        area.replaceSelection("ah, ");
        assertThat(adapter.remoteSelection("bob").ranges()).containsExactly(new Selection.Range(10, 15));

        adapter.applyRemote(op().delete(4).retain(11).build());

        assertThat(adapter.remoteSelection("bob").ranges()).containsExactly(new Selection.Range(6, 11));
        adapter.showRemoteSelection("bob", "Bob", Color.RED, null);
        assertThat(adapter.remoteSelection("bob")).isNull();
    }

    @Test
    void aRemoteOperationOfTheWrongLengthIsRefusedLoudly() {
        assertThatThrownBy(() -> adapter.applyRemote(op().retain(3).insert("x").build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("base length 3").hasMessageContaining("document length 11");
        assertThat(area.getText()).isEqualTo("hello world");
    }

    @Test
    void aReadOnlyEditorTakesPeersOperationsButNoLocalChange() throws BadLocationException {
        adapter.setReadOnly(true);
        area.setCaretPosition(5);

        area.replaceSelection("!");
        area.getDocument().insertString(0, "typed ", null);
        area.getDocument().remove(0, 5);
        area.getActionMap().get(DefaultEditorKit.deletePrevCharAction).actionPerformed(new ActionEvent(area, 0, ""));
        adapter.applyRemote(op().retain(5).insert(", there").retain(6).build());
        adapter.reset("fresh text");
        adapter.applyRemote(op().retain(10).insert("!").build());

        assertThat(area.getText()).isEqualTo("fresh text!");
        assertThat(area.isEditable()).isFalse();
        assertThat(sent).isEmpty();
        assertThat(area.canUndo()).isFalse();
    }

    private static TextOperation.Builder op() {
        return TextOperation.builder();
    }
}
