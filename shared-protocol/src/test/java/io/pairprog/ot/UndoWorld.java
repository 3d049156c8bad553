package io.pairprog.ot;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * One person with an {@link UndoManager} and a peer who edits concurrently and never sees their
 * edits - the world in which "undo leaves the peer's edits alone" has an exact meaning. Every
 * character is unique and tells who wrote it: the start text from U+0100, the peer's from U+3400,
 * one's own from U+4E00 (one UTF-16 unit each, so any offset is a boundary).
 *
 * <p>{@code mine} is everything one did, relative to the peer's text: {@code text ==
 * mine.apply(peerText)}. A peer's operation {@code p} reaches one's text as
 * {@code transform(mine, p).bPrime()}, as an {@link OtClient} with unacknowledged work would
 * apply it.
 */
final class UndoWorld {

    static final int START = 0x0100;
    static final int PEERS = 0x3400;
    static final int OWN = 0x4E00;

    final Random rnd;
    final UndoManager undo = new UndoManager();
    final Set<Integer> ownDeleted = new HashSet<>();
    final Set<Integer> peerDeleted = new HashSet<>();
    final StringBuilder log = new StringBuilder(); // what happened, for failure messages
    String text;
    String peerText;
    TextOperation mine;
    int caret;
    long now;
    private int fresh;

    UndoWorld(Random rnd) {
        this.rnd = rnd;
        StringBuilder start = new StringBuilder();
        for (int i = rnd.nextInt(12); i > 0; i--) {
            start.append(freshChar(START));
        }
        text = peerText = start.toString();
        mine = TextOperation.identity(text.length());
        caret = rnd.nextInt(text.length() + 1);
    }

    static boolean isOwn(int c) {
        return c >= OWN;
    }

    /** Types one character at the caret, a pause of {@code gapMillis} after the last edit. */
    void type(long gapMillis) {
        local(TextOperation.builder().retain(caret).insert(freshChar(OWN)).retain(text.length() - caret).build(),
                false, gapMillis);
    }

    /** Backspace at the caret; nothing at the start of the text. */
    void backspace(long gapMillis) {
        if (caret > 0) {
            local(TextOperation.builder().retain(caret - 1).delete(1).retain(text.length() - caret).build(),
                    false, gapMillis);
        }
    }

    /** The Delete key at the caret; nothing at the end of the text. */
    void deleteKey(long gapMillis) {
        if (caret < text.length()) {
            local(TextOperation.builder().retain(caret).delete(1).retain(text.length() - caret - 1).build(),
                    false, gapMillis);
        }
    }

    /** Edits anywhere, several places at once; sometimes as part of the previous edit's input event. */
    void anyEdit(long gapMillis) {
        local(randomEdit(text, OWN, c -> true), rnd.nextInt(4) == 0, gapMillis);
    }

    /** The peer edits their text (deleting only what {@code deletable} allows); one's text takes it transformed. */
    void peerEdit(IntPredicate deletable) {
        TextOperation p = randomEdit(peerText, PEERS, deletable);
        TextOperation.Transformed t = TextOperation.transform(mine, p);
        peerDeleted.addAll(removed(peerText, p.apply(peerText)));
        peerText = p.apply(peerText);
        mine = t.aPrime();
        remote(t.bPrime());
    }

    /** A peer's operation, already transformed to one's text. */
    void remote(TextOperation op) {
        log.append(" remote ").append(op);
        undo.transform(op);
        caret = op.transformIndex(caret);
        text = op.apply(text);
    }

    /** Undoes a step; returns false when there was none. */
    boolean undoStep() {
        return apply("undo", undo.undo(text));
    }

    /** Redoes a step; returns false when there was none. */
    boolean redoStep() {
        return apply("redo", undo.redo(text));
    }

    /** Moves the caret somewhere at random. */
    void moveCaret() {
        caret = rnd.nextInt(text.length() + 1);
    }

    void local(TextOperation op, boolean sameEvent, long gapMillis) {
        now += gapMillis;
        log.append(sameEvent ? " same-event " : " edit ").append(op).append(" at ").append(now);
        undo.add(op, op.invert(text), sameEvent, now);
        mine = mine.compose(op);
        ownDeleted.addAll(removed(text, op.apply(text)));
        caret = op.transformIndex(caret);
        text = op.apply(text);
    }

    private boolean apply(String what, TextOperation op) {
        log.append(' ').append(what).append(' ').append(op);
        if (op == null) {
            return false;
        }
        mine = mine.compose(op);
        ownDeleted.addAll(removed(text, op.apply(text)));
        text = op.apply(text);
        caret = Math.min(caret, text.length());
        return true;
    }

    /** A random edit of {@code doc} inserting fresh characters from {@code block}. */
    private TextOperation randomEdit(String doc, int block, IntPredicate deletable) {
        TextOperation.Builder op = TextOperation.builder();
        for (int pos = 0; pos <= doc.length(); pos++) {
            if (rnd.nextInt(Math.max(doc.length(), 1) + 1) == 0) {
                op.insert(freshChar(block) + (rnd.nextBoolean() ? freshChar(block) : ""));
            }
            if (pos < doc.length()) {
                boolean delete = rnd.nextInt(5) == 0 && deletable.test(doc.charAt(pos));
                if (delete) {
                    op.delete(1);
                } else {
                    op.retain(1);
                }
            }
        }
        return op.build();
    }

    private String freshChar(int block) {
        return String.valueOf((char) (block + fresh++));
    }

    private static Set<Integer> removed(String before, String after) {
        Set<Integer> gone = new HashSet<>();
        for (char c : before.toCharArray()) {
            if (after.indexOf(c) < 0) {
                gone.add((int) c);
            }
        }
        return gone;
    }
}
