package io.pairprog.server.store;

import io.pairprog.ot.TextOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A room's text at any stored revision, its current one included: the latest snapshot at or before it
 * plus the operations after it. A commit stores a room's text only when a snapshot is due, so this is
 * also how a room is loaded.
 */
public final class RoomTexts {
    /** Operations read per query while replaying a long stretch. */
    private static final int CHUNK = 2_000;

    private final Snapshots snapshots;
    private final OperationLog log;

    public RoomTexts(Database database) {
        this.snapshots = new Snapshots(database);
        this.log = new OperationLog(database);
    }

    /** A text and how much the operations since its last snapshot weigh ({@link OperationSize#stored}). */
    public record Replayed(String text, long sinceSnapshot) {
    }

    /** The text at {@code revision}, which must not be beyond the room's stored revision. */
    public String textAt(UUID roomId, long revision) {
        return replay(roomId, revision).text();
    }

    /**
     * The text at {@code revision} and the weight of the operations read since the snapshot it started
     * from. A stretch longer than the snapshot rule allows (a room stored before that rule) is snapshotted
     * on the way wherever a snapshot is due, so the next read of it is short.
     */
    public Replayed replay(UUID roomId, long revision) {
        Snapshots.Snapshot start = snapshots.latestAtOrBefore(roomId, revision);
        String text = start.code();
        long since = 0;
        Composer pending = new Composer();
        for (long after = start.revision(); after < revision; ) {
            long upTo = Math.min(after + CHUNK, revision);
            List<LoggedOperation> ops = log.range(roomId, after, upTo);
            if (ops.size() != upTo - after) {
                throw new StoreException("room " + roomId + ": the log has " + ops.size() + " of the operations "
                        + "after revision " + after + " up to " + upTo, null);
            }
            for (LoggedOperation op : ops) {
                pending.add(op.operation());
                since += OperationSize.stored(op.operation());
                // The text's length after this operation, without applying anything yet.
                long length = text.length() + pending.lengthChange();
                if (op.revision() < revision && Snapshots.due(since, length)) {
                    text = pending.applyTo(text);
                    snapshots.save(roomId, op.revision(), text);
                    since = 0;
                }
            }
            after = upTo;
        }
        return new Replayed(pending.applyTo(text), since);
    }

    /**
     * Composes a run of operations in a balanced tree, like a binary counter: each operation joins the
     * newest composite of its own size. Composing left to right would make every step as long as the
     * composite so far (quadratic for many edits spread over a text); so each operation takes part in
     * about log n compositions. Applying each one to the text instead would copy the whole text each time.
     */
    private static final class Composer {
        private final List<TextOperation> stack = new ArrayList<>();
        private final List<Integer> sizes = new ArrayList<>();
        private long lengthChange;

        void add(TextOperation op) {
            lengthChange += op.targetLength() - op.baseLength();
            TextOperation composite = op;
            int size = 1;
            while (!stack.isEmpty() && sizes.get(sizes.size() - 1) == size) {
                composite = stack.remove(stack.size() - 1).compose(composite);
                size += sizes.remove(sizes.size() - 1);
            }
            stack.add(composite);
            sizes.add(size);
        }

        long lengthChange() {
            return lengthChange;
        }

        /** Applies everything added, then starts empty again. */
        String applyTo(String text) {
            TextOperation all = null;
            for (TextOperation op : stack) {
                all = all == null ? op : all.compose(op);
            }
            stack.clear();
            sizes.clear();
            lengthChange = 0;
            return all == null ? text : all.apply(text);
        }
    }
}
