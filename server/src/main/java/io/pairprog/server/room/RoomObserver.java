package io.pairprog.server.room;

/**
 * What the room layer reports as it works, for metrics. Rooms know nothing of any metrics library; the
 * server plugs one in here.
 */
public interface RoomObserver {
    /** Reports nothing. */
    RoomObserver NONE = new RoomObserver() {
    };

    /** One transaction stored {@code edits} edits in {@code nanos}. */
    default void committed(int edits, long nanos) {
    }

    /** A transaction of {@code edits} edits failed; their senders were told to resend. */
    default void commitFailed(int edits) {
    }

    /** An edit was acknowledged and broadcast {@code nanos} after the server received it. */
    default void delivered(long nanos) {
    }
}
