package io.pairprog.server;

import io.pairprog.server.room.RoomLimits;
import io.pairprog.server.store.DatabaseUrl;
import io.pairprog.server.ws.ConnectionLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

    @Option(names = "--max-messages-per-second", defaultValue = "${env:MAX_MESSAGES_PER_SECOND:-200}",
            description = "WebSocket messages one connection may send per second, bursts of twice that (env MAX_MESSAGES_PER_SECOND).")
    int maxMessagesPerSecond;

    @Option(names = "--max-connections-per-address", defaultValue = "${env:MAX_CONNECTIONS_PER_ADDRESS:-64}",
            description = "Open WebSocket connections from one IP address (env MAX_CONNECTIONS_PER_ADDRESS).")
    int maxConnectionsPerAddress;

    @Option(names = "--max-queued-bytes", defaultValue = "${env:MAX_QUEUED_BYTES:-8388608}",
            description = "Unread outgoing bytes after which a slow client is disconnected (env MAX_QUEUED_BYTES).")
    long maxQueuedBytes;

    @Option(names = "--idle-timeout-seconds", defaultValue = "${env:IDLE_TIMEOUT_SECONDS:-120}",
            description = "Close connections silent this long, pongs included (env IDLE_TIMEOUT_SECONDS).")
    long idleTimeoutSeconds;

    @Option(names = "--ping-interval-seconds", defaultValue = "${env:PING_INTERVAL_SECONDS:-30}",
            description = "How often to ping every connection; 0 disables (env PING_INTERVAL_SECONDS).")
    double pingIntervalSeconds;

    @Option(names = "--allowed-origins", defaultValue = "${env:ALLOWED_ORIGINS:-}", split = ",",
            description = "Other sites whose pages may open WebSockets, e.g. https://app.example.com; * for any. "
                    + "The server's own origin is always allowed (env ALLOWED_ORIGINS).")
    List<String> allowedOrigins;

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

    public ConnectionLimits connectionLimits() {
        Set<String> origins = allowedOrigins == null ? Set.of() : allowedOrigins.stream()
                .map(String::strip).filter(o -> !o.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new ConnectionLimits(maxMessageBytes, maxMessagesPerSecond, maxConnectionsPerAddress, maxQueuedBytes,
                Duration.ofSeconds(idleTimeoutSeconds), Duration.ofMillis((long) (pingIntervalSeconds * 1000)), origins);
    }

    public RoomLimits roomLimits() {
        return new RoomLimits(maxDocumentChars, historyWindow);
    }

    // Autocomplete's optional model. Without a URL the rules answer alone and nothing leaves the server.

    @Option(names = "--completion-model-url", defaultValue = "${env:COMPLETION_MODEL_URL}",
            description = "Base address of an OpenAI-compatible completions server (llama.cpp, Ollama…), e.g. "
                    + "http://localhost:8080; autocomplete asks its /v1/completions first (env COMPLETION_MODEL_URL).")
    String completionModelUrl;

    @Option(names = "--completion-model", defaultValue = "${env:COMPLETION_MODEL:-default}",
            description = "The model name sent to it (env COMPLETION_MODEL).")
    String completionModel;

    @Option(names = "--completion-timeout-ms", defaultValue = "${env:COMPLETION_TIMEOUT_MS:-800}",
            description = "How long autocomplete waits for the model before answering from its rules (env COMPLETION_TIMEOUT_MS).")
    int completionTimeoutMs;

    /** Autocomplete's settings; its code limit is the room document limit. */
    public io.pairprog.server.autocomplete.CompletionSettings completion() {
        return new io.pairprog.server.autocomplete.CompletionSettings(maxDocumentChars, completionModelUrl,
                completionModel, completionTimeoutMs);
    }
}
