package io.pairprog.server.room;

/**
 * @param maxDocumentChars the longest text a room may hold, in UTF-16 code units
 * @param historyWindow how many recent operations a room keeps in memory to transform late edits and
 *                      catch up reconnecting clients; older ones are read back from the operation log
 * @param maxStoredChars what one room may store in all (operations and snapshots, in characters): its
 *                       quota, beyond which edits are refused with STORAGE_QUOTA_EXCEEDED
 */
public record RoomLimits(int maxDocumentChars, int historyWindow, long maxStoredChars) {

    public RoomLimits(int maxDocumentChars, int historyWindow) {
        this(maxDocumentChars, historyWindow, Long.MAX_VALUE);
    }
}
