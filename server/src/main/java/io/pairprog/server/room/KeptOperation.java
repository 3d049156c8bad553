package io.pairprog.server.room;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pairprog.ot.TextOperation;
import io.pairprog.protocol.OperationSerializer;
import io.pairprog.server.store.Authorship;
import io.pairprog.server.store.LoggedOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A {@link LoggedOperation} as a room keeps it in memory for a while: the operation as its UTF-8 wire
 * bytes and the time as a number, two objects instead of about eight. Kept operations are most of what
 * survives a young collection, whose pause grows with the objects it copies (docs/performance.md); they
 * are read back only to transform a late edit, a cursor or a catch-up. The client id and authorship stay
 * shared with the connection that made the edit.
 *
 * <p>Never compared: the array field makes a record's equality identity, which nothing relies on.
 */
record KeptOperation(long revision, String clientId, long clientSeq, byte[] wire, long createdAtNanos,
                     Authorship author) {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(OperationSerializer.module());
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    static KeptOperation of(LoggedOperation op) {
        Instant at = op.createdAt();
        try {
            return new KeptOperation(op.revision(), op.clientId(), op.clientSeq(),
                    JSON.writeValueAsBytes(op.operation()), at.getEpochSecond() * NANOS_PER_SECOND + at.getNano(),
                    op.author());
        } catch (IOException e) {
            throw new UncheckedIOException("an operation always serialises", e);
        }
    }

    /** The operation as it was kept, equal to the one given to {@link #of}. */
    LoggedOperation inflate() {
        try {
            return new LoggedOperation(revision, clientId, clientSeq, JSON.readValue(wire, TextOperation.class),
                    Instant.ofEpochSecond(Math.floorDiv(createdAtNanos, NANOS_PER_SECOND),
                            Math.floorMod(createdAtNanos, NANOS_PER_SECOND)),
                    author);
        } catch (IOException e) {
            throw new UncheckedIOException("a kept operation always reads back", e);
        }
    }
}
