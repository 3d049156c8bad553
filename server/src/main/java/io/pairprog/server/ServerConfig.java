package io.pairprog.server;

import io.pairprog.server.room.RoomLimits;
import io.pairprog.server.store.DatabaseUrl;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Every setting, from the command line or else the environment (the seed's {@code HOST}, {@code PORT},
 * {@code DATABASE_URL}), else a default that runs without installing anything.
 */
@Command(name = "pairprog-server", mixinStandardHelpOptions = true,
        description = "Real-time pair-programming server: REST, WebSocket and the web page on one port.")
public final class ServerConfig {

    @Option(names = "--host", defaultValue = "${env:HOST:-0.0.0.0}", description = "Address to listen on (env HOST).")
    String host;

    @Option(names = "--port", defaultValue = "${env:PORT:-8000}", description = "Port; 0 picks a free one (env PORT).")
    int port;

    @Option(names = "--database-url", defaultValue = "${env:DATABASE_URL}",
            description = "postgresql://user:pass@host:port/db, postgresql+asyncpg://…, or a jdbc: URL "
                    + "(env DATABASE_URL). Without it: an embedded H2 database in --data-dir.")
    String databaseUrl;

    @Option(names = "--data-dir", defaultValue = "${env:DATA_DIR:-data}", description = "Folder of the embedded database (env DATA_DIR).")
    Path dataDir;

    @Option(names = "--max-message-bytes", defaultValue = "${env:MAX_MESSAGE_BYTES:-2097152}",
            description = "Largest WebSocket message or REST body accepted (env MAX_MESSAGE_BYTES).")
    int maxMessageBytes;

    @Option(names = "--max-document-chars", defaultValue = "${env:MAX_DOCUMENT_CHARS:-1048576}",
            description = "Longest text a room may hold, in UTF-16 code units (env MAX_DOCUMENT_CHARS).")
    int maxDocumentChars;

    @Option(names = "--history-window", defaultValue = "${env:HISTORY_WINDOW:-1000}",
            description = "Recent operations each open room keeps in memory (env HISTORY_WINDOW).")
    int historyWindow;

    @Option(names = "--db-pool-size", defaultValue = "${env:DB_POOL_SIZE:-8}", description = "Database connections (env DB_POOL_SIZE).")
    int dbPoolSize;

    @Option(names = "--commit-batch", defaultValue = "${env:COMMIT_BATCH:-1000}",
            description = "Most edits stored in one transaction (env COMMIT_BATCH).")
    int commitBatch;

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public int dbPoolSize() {
        return dbPoolSize;
    }

    public int commitBatch() {
        return commitBatch;
    }

    /** The configured database, or the embedded H2 file database when none is given. */
    public DatabaseUrl database() {
        return databaseUrl == null || databaseUrl.isBlank() ? DatabaseUrl.embedded(dataDir) : DatabaseUrl.parse(databaseUrl);
    }

    public RoomLimits roomLimits() {
        return new RoomLimits(maxDocumentChars, historyWindow);
    }
}
