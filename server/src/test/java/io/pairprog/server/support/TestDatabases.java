package io.pairprog.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.store.Database;
import io.pairprog.server.store.DatabaseUrl;
import io.pairprog.server.store.LoggedOperation;
import io.pairprog.server.store.OperationLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The databases tests run against. PostgreSQL is always real: the server named by
 * {@code PAIRPROG_TEST_DATABASE_URL} (CI points it at the local one), else an embedded PostgreSQL
 * started once for the whole test run. The embedded default store is H2 in a fresh folder.
 */
public final class TestDatabases {
    public static final String URL_VARIABLE = "PAIRPROG_TEST_DATABASE_URL";
    private static EmbeddedPostgres embedded;

    private TestDatabases() {
    }

    public enum Kind { POSTGRES, EMBEDDED }

    /** The address as a user would write it (for the server's --database-url), or null for embedded. */
    public static synchronized String postgresUrl() {
        String configured = System.getenv(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    public static DatabaseUrl postgres() {
        return DatabaseUrl.parse(postgresUrl());
    }

    /** A room's operation log as stored in PostgreSQL, read with the server's own store code. */
    public static List<LoggedOperation> postgresLog(String roomId) {
        Database database = new Database(postgres(), 2);
        database.start();
        try {
            return new OperationLog(database).range(UUID.fromString(roomId), 0, Long.MAX_VALUE);
        } finally {
            database.stop();
        }
    }

    /**
     * The laws of a room's stored log after any crash or failover: revisions 1..{@code head} without a gap,
     * and each client's edits stored once each, in order (none lost, none twice).
     */
    public static void assertLogIntact(String roomId, long head, long seed) {
        List<LoggedOperation> log = postgresLog(roomId);
        assertThat(log).extracting(LoggedOperation::revision).as("seed=" + seed + ": no gap in revisions")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, head).boxed().toList());
        Map<String, List<Long>> seqs = log.stream().collect(Collectors.groupingBy(LoggedOperation::clientId,
                Collectors.mapping(LoggedOperation::clientSeq, Collectors.toList())));
        seqs.forEach((client, list) -> assertThat(list).as("seed=" + seed + ": " + client
                + " — every edit stored once, none lost").containsExactlyElementsOf(
                LongStream.rangeClosed(1, list.size()).boxed().toList()));
    }

    /** A new, empty embedded database folder. */
    public static Path freshDataDir() {
        try {
            return Files.createTempDirectory("pairprog-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
