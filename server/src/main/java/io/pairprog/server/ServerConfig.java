package io.pairprog.server;

import io.pairprog.server.cluster.ClusterOptions;
import io.pairprog.server.ops.EnvironmentDefaults;
import io.pairprog.server.ops.LogFormat;
import io.pairprog.server.room.RoomLimits;
import io.pairprog.server.store.DatabaseUrl;
import io.pairprog.server.ws.ConnectionLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Every setting, from the command line, else the environment variable named after the option (the seed's
 * {@code HOST}, {@code PORT}, {@code DATABASE_URL}, {@code DEBUG}), else the same name in {@code ./.env}
 * (see {@link EnvironmentDefaults}), else the default here, which runs without installing anything.
 * {@link #validate()} checks what a type cannot, so a wrong setting stops the server before it starts.
 */
@Command(name = "pairprog-server", mixinStandardHelpOptions = true,
        description = "Real-time pair-programming server: REST, WebSocket and the web page on one port.")
public final class ServerConfig {

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (env HOST).")
    String host;

    @Option(names = "--port", defaultValue = "8000", description = "Port; 0 picks a free one (env PORT).")
    int port;

    @Option(names = "--database-url",
            description = "postgresql://user:pass@host:port/db, postgresql+asyncpg://…, or a jdbc: URL "
                    + "(env DATABASE_URL). Without it: an embedded H2 database in --data-dir.")
    String databaseUrl;

    @Option(names = "--data-dir", defaultValue = "data", description = "Folder of the embedded database (env DATA_DIR).")
    Path dataDir;

    @Option(names = "--max-message-bytes", defaultValue = "2097152",
            description = "Largest WebSocket message or REST body accepted (env MAX_MESSAGE_BYTES).")
    int maxMessageBytes;

    @Option(names = "--max-document-chars", defaultValue = "1048576",
            description = "Longest text a room may hold, in UTF-16 code units (env MAX_DOCUMENT_CHARS).")
    int maxDocumentChars;

    // 100, not more: each kept operation outlives several young collections, and copying them is what
    // the collector's pauses — the tail of the edit latency — are made of (docs/performance.md). A client
    // further behind costs one read of the operation log.
    @Option(names = "--history-window", defaultValue = "100",
            description = "Recent operations each open room keeps in memory (env HISTORY_WINDOW).")
    int historyWindow;

    @Option(names = "--db-pool-size", defaultValue = "8", description = "Database connections (env DB_POOL_SIZE).")
    int dbPoolSize;

    @Option(names = "--commit-batch", defaultValue = "1000",
            description = "Most edits stored in one transaction (env COMMIT_BATCH).")
    int commitBatch;

    @Option(names = "--max-messages-per-second", defaultValue = "200",
            description = "WebSocket messages one connection may send per second, bursts of twice that (env MAX_MESSAGES_PER_SECOND).")
    int maxMessagesPerSecond;

    @Option(names = "--max-connections-per-address", defaultValue = "64",
            description = "Open WebSocket connections from one IP address (env MAX_CONNECTIONS_PER_ADDRESS).")
    int maxConnectionsPerAddress;

    @Option(names = "--max-queued-bytes", defaultValue = "8388608",
            description = "Unread outgoing bytes after which a slow client is disconnected (env MAX_QUEUED_BYTES).")
    long maxQueuedBytes;

    @Option(names = "--max-queued-bytes-total", defaultValue = "0",
            description = "Unread outgoing bytes of all connections together; over it the largest queues are "
                    + "closed. 0: a quarter of the heap (env MAX_QUEUED_BYTES_TOTAL).")
    long maxQueuedBytesTotal;

    @Option(names = "--idle-timeout-seconds", defaultValue = "120",
            description = "Close connections silent this long, pongs included (env IDLE_TIMEOUT_SECONDS).")
    long idleTimeoutSeconds;

    @Option(names = "--ping-interval-seconds", defaultValue = "30",
            description = "How often to ping every connection; 0 disables (env PING_INTERVAL_SECONDS).")
    double pingIntervalSeconds;

    @Option(names = "--debug", arity = "0..1", fallbackValue = "true", defaultValue = "false",
            description = "Verbose logging, SQL statements included (env DEBUG=1).")
    boolean debug;

    @Option(names = "--log-format", defaultValue = "TEXT",
            description = "text, or json for log collectors: one JSON object per line (env LOG_FORMAT).")
    LogFormat logFormat;

    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    HttpOptions http;

    @CommandLine.Mixin
    ClusterOptions cluster;

    @Option(names = "--allowed-origins", defaultValue = "", split = ",",
            description = "Other sites whose pages may open WebSockets, e.g. https://app.example.com; * for any. "
                    + "The server's own origin is always allowed (env ALLOWED_ORIGINS).")
    List<String> allowedOrigins;

    /**
     * The command line that fills this configuration, taking every option it is not given from
     * {@code defaults} (environment, then {@code .env}); enum values such as {@code json} in any case.
     */
    public CommandLine commandLine(EnvironmentDefaults defaults) {
        return new CommandLine(this).setCaseInsensitiveEnumValuesAllowed(true).setDefaultValueProvider(defaults);
    }

    /**
     * Checks what picocli's types cannot; throws a {@link ParameterException} naming the option, so the
     * caller can say where the value came from.
     */
    public void validate() {
        if (port < 0 || port > 65535) {
            throw invalid("--port", port + " is not a port number (0-65535)");
        }
        if (host == null || host.isBlank()) {
            throw invalid("--host", "the address is empty");
        }
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            try {
                DatabaseUrl.parse(databaseUrl);
            } catch (IllegalArgumentException e) {
                throw invalid("--database-url", e.getMessage()); // never the URL itself: it may hold a password
            }
        }
        atLeast("--max-message-bytes", maxMessageBytes, 1024);
        atLeast("--max-document-chars", maxDocumentChars, 1);
        atLeast("--history-window", historyWindow, 1);
        atLeast("--max-room-storage-chars", maxRoomStorageChars, 1024);
        atLeast("--max-files-per-room", maxFilesPerRoom, 1);
        atLeast("--max-project-chars", maxProjectChars, 1);
        atLeast("--db-pool-size", dbPoolSize, 1);
        atLeast("--commit-batch", commitBatch, 1);
        atLeast("--max-messages-per-second", maxMessagesPerSecond, 1);
        atLeast("--max-connections-per-address", maxConnectionsPerAddress, 1);
        atLeast("--max-queued-bytes", maxQueuedBytes, 1);
        atLeast("--max-queued-bytes-total", maxQueuedBytesTotal, 0);
        atLeast("--idle-timeout-seconds", idleTimeoutSeconds, 1);
        atLeast("--completion-timeout-ms", completionTimeoutMs, 1);
        if (pingIntervalSeconds < 0) {
            throw invalid("--ping-interval-seconds", pingIntervalSeconds + " is negative");
        }
        http.validate();
        cluster.validate();
    }

    private void atLeast(String option, long value, long min) {
        if (value < min) {
            throw invalid(option, value + " is below the minimum " + min);
        }
    }

    private ParameterException invalid(String option, String reason) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + reason,
                spec.findOption(option), null);
    }

    /** The HTTP edge's settings: allowed hosts, timeouts, connection and request limits, the metrics token. */
    public ClusterOptions cluster() {
        return cluster;
    }

    public HttpOptions http() {
        return http;
    }

    public boolean debug() {
        return debug;
    }

    public LogFormat logFormat() {
        return logFormat;
    }

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
        long totalQueued = maxQueuedBytesTotal > 0 ? maxQueuedBytesTotal : Runtime.getRuntime().maxMemory() / 4;
        return new ConnectionLimits(maxMessageBytes, maxMessagesPerSecond, maxConnectionsPerAddress, maxQueuedBytes,
                totalQueued, Duration.ofSeconds(idleTimeoutSeconds), Duration.ofMillis((long) (pingIntervalSeconds * 1000)),
                origins);
    }

    public RoomLimits roomLimits() {
        return new RoomLimits(maxDocumentChars, historyWindow, maxRoomStorageChars);
    }

    @Option(names = "--max-files-per-room", defaultValue = "10000",
            description = "How many files one room may hold (env MAX_FILES_PER_ROOM).")
    int maxFilesPerRoom;

    @Option(names = "--max-project-chars", defaultValue = "67108864",
            description = "What one room's files may hold together, in characters (env MAX_PROJECT_CHARS).")
    long maxProjectChars;

    public io.pairprog.server.room.FileLimits fileLimits() {
        return new io.pairprog.server.room.FileLimits(maxFilesPerRoom, maxProjectChars);
    }

    @Option(names = "--max-room-storage-chars", defaultValue = "536870912",
            description = "What one room may store in all, history and snapshots, in characters; beyond it edits "
                    + "are refused (env MAX_ROOM_STORAGE_CHARS).")
    long maxRoomStorageChars;

    // Autocomplete's optional model. Without a URL the rules answer alone and nothing leaves the server.

    @Option(names = "--completion-model-url",
            description = "Base address of an OpenAI-compatible completions server (llama.cpp, Ollama…), e.g. "
                    + "http://localhost:8080; autocomplete asks its /v1/completions first (env COMPLETION_MODEL_URL).")
    String completionModelUrl;

    @Option(names = "--completion-model", defaultValue = "default",
            description = "The model name sent to it (env COMPLETION_MODEL).")
    String completionModel;

    @Option(names = "--completion-timeout-ms", defaultValue = "800",
            description = "How long autocomplete waits for the model before answering from its rules (env COMPLETION_TIMEOUT_MS).")
    int completionTimeoutMs;

    /** Autocomplete's settings; its code limit is the room document limit. */
    public io.pairprog.server.autocomplete.CompletionSettings completion() {
        return new io.pairprog.server.autocomplete.CompletionSettings(maxDocumentChars, completionModelUrl,
                completionModel, completionTimeoutMs);
    }
}
