package io.pairprog.server.room;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may speak for a client id in one room. Ids are visible to everyone in the room (viewers too), so an
 * id alone proves nothing: the first {@code hello} with an id binds it to a fresh secret, returned in
 * {@code joined}, and every later {@code hello} with that id must present it. Without this, a second
 * connection claiming someone's id could use their next sequence number first and make the server later
 * acknowledge the owner's edit as a duplicate without storing it.
 *
 * <p>Only a hash of each token is stored (a leaked database does not leak tokens). Bindings are read and
 * written outside the room's lock, on a catch-up thread; the cache is thread-safe.
 */
final class ClientBindings {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The outcome of a hello: allowed (with a new token when the id was new) or refused. */
    record Resumed(boolean allowed, String newToken) {
        static final Resumed TAKEN = new Resumed(false, null);
        static final Resumed AGAIN = new Resumed(true, null);
    }

    private final UUID roomId;
    private final RoomStorage storage;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    ClientBindings(UUID roomId, RoomStorage storage) {
        this.roomId = roomId;
        this.storage = storage;
    }

    /**
     * May the holder of {@code token} (null on a first hello) speak for {@code clientId}? An unbound id
     * is bound to the token given, or to a new one returned here. Reads and writes the store; throws
     * {@link io.pairprog.server.store.StoreException} when it cannot.
     */
    Resumed resume(String clientId, String token) {
        Optional<String> bound = boundHash(clientId);
        if (bound.isPresent()) {
            return token != null && sameHash(bound.get(), hash(token)) ? Resumed.AGAIN : Resumed.TAKEN;
        }
        // Unbound: a new id, or one used before ids were bound (it keeps working, and is bound now).
        String granted = token != null ? token : newToken();
        String hash = hash(granted);
        if (!storage.bind(roomId, clientId, hash)) {
            hashes.remove(clientId);
            return resume(clientId, token); // another connection bound it first: judged against its token
        }
        hashes.put(clientId, hash);
        return token != null ? Resumed.AGAIN : new Resumed(true, granted);
    }

    private Optional<String> boundHash(String clientId) {
        String cached = hashes.get(clientId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> stored = storage.tokenHashOf(roomId, clientId);
        stored.ifPresent(hash -> hashes.put(clientId, hash));
        return stored;
    }

    private static String newToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Constant-time, so that timing does not reveal how much of a guess was right. */
    private static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
