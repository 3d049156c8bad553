package io.pairprog.server.room;

import java.util.Optional;
import java.util.UUID;

/**
 * Which node serves a room. A single node serves every room ({@link #SOLE}); several nodes on one
 * PostgreSQL database serve each room from the one node that holds its lease
 * ({@link io.pairprog.server.cluster.Leases}), and the others forward its connections there.
 */
public interface Ownership {

    /** What {@link #claim} found. */
    sealed interface Claim {
    }

    /** This node serves the room; its commits are fenced by {@code lease} (null: no fence, a single node). */
    record Here(Long lease) implements Claim {
    }

    /** Another live node serves the room at {@code url}; its lease runs out in {@code millisLeft} unless renewed. */
    record Elsewhere(String url, long millisLeft) implements Claim {
    }

    /**
     * Takes the room for this node if nobody else holds it; empty when no such room exists (an
     * implementation may also answer {@link Here} for a room that does not exist: the room is then
     * looked up and not found). Throws {@link io.pairprog.server.store.StoreException} when the store is down.
     */
    Optional<Claim> claim(UUID roomId);

    /** The room, claimed under {@code lease}, is in this node's memory now (and its lease must be kept). */
    void serving(Room room);

    /** The room left this node's memory; its lease may go. */
    void left(Room room);

    /** One node, nobody to share with: every room is served here, unfenced. */
    Ownership SOLE = new Ownership() {
        @Override
        public Optional<Claim> claim(UUID roomId) {
            return Optional.of(new Here(null));
        }

        @Override
        public void serving(Room room) {
        }

        @Override
        public void left(Room room) {
        }
    };
}
