package io.pairprog.loadtest;

import io.pairprog.ot.TextOperation;

/**
 * A client's copy of the room's text. Load clients keep the whole text so the end of a run can check
 * that every client converged on what the server stored; clients that only fill a room (the join
 * measurement builds a 1 MB document) keep just its length, which is all an insert position needs.
 */
interface Document {
    int length();

    void apply(TextOperation op);

    /** The text, or null when only the length is kept. */
    String text();

    static Document of(String text, boolean keepText) {
        return keepText ? new Text(text) : new Length(text.length());
    }

    final class Text implements Document {
        private String text;

        Text(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public void apply(TextOperation op) {
            text = op.apply(text);
        }

        @Override
        public String text() {
            return text;
        }
    }

    final class Length implements Document {
        private int length;

        Length(int length) {
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public void apply(TextOperation op) {
            if (op.baseLength() != length) {
                throw new IllegalStateException("apply: base length " + op.baseLength() + " vs document " + length);
            }
            length = op.targetLength();
        }

        @Override
        public String text() {
            return null;
        }
    }
}
