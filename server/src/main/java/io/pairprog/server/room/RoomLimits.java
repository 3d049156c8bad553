package io.pairprog.server.room;

/**
 * @param maxDocumentChars the longest text a room may hold, in UTF-16 code units
 * @param historyWindow how many recent operations a room keeps in memory to transform late edits and
 *                      catch up reconnecting clients; older ones are read back from the operation log
 */
public record RoomLimits(int maxDocumentChars, int historyWindow) {
}
