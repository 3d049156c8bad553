package io.pairprog.server.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .env} file as the seed's python-dotenv read it: {@code NAME=value} lines, {@code #} comments,
 * an optional {@code export} prefix, values optionally in single or double quotes. A missing file is an
 * empty one; a line that is none of these is an error naming the line, so a typo never goes unnoticed.
 */
public final class DotEnv {
    private static final Pattern LINE = Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)");

    private final Path file;
    private final Map<String, Entry> entries;

    private DotEnv(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** One setting and the line it came from, for error messages. */
    public record Entry(String value, int line) {
    }

    /** Reads {@code file}; throws IllegalArgumentException with a one-line reason when a line is malformed. */
    public static DotEnv read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new DotEnv(file, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected NAME=value");
            }
            entries.put(m.group(1), new Entry(unquote(m.group(2), file, i + 1), i + 1));
        }
        return new DotEnv(file, Map.copyOf(entries));
    }

    public Entry get(String name) {
        return entries.get(name);
    }

    public Path file() {
        return file;
    }

    /** {@code "a # b"} keeps its {@code #}; an unquoted value ends at {@code " #"}, as in python-dotenv. */
    private static String unquote(String raw, Path file, int line) {
        if (!raw.startsWith("\"") && !raw.startsWith("'")) {
            int comment = raw.indexOf(" #");
            return (comment < 0 ? raw : raw.substring(0, comment)).strip();
        }
        char quote = raw.charAt(0);
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == quote) {
                String rest = raw.substring(i + 1).strip();
                if (rest.isEmpty() || rest.startsWith("#")) {
                    return value.toString();
                }
                break;
            }
            if (c == '\\' && quote == '"' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                value.append(next == 'n' ? '\n' : next);
            } else {
                value.append(c);
            }
        }
        throw new IllegalArgumentException(file + " line " + line + ": unterminated " + quote + "-quoted value");
    }
}
