package io.pairprog.ot;

import static io.pairprog.ot.RandomText.show;
import static io.pairprog.ot.TextOperationTest.BASE_SEED;
import static io.pairprog.ot.TextOperationTest.RUNS;
import static io.pairprog.ot.TextOperationTest.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The laws of {@link UndoManager} on seeded random sessions of one's own edits, a concurrent
 * peer's edits, undos and redos ({@link UndoWorld}); every failure message starts with the seed.
 * The hand-picked scenarios both clients must agree on are in {@code undo-vectors.json}
 * ({@link UndoVectorsTest}).
 */
class UndoManagerTest {

    private static final long WITHIN = UndoManager.MERGE_WINDOW_MILLIS - 1;

    @Nested
    class Laws {

        /** redo(undo(T)) == T and undo(redo(T)) == T, whatever edits, peers' operations and steps came before. */
        @Test
        void undoThenRedoRestoresTheText() {
            forEachSeed((seed, w) -> {
                for (int s = 0; s < 30; s++) {
                    act(w, w.rnd.nextInt(10));
                    String before = w.text;
                    String why = "seed=" + seed + " text=" + show(before) + " after" + w.log;
                    if (w.undoStep()) {
                        String undone = w.text;
                        assertThat(w.redoStep()).as(why).isTrue();
                        assertThat(w.text).as(why + ": redo(undo(T))").isEqualTo(before);
                        assertThat(w.undoStep()).as(why).isTrue();
                        assertThat(w.text).as(why + ": undo(redo(T))").isEqualTo(undone);
                    }
                }
            });
        }

        /**
         * Undo after a peer's concurrent edits undoes only one's own: no undo removes a peer's or
         * the start text's character; after undoing every step none of one's own characters is
         * left, all of the peer's text is there, and anything more is text both sides deleted.
         */
        @Test
        void undoAfterPeersEditsUndoesOnlyOnesOwn() {
            forEachSeed((seed, w) -> {
                for (int s = w.rnd.nextInt(30); s > 0; s--) {
                    int a = w.rnd.nextInt(12);
                    if (a >= 10) {
                        w.peerEdit(c -> true);
                    } else if (a == 9) {
                        undoKeepingOthersText(w, seed);
                    } else {
                        act(w, a);
                    }
                }
                for (int undos = 0; undoKeepingOthersText(w, seed); undos++) {
                    assertThat(undos).as("seed=%d: undo ends", seed).isLessThan(UndoManager.MAX_DEPTH);
                }
                String why = "seed=" + seed + " text=" + show(w.text) + " peer's=" + show(w.peerText)
                        + " after" + w.log;
                assertThat(w.text.chars()).as(why + ": own text left").noneMatch(UndoWorld::isOwn);
                assertThat(w.peerText.chars()).as(why + ": the peer's text").allMatch(c -> w.text.indexOf(c) >= 0);
                assertThat(w.text.chars()).as(why + ": more than the peer's text").allMatch(c ->
                        w.peerText.indexOf(c) >= 0 || (w.peerDeleted.contains(c) && w.ownDeleted.contains(c)));
            });
        }

        /** Typing on at the caret within the window is one step, however peers edit meanwhile (never deleting it). */
        @Test
        void aRunOfTypingIsOneStepWhilePeersEditAnywhere() {
            forEachSeed((seed, w) -> {
                for (int n = 1 + w.rnd.nextInt(12); n > 0; n--) {
                    w.type(w.rnd.nextInt((int) UndoManager.MERGE_WINDOW_MILLIS));
                    if (w.rnd.nextBoolean()) {
                        w.peerEdit(c -> !UndoWorld.isOwn(c));
                    }
                }
                String typed = w.text;
                String why = "seed=" + seed + " text=" + show(typed) + " after" + w.log;
                assertThat(w.undoStep()).as(why).isTrue();
                assertThat(w.text).as(why).isEqualTo(typed.replaceAll("[\u4E00-\u9FFF]", ""));
                assertThat(w.undo.canUndo()).as(why + ": one step").isFalse();
            });
        }

        /** Backspace, or Delete, pressed repeatedly within the window is one step, however peers insert meanwhile. */
        @Test
        void aRunOfDeletingIsOneStepWhilePeersInsert() {
            forEachSeed((seed, w) -> {
                String start = w.text;
                boolean backspace = w.rnd.nextBoolean();
                for (int n = 1 + w.rnd.nextInt(8); n > 0; n--) {
                    if (backspace) {
                        w.backspace(WITHIN);
                    } else {
                        w.deleteKey(WITHIN);
                    }
                    if (w.rnd.nextBoolean()) {
                        w.peerEdit(c -> false);
                    }
                }
                String why = "seed=" + seed + " start=" + show(start) + " after" + w.log;
                w.undoStep();
                assertThat(w.undo.canUndo()).as(why + ": one step").isFalse();
                assertThat(start.chars()).as(why + ": everything deleted is back")
                        .allMatch(c -> w.text.indexOf(c) >= 0);
            });
        }

