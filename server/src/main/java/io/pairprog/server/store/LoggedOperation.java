package io.pairprog.server.store;

import io.pairprog.ot.TextOperation;
import java.time.Instant;

/** One entry of a room's operation log: the operation that produced {@code revision}, and who sent it. */
public record LoggedOperation(long revision, String clientId, long clientSeq, TextOperation operation,
                              Instant createdAt, Authorship author) {
}
