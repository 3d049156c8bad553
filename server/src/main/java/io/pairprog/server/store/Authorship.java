package io.pairprog.server.store;

/**
 * Who made a revision, as the room knew them when it was made: a display name and colour (both null for
 * seed clients, which have neither), and for a restore, the revision it brought back.
 */
public record Authorship(String name, String color, Long restoredRevision) {
    public static final Authorship UNKNOWN = new Authorship(null, null, null);

    public static Authorship restore(String name, long revision) {
        return new Authorship(name, null, revision);
    }
}