        /** A pause of the whole window, or typing somewhere else, starts a new step. */
        @Test
        void aPauseOrAJumpEndsTheStep() {
            forEachSeed((seed, w) -> {
                w.type(0);
                w.type(WITHIN);
                boolean pause = w.rnd.nextBoolean();
                if (pause) {
                    w.type(UndoManager.MERGE_WINDOW_MILLIS + w.rnd.nextInt(5000));
                } else {
                    int at = w.rnd.nextInt(w.text.length() + 1);
                    w.caret = at == w.caret ? (at + 1) % (w.text.length() + 1) : at;
                    w.type(0);
                }
                String why = "seed=" + seed + (pause ? " pause" : " jump") + " after" + w.log;
                int steps = 0;
                while (w.undoStep()) {
                    steps++;
                }
                assertThat(steps).as(why).isEqualTo(2);
            });
        }

        /** Runs {@code run} on a fresh world for each seed; an exception, too, names its seed. */
        private void forEachSeed(SeededRun run) {
            for (int i = 0; i < RUNS; i++) {
                long seed = BASE_SEED + i;
                UndoWorld w = new UndoWorld(new Random(seed));
                try {
                    run.run(seed, w);
                } catch (RuntimeException e) {
                    throw new AssertionError("seed=" + seed + " after" + w.log + ": " + e, e);
                }
            }
        }

        private void act(UndoWorld w, int a) {
            long pause = UndoManager.MERGE_WINDOW_MILLIS + w.rnd.nextInt(3000);
            long gap = w.rnd.nextInt(4) == 0 ? pause : w.rnd.nextInt((int) UndoManager.MERGE_WINDOW_MILLIS);
            switch (a) {
                case 0, 1, 2 -> w.type(gap);
                case 3 -> w.backspace(gap);
                case 4 -> w.deleteKey(gap);
                case 5 -> w.anyEdit(gap);
                case 6 -> w.moveCaret();
                case 7 -> w.peerEdit(c -> true);
                case 8 -> w.redoStep();
                default -> w.undoStep();
            }
        }

        private boolean undoKeepingOthersText(UndoWorld w, long seed) {
            String before = w.text;
            boolean undone = w.undoStep();
            String why = "seed=" + seed + " before=" + show(before) + " after=" + show(w.text) + " after" + w.log;
            assertThat(before.chars()).as(why + ": an undo removed text not one's own")
                    .allMatch(c -> UndoWorld.isOwn(c) || w.text.indexOf(c) >= 0);
            return undone;
        }
    }

    private interface SeededRun {
        void run(long seed, UndoWorld w);
    }

    @Nested
    class Depth {

        @Test
        void onlyTheLatestMaxDepthStepsCanBeUndoneAndRedone() {
            UndoWorld w = new UndoWorld(new Random(BASE_SEED));
            String afterFifty = null;
            for (int i = 0; i < UndoManager.MAX_DEPTH + 50; i++) {
                w.type(UndoManager.MERGE_WINDOW_MILLIS); // each keystroke its own step
                if (i == 49) {
                    afterFifty = w.text;
                }
            }
            String typed = w.text;
            int undos = 0;
            while (w.undoStep()) {
                undos++;
            }
            assertThat(undos).isEqualTo(UndoManager.MAX_DEPTH);
            assertThat(w.text).isEqualTo(afterFifty);
            int redos = 0;
            while (w.redoStep()) {
                redos++;
            }
            assertThat(redos).isEqualTo(UndoManager.MAX_DEPTH);
            assertThat(w.text).isEqualTo(typed);
        }
    }

    @Nested
    class Boundaries {

        @Test
        void anEditOfTheWrongDocumentIsRefusedLoudly() {
            UndoManager undo = new UndoManager();
            undo.add(op("a"), op(-1), false, 0);

            assertThatThrownBy(() -> undo.add(op(2, "b"), op(2, -1), false, 10))
                    .isInstanceOf(OperationException.class)
                    .hasMessage("add: edit of a document of length 2, but the undo history is at length 1");
            assertThatThrownBy(() -> undo.add(op(1, "b"), op(-2), false, 10))
                    .isInstanceOf(OperationException.class)
                    .hasMessage("add: inverse [-2] does not undo [1,\"b\"]");
        }

        @Test
        void undoOnTheWrongTextLeavesBothStacksAsTheyWere() {
            UndoManager undo = new UndoManager();
            undo.add(op("ab"), op(-2), false, 0);

            assertThatThrownBy(() -> undo.undo("abc")).isInstanceOf(OperationException.class)
                    .hasMessageContaining("invert");
            assertThat(undo.canRedo()).isFalse();
            assertThat(undo.undo("ab")).isEqualTo(op(-2));
            assertThat(undo.redo("")).isEqualTo(op("ab"));
        }

        @Test
        void aNoOpIsNotAStep() {
            UndoManager undo = new UndoManager();
            undo.add(op(3), op(3), false, 0);

            assertThat(undo.canUndo()).isFalse();
            assertThat(undo.undo("abc")).isNull();
        }

        @Test
        void clearForgetsBothStacks() {
            UndoManager undo = new UndoManager();
            undo.add(op("a"), op(-1), false, 0);
            undo.add(op(1, "b"), op(1, -1), false, 5000);
            undo.undo("ab");

            undo.clear();

            assertThat(undo.canUndo() || undo.canRedo()).isFalse();
            undo.add(op("x"), op(-1), true, 0); // a fresh start: nothing to join
            assertThat(undo.undo("x")).isEqualTo(op(-1));
        }
    }
}
