package io.pairprog.server.store;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code room_leases} table: which node serves each room, under which epoch, until when. All times
 * are the database's ({@code now()}), so the nodes' clocks never have to agree.
 *
 * <p>Laws: a room has at most one unexpired lease; its epoch only grows (a lease is expired, never
 * deleted), so an epoch names one owner for ever, and a commit that checks it ({@link CommitBatch}) can
 * only be stored by that owner.
 */
public final class RoomLeases {
    private final Database database;

    public RoomLeases(Database database) {
        this.database = database;
    }

    /** What {@link #acquire} found: the lease is this node's now, or another live node holds it. */
    public sealed interface Outcome {
    }

    /** This node owns the room under {@code epoch}. */
    public record Held(long epoch) implements Outcome {
    }

    /** Node {@code nodeId} at {@code url} owns the room for {@code millisLeft} more unless it renews. */
    public record Elsewhere(String nodeId, String url, long millisLeft) implements Outcome {
    }

    /**
     * Takes the room's lease when it is free, expired, already this node's, or left by an earlier process
     * at this node's address (which, since the address is now ours, has stopped). Only rooms that exist
     * get a lease, so unknown ids leave no rows behind.
     */
    private static final String ACQUIRE = """
            INSERT INTO room_leases AS l (room_id, node_id, node_url, epoch, expires_at)
            SELECT id, ?, ?, 1, now() + ? * interval '1 millisecond' FROM rooms WHERE id = ?
            ON CONFLICT (room_id) DO UPDATE
                SET node_id = excluded.node_id, node_url = excluded.node_url, epoch = l.epoch + 1,
                    expires_at = excluded.expires_at
                WHERE l.expires_at <= now() OR l.node_id = excluded.node_id OR l.node_url = excluded.node_url
            RETURNING epoch
            """;

    private static final String OWNER = """
            SELECT node_id, node_url, GREATEST(0, CEIL(EXTRACT(EPOCH FROM expires_at - now()) * 1000)) AS left_ms
            FROM room_leases WHERE room_id = ? AND expires_at > now()
            """;

    /** Empty when no such room exists. */
    public Optional<Outcome> acquire(UUID roomId, String nodeId, String nodeUrl, long ttlMillis) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Long> epoch = database.queryOne(ACQUIRE, statement -> {
                statement.setString(1, nodeId);
                statement.setString(2, nodeUrl);
                statement.setLong(3, ttlMillis);
                statement.setObject(4, roomId);
            }, row -> row.getLong(1));
            if (epoch.isPresent()) {
                return Optional.of(new Held(epoch.get()));
            }
            Optional<Elsewhere> owner = owner(roomId);
            if (owner.isPresent()) {
                return Optional.of(owner.get());
            }
            // No row came back from either: no such room, or the lease expired in between (try again).
            if (!database.queryOne("SELECT 1 FROM rooms WHERE id = ?", s -> s.setObject(1, roomId),
                    row -> true).orElse(false)) {
                return Optional.empty();
            }
        }
        throw new StoreException("the lease of room " + roomId + " kept changing hands", null);
    }

    /** Who holds the room's unexpired lease, if anybody; claims nothing. */
    public Optional<Elsewhere> owner(UUID roomId) {
        return database.queryOne(OWNER, statement -> statement.setObject(1, roomId),
                row -> new Elsewhere(row.getString(1), row.getString(2), row.getLong(3)));
    }

    /** The address of the node serving each of {@code roomIds} now; rooms without a live lease are left out. */
    public Map<UUID, String> owners(Collection<UUID> roomIds) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> owners = new HashMap<>();
        database.inAutoCommit(connection -> Database.query(connection,
                "SELECT room_id, node_url FROM room_leases WHERE room_id = ANY(?) AND expires_at > now()",
                statement -> statement.setArray(1, connection.createArrayOf("uuid", roomIds.toArray())),
                row -> owners.put(row.getObject(1, UUID.class), row.getString(2))));
        return owners;
    }

    /** Extends the given leases (room to epoch) that are still this node's; returns the rooms extended. */
    private static final String RENEW = """
            UPDATE room_leases AS l SET expires_at = now() + ? * interval '1 millisecond'
            FROM unnest(?::uuid[], ?::bigint[]) AS m(room_id, epoch)
            WHERE l.room_id = m.room_id AND l.epoch = m.epoch AND l.node_id = ?
            RETURNING l.room_id
            """;

    public Set<UUID> renew(Map<UUID, Long> held, String nodeId, long ttlMillis) {
        if (held.isEmpty()) {
            return Set.of();
        }
        List<UUID> rooms = new ArrayList<>(held.keySet());
        Long[] epochs = rooms.stream().map(held::get).toArray(Long[]::new);
        return new HashSet<>(database.inAutoCommit(connection -> Database.query(connection, RENEW, statement -> {
            statement.setLong(1, ttlMillis);
            statement.setArray(2, connection.createArrayOf("uuid", rooms.toArray()));
            statement.setArray(3, connection.createArrayOf("bigint", epochs));
            statement.setString(4, nodeId);
        }, row -> row.getObject(1, UUID.class))));
    }

    /** Lets the room's lease go at once, if it is still this one; another node may take it right away. */
    public void release(UUID roomId, long epoch) {
        database.update("UPDATE room_leases SET expires_at = now() WHERE room_id = ? AND epoch = ?", statement -> {
            statement.setObject(1, roomId);
            statement.setLong(2, epoch);
        });
    }

    /** Lets every lease of this node go (on shutdown). */
    public int releaseAll(String nodeId) {
        return database.update("UPDATE room_leases SET expires_at = now() WHERE node_id = ? AND expires_at > now()",
                statement -> statement.setString(1, nodeId));
    }

    /** The nodes' shared secret, made by the first node that asks. */
    public String clusterSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String mine = HexFormat.of().formatHex(random);
        database.update("INSERT INTO cluster_secret (id, secret) VALUES (1, ?) ON CONFLICT DO NOTHING",
                statement -> statement.setString(1, mine));
        return database.queryOne("SELECT secret FROM cluster_secret WHERE id = 1", statement -> { },
                row -> row.getString(1)).orElseThrow();
    }
}
