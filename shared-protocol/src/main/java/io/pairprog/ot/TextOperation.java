package io.pairprog.ot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An edit of a plain-text document: an immutable list of {@link Retain}, {@link Insert} and
 * {@link Delete} components that an imaginary cursor runs through from the start of the document
 * to its end (ot.js). Lengths count UTF-16 code units, as {@link String#length()} and JavaScript's
 * {@code str.length} do.
 *
 * <p>Operations are only built through {@link Builder}, which normalises while appending (no empty
 * components, neighbours of one kind merged, an insert always before an adjacent delete). So two
 * operations that make the same edit have the same components, and {@link #equals} compares them
 * structurally.
 *
 * <p>The laws, for a document {@code S} with {@code S.length() == a.baseLength()}:
 *
 * <pre>
 *   a.apply(S).length()                == a.targetLength()
 *   a.invert(S).apply(a.apply(S))      == S
 *   a.compose(b).apply(S)              == b.apply(a.apply(S))
 *   transform(a, b) = (a', b')  ==&gt;    b'.apply(a.apply(S)) == a'.apply(b.apply(S))     (TP1)
 * </pre>
 */
public final class TextOperation {

    /** One step of the imaginary cursor. */
    public sealed interface Component permits Retain, Insert, Delete {
        /** UTF-16 units this component retains, inserts or deletes; always positive. */
        int length();
    }

    /** Keeps the next {@code n} units of the document. */
    public record Retain(int n) implements Component {
        public Retain {
            if (n <= 0) {
                throw new OperationException("Retain: count must be positive, got " + n);
            }
        }

        @Override
        public int length() {
            return n;
        }
    }

    /** Inserts {@code text} at the cursor; the cursor does not move in the base document. */
    public record Insert(String text) implements Component {
        public Insert {
            if (text == null || text.isEmpty()) {
                throw new OperationException("Insert: text must be non-empty, got "
                        + (text == null ? "null" : "\"\""));
            }
        }

        @Override
        public int length() {
            return text.length();
        }
    }

    /** Removes the next {@code n} units of the document. */
    public record Delete(int n) implements Component {
        public Delete {
            if (n <= 0) {
                throw new OperationException("Delete: count must be positive, got " + n);
            }
        }

        @Override
        public int length() {
            return n;
        }
    }

    /** The pair {@link #transform} returns: {@code aPrime} applies after b, {@code bPrime} after a. */
    public record Transformed(TextOperation aPrime, TextOperation bPrime) {
    }

    private final List<Component> components;
    private final int baseLength;
    private final int targetLength;

    private TextOperation(List<Component> components, int baseLength, int targetLength) {
        this.components = components;
        this.baseLength = baseLength;
        this.targetLength = targetLength;
    }

    /** A new, empty builder; {@code builder().build()} is the identity on the empty document. */
    public static Builder builder() {
        return new Builder();
    }

    /** The operation that keeps a document of {@code length} units as it is: {@code identity(n).apply(S) == S}. */
    public static TextOperation identity(int length) {
        if (length < 0) {
            throw new OperationException("identity: length must not be negative, got " + length);
        }
        return builder().retain(length).build();
    }

    /** The normalised components, unmodifiable. */
    public List<Component> components() {
        return components;
    }

    /** Length of the documents this operation applies to. */
    public int baseLength() {
        return baseLength;
    }

    /** Length of the document {@link #apply} returns. */
    public int targetLength() {
        return targetLength;
    }

    /** True when the operation changes nothing: {@code apply(S) == S} for every fitting {@code S}. */
    public boolean isNoop() {
        return components.isEmpty() || (components.size() == 1 && components.get(0) instanceof Retain);
    }

    /** The edited document: {@code apply(S).length() == targetLength()}. */
    public String apply(String doc) {
        requireBase("apply", doc);
        StringBuilder out = new StringBuilder(targetLength);
        int pos = 0;
        for (Component c : components) {
            if (c instanceof Insert i) {
                out.append(i.text());
                continue;
            }
            if (c instanceof Retain) {
                out.append(doc, pos, pos + c.length());
            }
            pos += c.length();
        }
        return out.toString();
    }

    /**
     * The operation that undoes this one: {@code invert(S).apply(apply(S)) == S}. It needs the base
     * document because a delete does not remember the text it removes.
     */
    public TextOperation invert(String doc) {
        requireBase("invert", doc);
        Builder inverse = builder();
        int pos = 0;
        for (Component c : components) {
            if (c instanceof Retain) {
                inverse.retain(c.length());
            } else if (c instanceof Insert) {
                inverse.delete(c.length());
                continue;
            } else {
                inverse.insert(doc.substring(pos, pos + c.length()));
            }
            pos += c.length();
        }
        return inverse.build();
    }

    /**
     * One operation with the effect of this one followed by {@code next}:
     * {@code compose(next).apply(S) == next.apply(apply(S))}.
     *
     * <p>{@code next} walks the middle document; this operation's deletes are not in it, so the
     * cursor hands them out whole and they pass straight through.
     */
    public TextOperation compose(TextOperation next) {
        if (targetLength != next.baseLength) {
            throw new OperationException("compose: target length " + targetLength
                    + " does not match the next operation's base length " + next.baseLength);
        }
        Builder out = builder();
        Cursor first = new Cursor(this);
        for (Component c : next.components) {
            if (c instanceof Insert) {
                out.add(c);
                continue;
            }
            for (int n = c.length(); n > 0; ) {
                Component piece = first.take(n, Delete.class);
                if (piece instanceof Delete) {
                    out.add(piece);
                    continue;
                }
                n -= piece.length();
                if (c instanceof Retain) {
                    out.add(piece);
                } else if (piece instanceof Retain) {
                    out.delete(piece.length());
                }
                // else next deletes text this operation inserted: neither survives.
            }
        }
        while (first.peek() != null) {
            out.add(first.take(Integer.MAX_VALUE, Delete.class)); // only deletes can be left
        }
        return out.build();
    }

    /**
     * Makes two concurrent operations on the same document sequential:
     * {@code b'.apply(a.apply(S)) == a'.apply(b.apply(S))} (TP1).
     *
     * <p>When both insert at the same position, <b>a's insert goes first</b>. Server and clients
     * always pass the client's (not yet acknowledged) operation as {@code a}, so every site breaks
     * the tie the same way.
     */
    public static Transformed transform(TextOperation a, TextOperation b) {
        if (a.baseLength != b.baseLength) {
            throw new OperationException("transform: base lengths differ ("
                    + a.baseLength + " vs " + b.baseLength + ")");
        }
        return new Transformed(transformAfter(a, b, true), transformAfter(b, a, false));
    }

    /**
     * {@code op} rewritten to apply after {@code other}, text-unicode style. {@code other}'s
     * inserts become retains; {@code op}'s inserts are handed out whole because they take no room
     * in the base document.
     */
    private static TextOperation transformAfter(TextOperation op, TextOperation other, boolean opFirst) {
        Builder out = builder();
        Cursor mine = new Cursor(op);
        for (Component c : other.components) {
            if (c instanceof Insert) {
                if (opFirst && mine.peek() instanceof Insert) {
                    out.add(mine.take(Integer.MAX_VALUE, Insert.class));
                }
                out.retain(c.length());
                continue;
            }
            for (int n = c.length(); n > 0; ) {
                Component piece = mine.take(n, Insert.class);
                if (piece instanceof Insert) {
                    out.add(piece);
                    continue;
                }
                n -= piece.length();
                if (c instanceof Retain) {
                    out.add(piece);
                }
                // else other deleted this span: a retain of it is moot, a delete already done.
            }
        }
        while (mine.peek() != null) {
            out.add(mine.take(Integer.MAX_VALUE, Insert.class)); // only inserts can be left
        }
        return out.build();
    }

    /**
     * Where a caret at {@code index} in the base document lands in the target document:
     * it moves right past text inserted before it <em>or exactly at it</em> (ot.js), left past text
     * deleted before it, and to the start of a deletion that swallows it. The result is always in
     * {@code [0, targetLength()]}.
     */
    public int transformIndex(int index) {
        if (index < 0 || index > baseLength) {
            throw new OperationException("transformIndex: index " + index
                    + " is outside the base document [0, " + baseLength + "]");
        }
        int moved = index;
        int ahead = index; // base units between the walk and the caret; negative once past it
        for (Component c : components) {
            if (ahead < 0) {
                break;
            }
            if (c instanceof Insert) {
                moved += c.length();
            } else {
                if (c instanceof Delete) {
                    moved -= Math.min(ahead, c.length());
                }
                ahead -= c.length();
            }
        }
        return moved;
    }

    /**
     * True when this edit carries on {@code previous}, so that undo takes both back as one step
     * (ot.js {@code shouldBeComposedWith}, asked from the later edit): typing on where previous's
     * insert left the caret, or Backspace ending / Delete starting where previous deleted. Only a
     * single insert or a single delete continues anything; previous may also be a replacement
     * (typing over a selection), which counts as the insert it ends with.
     */
    public boolean continues(TextOperation previous) {
        return continues(previous, identity(previous.targetLength));
    }

    /**
     * {@link #continues(TextOperation)} with peers' operations, composed as {@code since}, applied
     * between {@code previous} and this edit: the caret previous left moves through them as
     * {@link #transformIndex} moves a caret, so a peer typing elsewhere, or right at that caret,
     * does not end a run of typing.
     */
    public boolean continues(TextOperation previous, TextOperation since) {
        if (previous.targetLength != since.baseLength || since.targetLength != baseLength) {
            throw new OperationException("continues: lengths do not chain (previous ends at "
                    + previous.targetLength + ", since goes " + since.baseLength + " to " + since.targetLength
                    + ", this starts at " + baseLength + ")");
        }
        Run before = Run.of(previous);
        Run after = Run.of(this);
        if (before == null || after == null || (after.inserted() > 0) == (after.deleted() > 0)) {
            return false;
        }
        if (after.inserted() > 0) {
            return before.inserted() > 0 && after.start() == since.transformIndex(before.start() + before.inserted());
        }
        int caret = since.transformIndex(before.start());
        return before.inserted() == 0 && (after.start() == caret || after.start() + after.deleted() == caret);
    }

    /**
     * True when applying this operation to {@code doc} would cut a surrogate pair: a component
     * boundary falls between a high and a low surrogate, or inserted text holds a lone surrogate.
     * Lengths are UTF-16 units, so such an operation is well-formed but would leave half an emoji
     * behind; the server rejects it.
     */
    public boolean splitsSurrogatePair(String doc) {
        requireBase("splitsSurrogatePair", doc);
        int pos = 0;
        for (Component c : components) {
            if (pos > 0 && pos < doc.length()
                    && Character.isHighSurrogate(doc.charAt(pos - 1))
                    && Character.isLowSurrogate(doc.charAt(pos))) {
                return true;
            }
            if (c instanceof Insert i) {
                if (!Utf16.isWellFormed(i.text())) {
                    return true;
                }
            } else {
                pos += c.length();
            }
        }
        return false;
    }

    /**
     * The ot.js JSON form, e.g. {@code [5, "abc", -2]}: a positive Integer retains, a String
     * inserts, a negative Integer deletes. {@code fromWire(op.toWire()).equals(op)}. Any Jackson
     * {@code ObjectMapper} writes an operation in this form, not as a bean.
     */
    @JsonValue
    public List<Object> toWire() {
        List<Object> wire = new ArrayList<>(components.size());
        for (Component c : components) {
            if (c instanceof Insert i) {
                wire.add(i.text());
            } else {
                wire.add(c instanceof Retain ? c.length() : -c.length());
            }
        }
        return Collections.unmodifiableList(wire);
    }

    /**
     * Reads the {@link #toWire()} form. Non-zero integers that fit an int and non-empty strings are
     * accepted (and normalised, so {@code [2, 3]} reads as {@code [5]}); everything else - zero,
     * fractions, numbers beyond int, booleans, nulls, nested arrays or objects, empty strings - is
     * rejected with a message naming the element. Any Jackson {@code ObjectMapper} reads
     * operations through this method.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TextOperation fromWire(List<?> components) {
        if (components == null) {
            throw new OperationException("fromWire: components is null");
        }
        Builder op = builder();
        for (int i = 0; i < components.size(); i++) {
            Object c = components.get(i);
            if (c instanceof String s) {
                if (s.isEmpty()) {
                    throw new OperationException("fromWire: element " + i
                            + " is an empty string (inserts must be non-empty)");
                }
                op.insert(s);
            } else if (c instanceof Integer || c instanceof Long || c instanceof Short || c instanceof Byte) {
                long n = ((Number) c).longValue();
                if (n == 0) {
                    throw new OperationException("fromWire: element " + i
                            + " is 0 (retain and delete counts must be non-zero)");
                }
                if (n > Integer.MAX_VALUE || n < -Integer.MAX_VALUE) {
                    throw new OperationException("fromWire: element " + i + " is " + n
                            + ", outside the int range");
                }
                if (n > 0) {
                    op.retain((int) n);
                } else {
                    op.delete((int) -n);
                }
            } else if (c instanceof BigInteger n) {
                throw new OperationException("fromWire: element " + i + " is " + n + ", outside the int range");
            } else if (c instanceof Number n) {
                throw new OperationException("fromWire: element " + i + " is " + n + ", not an integer");
            } else {
                throw new OperationException("fromWire: element " + i + " is " + describe(c)
                        + "; expected a non-zero integer or a non-empty string");
            }
        }
        return op.build();
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Collection<?> || value.getClass().isArray()) {
            return "an array";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return "a " + value.getClass().getSimpleName();
    }

    private void requireBase(String function, String doc) {
        if (doc == null) {
            throw new OperationException(function + ": document is null");
        }
        if (doc.length() != baseLength) {
            throw new OperationException(function + ": base length " + baseLength
                    + " does not match document length " + doc.length());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextOperation other && components.equals(other.components);
    }

    @Override
    public int hashCode() {
        return components.hashCode();
    }

    /** The wire form as JSON, e.g. {@code [5,"abc",-2]}; for logs and test failures. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[");
        for (Component c : components) {
            if (s.length() > 1) {
                s.append(',');
            }
            if (c instanceof Insert i) {
                appendQuoted(s, i.text());
            } else {
                s.append(c instanceof Retain ? c.length() : -c.length());
            }
        }
        return s.append(']').toString();
    }

    private static void appendQuoted(StringBuilder s, String text) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' || ch == '\\') {
                s.append('\\').append(ch);
            } else if (ch < 0x20 || Character.isSurrogate(ch)) {
                // Escaping surrogates too keeps a lone one visible instead of printing as '?'.
                s.append(String.format("\\u%04x", (int) ch));
            } else {
                s.append(ch);
            }
        }
        s.append('"');
    }

    /**
     * Appends components and normalises as it goes, so that every edit has one representation:
     * zero counts and empty strings are dropped, neighbours of one kind merge, and an insert next
     * to a delete is placed before it (deleting then inserting at one position equals inserting
     * then deleting). Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {

        private final ArrayList<Component> ops = new ArrayList<>();
        private int baseLength;
        private int targetLength;

        private Builder() {
        }

        /** Keeps the next {@code n} units; {@code n == 0} is a no-op. */
        public Builder retain(int n) {
            if (requireCount("retain", n)) {
                baseLength = grow("retain", baseLength, n);
                targetLength = grow("retain", targetLength, n);
                if (last() instanceof Retain r) {
                    ops.set(ops.size() - 1, new Retain(r.n() + n));
                } else {
                    ops.add(new Retain(n));
                }
            }
            return this;
        }

        /** Inserts {@code text} at the cursor; the empty string is a no-op. */
        public Builder insert(String text) {
            if (text == null) {
                throw new OperationException("insert: text is null");
            }
            if (text.isEmpty()) {
                return this;
            }
            targetLength = grow("insert", targetLength, text.length());
            int at = ops.size();
            if (last() instanceof Delete) {
                at--;
            }
            if (at > 0 && ops.get(at - 1) instanceof Insert i) {
                ops.set(at - 1, new Insert(i.text() + text));
            } else {
                ops.add(at, new Insert(text));
            }
            return this;
        }

        /** Deletes the next {@code n} units; {@code n == 0} is a no-op. */
        public Builder delete(int n) {
            if (requireCount("delete", n)) {
                baseLength = grow("delete", baseLength, n);
                if (last() instanceof Delete d) {
                    ops.set(ops.size() - 1, new Delete(d.n() + n));
                } else {
                    ops.add(new Delete(n));
                }
            }
            return this;
        }

        /** The operation built so far. */
        public TextOperation build() {
            return new TextOperation(List.copyOf(ops), baseLength, targetLength);
        }

        Builder add(Component c) {
            if (c instanceof Retain r) {
                return retain(r.n());
            }
            if (c instanceof Insert i) {
                return insert(i.text());
            }
            return delete(c.length());
        }

        private Component last() {
            return ops.isEmpty() ? null : ops.get(ops.size() - 1);
        }

        private static boolean requireCount(String function, int n) {
            if (n < 0) {
                throw new OperationException(function + ": count must not be negative, got " + n);
            }
            return n > 0;
        }

        private static int grow(String function, int length, int n) {
            if (length > Integer.MAX_VALUE - n) {
                throw new OperationException(function + ": length " + length + " + " + n + " overflows int");
            }
            return length + n;
        }
    }

    /** An edit at one place: {@code retain(start) insert(inserted units) delete(deleted) retain(rest)}. */
    private record Run(int start, int inserted, int deleted) {
        /** The edit as a run; null when it changes nothing, or more than one place. */
        static Run of(TextOperation op) {
            int start = 0;
            int inserted = 0;
            int deleted = 0;
            boolean passed = false; // a retain has followed the change
            for (Component c : op.components) {
                if (c instanceof Retain) {
                    if (inserted + deleted == 0) {
                        start += c.length();
                    } else {
                        passed = true;
                    }
                } else if (passed) {
                    return null;
                } else if (c instanceof Insert) {
                    inserted += c.length();
                } else {
                    deleted += c.length();
                }
            }
            return inserted + deleted == 0 ? null : new Run(start, inserted, deleted);
        }
    }

    /**
     * Hands out an operation's components piece by piece (text-unicode's {@code makeTake}), so
     * {@link #compose} and {@link #transform} can walk two operations in step without ot.js's
     * hundred lines of if/else.
     */
    private static final class Cursor {

        private final List<Component> ops;
        private int index;
        private int offset; // units of ops[index] already handed out

        Cursor(TextOperation op) {
            this.ops = op.components;
        }

        /** What {@link #take} would hand out next, or null at the end. */
        Component peek() {
            if (index == ops.size()) {
                return null;
            }
            Component c = ops.get(index);
            return offset == 0 ? c : slice(c, offset, c.length() - offset);
        }

        /** The next piece, at most {@code n} units long - except that components of kind {@code whole} come entire. */
        Component take(int n, Class<? extends Component> whole) {
            Component c = ops.get(index);
            int left = c.length() - offset;
            if (n < left && !whole.isInstance(c)) {
                Component piece = slice(c, offset, n);
                offset += n;
                return piece;
            }
            Component piece = offset == 0 ? c : slice(c, offset, left);
            index++;
            offset = 0;
            return piece;
        }

        private static Component slice(Component c, int from, int n) {
            if (c instanceof Insert i) {
                return new Insert(i.text().substring(from, from + n));
            }
            return c instanceof Retain ? new Retain(n) : new Delete(n);
        }
    }
}
