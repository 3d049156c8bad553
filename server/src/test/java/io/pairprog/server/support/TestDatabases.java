package io.pairprog.server.support;

import io.pairprog.server.store.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** A new, empty embedded database folder. */
    public static Path freshDataDir() {
        try {
            return Files.createTempDirectory("pairprog-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
