package io.pairprog.server.ops;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option not given on the command line takes its value: the environment variable named after
 * it ({@code --max-document-chars} → {@code MAX_DOCUMENT_CHARS}), else the same name in {@code .env},
 * else the default in the option's annotation. So the precedence is command line &gt; environment &gt;
 * {@code .env} &gt; default, as in the seed, and a new option needs no extra wiring.
 *
 * <p>An empty value counts as unset ({@code DATABASE_URL=} means the embedded database). Boolean
 * options also accept the seed's {@code 1}/{@code 0}, {@code yes}/{@code no} and {@code on}/{@code off}.
 */
public final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");
    private static final Set<String> FALSE = Set.of("0", "false", "no", "off");

    private final Map<String, String> environment;
    private final DotEnv dotEnv;

    public EnvironmentDefaults(Map<String, String> environment, DotEnv dotEnv) {
        this.environment = Map.copyOf(environment);
        this.dotEnv = dotEnv;
    }

    /** The environment variable for an option: {@code --db-pool-size} → {@code DB_POOL_SIZE}. */
    public static String variable(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String value = lookup(option);
        if (value != null && (option.type() == boolean.class || option.type() == Boolean.class)) {
            String word = value.strip().toLowerCase(Locale.ROOT);
            return TRUE.contains(word) ? "true" : FALSE.contains(word) ? "false" : value;
        }
        return value;
    }

    /**
     * Where the option's value came from when it was not given on the command line, for error messages:
     * {@code "environment variable PORT"}, {@code ".env line 3 (PORT)"}, or null for the built-in default.
     */
    public String origin(OptionSpec option) {
        String name = variable(option);
        if (present(environment.get(name))) {
            return "environment variable " + name;
        }
        DotEnv.Entry entry = dotEnv.get(name);
        return entry != null && present(entry.value()) ? dotEnv.file() + " line " + entry.line() + " (" + name + ")" : null;
    }

    private String lookup(OptionSpec option) {
        String name = variable(option);
        String value = environment.get(name);
        if (present(value)) {
            return value;
        }
        DotEnv.Entry entry = dotEnv.get(name);
        return entry != null && present(entry.value()) ? entry.value() : null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
