package io.pairprog.server.history;

import io.pairprog.server.store.EditSummary;
import io.pairprog.server.store.OperationLog;
import io.pairprog.server.store.RoomRecord;
import io.pairprog.server.store.RoomTexts;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a room's past from the operation log: the history as readable steps, and the text at any
 * revision. Both do bounded work per call however long the history is: a page reads at most
 * {@value #MAX_SCANNED} operations, and a revision's text is a snapshot plus at most about one snapshot
 * interval of operations (rooms stored before snapshots existed are backfilled on their first read).
 */
public final class RoomHistory {
    static final int MAX_SCANNED = 5_000;
    private static final int CHUNK = 500;

    private final OperationLog log;
    private final RoomTexts texts;

    public RoomHistory(OperationLog log, RoomTexts texts) {
        this.log = log;
        this.texts = texts;
    }

    /**
     * Up to {@code limit} steps made of revisions below {@code before} (all of them when null). A step
     * is only cut at a page boundary when one page would read more than {@value #MAX_SCANNED} operations.
     */
    public HistoryPage page(RoomRecord room, Long before, int limit) {
        long cursor = before == null ? room.revision() + 1 : Math.min(before, room.revision() + 1);
        List<HistoryStep> steps = new ArrayList<>();
        HistoryStep current = null;
        int scanned = 0;
        while (cursor > 1 && scanned < MAX_SCANNED) {
            List<EditSummary> chunk = log.newestBefore(room.id(), cursor, Math.min(CHUNK, MAX_SCANNED - scanned));
            if (chunk.isEmpty()) {
                break;
            }
            for (EditSummary op : chunk) {
                if (current != null && current.continuesWith(op)) {
                    current = current.extendedBy(op);
                } else {
                    if (current != null) {
                        steps.add(current);
                        if (steps.size() == limit) {
                            return new HistoryPage(room.revision(), steps, current.fromRevision());
                        }
                    }
                    current = HistoryStep.of(op);
                }
                cursor = op.revision();
                scanned++;
            }
        }
        if (current != null) {
            steps.add(current);
        }
        return new HistoryPage(room.revision(), steps, cursor > 1 ? cursor : null);
    }

    /** The text at {@code revision}, which must be between 0 and the room's stored revision. */
    public String textAt(RoomRecord room, long revision) {
        return revision == room.revision() && room.code() != null ? room.code() : texts.textAt(room.id(), revision);
    }
}
