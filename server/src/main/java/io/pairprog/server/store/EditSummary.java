package io.pairprog.server.store;

import java.time.Instant;

/** One revision as the history shows it: who, when and how much, without the operation itself. */
public record EditSummary(long revision, String clientId, Instant createdAt, Authorship author, long inserted,
                          long deleted) {
}
