package io.pairprog.server.room;

/**
 * What the files of one room may be: how many ({@code --max-files-per-room}) and how much text they hold
 * together ({@code --max-project-chars}); each file alone is bounded like a room's text
 * ({@code --max-document-chars}).
 */
public record FileLimits(int maxFiles, long maxProjectChars) {
    public static final FileLimits DEFAULT = new FileLimits(10_000, 64L << 20);
}
