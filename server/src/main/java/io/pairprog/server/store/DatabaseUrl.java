package io.pairprog.server.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A database address as users write it, turned into what JDBC needs. Accepts the seed's forms
 * ({@code postgresql://u:p@host:5432/db}, {@code postgresql+asyncpg://…}, {@code postgres://…}) as well as
 * plain JDBC URLs ({@code jdbc:postgresql:…}, {@code jdbc:h2:…}).
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    /** The embedded default: an H2 file database in PostgreSQL mode, which survives a killed process. */
    public static DatabaseUrl embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve("pairprog").toString();
        return new DatabaseUrl("jdbc:h2:file:" + file
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
    }

    /** Parses a user-supplied URL; throws IllegalArgumentException with a one-line reason. */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("database URL is empty");
        }
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:")) {
            return new DatabaseUrl(trimmed, null, null);
        }
        int schemeEnd = trimmed.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : trimmed.substring(0, schemeEnd);
        if (!scheme.equals("postgresql") && !scheme.startsWith("postgresql+") && !scheme.equals("postgres")) {
            throw new IllegalArgumentException("unsupported database URL scheme '" + scheme
                    + "' (use postgresql://user:password@host:port/database or a jdbc: URL)");
        }
        URI uri;
        try {
            uri = new URI("postgresql" + trimmed.substring(schemeEnd));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("unparseable database URL: " + e.getReason());
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("database URL has no host");
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "" : uri.getPath().substring(1);
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append('/').append(database);
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        return new DatabaseUrl(jdbc.toString(), user, password);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The URL without credentials, safe to log. */
    public String redacted() {
        int at = jdbcUrl.indexOf('?');
        return at < 0 ? jdbcUrl : jdbcUrl.substring(0, at);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
