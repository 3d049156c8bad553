package io.pairprog.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/** Every setting from the command line, the environment, {@code .env} or its default, in that order. */
class ConfigurationTest {
    @TempDir
    Path dir;

    private ServerConfig parse(Map<String, String> env, String dotEnv, String... args) throws IOException {
        Path file = dir.resolve(".env");
        Files.writeString(file, dotEnv);
        ServerConfig config = new ServerConfig();
        config.commandLine(new EnvironmentDefaults(env, DotEnv.read(file))).parseArgs(args);
        return config;
    }

    @Test
    void commandLineBeatsEnvironmentBeatsDotEnvBeatsDefault() throws IOException {
        Map<String, String> env = Map.of("PORT", "9001", "HOST", "10.0.0.1");
        String dotEnv = "PORT=9002\nHOST=10.0.0.2\nCOMMIT_BATCH=7\n";

        assertThat(parse(env, dotEnv, "--port", "9000").port()).isEqualTo(9000);
        assertThat(parse(env, dotEnv).port()).isEqualTo(9001);
        assertThat(parse(Map.of(), dotEnv).port()).isEqualTo(9002);
        assertThat(parse(Map.of(), "").port()).isEqualTo(8000);

        ServerConfig mixed = parse(Map.of("HOST", "10.0.0.1"), dotEnv, "--port", "9000");
        assertThat(mixed.host()).isEqualTo("10.0.0.1");
        assertThat(mixed.port()).isEqualTo(9000);
        assertThat(mixed.commitBatch()).isEqualTo(7);
        assertThat(mixed.dbPoolSize()).isEqualTo(8);
    }

    @Test
    void everyOptionIsReadFromItsEnvironmentVariable() throws IOException {
        assertThat(parse(Map.of("MAX_DOCUMENT_CHARS", "12345"), "").roomLimits().maxDocumentChars()).isEqualTo(12345);
        assertThat(parse(Map.of(), "DB_POOL_SIZE=3").dbPoolSize()).isEqualTo(3);
        assertThat(parse(Map.of("ALLOWED_ORIGINS", "https://a.example, https://b.example"), "")
                .connectionLimits().allowedOrigins()).containsExactlyInAnyOrder("https://a.example", "https://b.example");
    }

    @Test
    void seedDatabaseUrlFromDotEnvIsUsed() throws IOException {
        ServerConfig config = parse(Map.of(), "DATABASE_URL=postgresql+asyncpg://u:secret@db.example:5433/pairprog\n");
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/pairprog");
        assertThat(config.database().user()).isEqualTo("u");
    }

    @Test
    void emptyValueMeansUnset() throws IOException {
        ServerConfig config = parse(Map.of("PORT", ""), "DATABASE_URL=\nDATA_DIR=\n");
        assertThat(config.port()).isEqualTo(8000);
        assertThat(config.database().jdbcUrl()).startsWith("jdbc:h2:file:").contains("data");
    }

    @Test
    void debugAcceptsTheSeedsOneAndZeroAndTheCommandLineOverridesIt() throws IOException {
        assertThat(parse(Map.of("DEBUG", "1"), "").debug()).isTrue();
        assertThat(parse(Map.of("DEBUG", "yes"), "").debug()).isTrue();
        assertThat(parse(Map.of(), "DEBUG=1").debug()).isTrue();
        assertThat(parse(Map.of("DEBUG", "0"), "DEBUG=1").debug()).isFalse();
        assertThat(parse(Map.of(), "").debug()).isFalse();
        assertThat(parse(Map.of("DEBUG", "0"), "", "--debug").debug()).isTrue();
        assertThat(parse(Map.of("DEBUG", "1"), "", "--debug=false").debug()).isFalse();
    }

    @Test
    void logFormatIsCaseInsensitive() throws IOException {
        assertThat(parse(Map.of("LOG_FORMAT", "json"), "").logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(parse(Map.of(), "LOG_FORMAT=JSON").logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(parse(Map.of("LOG_FORMAT", "json"), "", "--log-format", "text").logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(parse(Map.of(), "").logFormat()).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void dotEnvReadsQuotesCommentsAndExport() throws IOException {
        Path file = dir.resolve("quoted.env");
        Files.writeString(file, """
                # a comment
                export HOST=127.0.0.1
                DATABASE_URL="postgresql://u:p#1@h/db"   # quoted: the # stays
                COMPLETION_MODEL='my model'
                DATA_DIR=/srv/pairprog # unquoted: the comment goes
                ESCAPED="a\\"b"

                """);
        DotEnv env = DotEnv.read(file);
        assertThat(env.get("HOST").value()).isEqualTo("127.0.0.1");
        assertThat(env.get("DATABASE_URL").value()).isEqualTo("postgresql://u:p#1@h/db");
        assertThat(env.get("COMPLETION_MODEL").value()).isEqualTo("my model");
        assertThat(env.get("DATA_DIR").value()).isEqualTo("/srv/pairprog");
        assertThat(env.get("ESCAPED").value()).isEqualTo("a\"b");
        assertThat(env.get("DATA_DIR").line()).isEqualTo(5);
        assertThat(DotEnv.read(dir.resolve("missing.env")).get("HOST")).isNull();
    }

    /** .env.example is the reference an operator copies: it must name every option, with its real default. */
    @Test
    void envExampleListsEverySettingWithItsDefault() throws IOException {
        Path example = Path.of("..", ".env.example");
        assertThat(example).exists();
        DotEnv listed = DotEnv.read(example);
        ServerConfig config = new ServerConfig();
        Map<String, String> missingOrWrong = new LinkedHashMap<>();
        for (OptionSpec option : config.commandLine(new EnvironmentDefaults(Map.of(), listed)).getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String name = EnvironmentDefaults.variable(option);
            DotEnv.Entry entry = listed.get(name);
            String expected = option.defaultValue() == null ? "" : option.defaultValue();
            if (option.type() == boolean.class) {
                expected = Boolean.parseBoolean(expected) ? "1" : "0";
            }
            if (entry == null || !entry.value().equalsIgnoreCase(expected)) {
                missingOrWrong.put(name, "expected " + name + "=" + expected + ", found " + (entry == null ? "nothing" : entry.value()));
            }
        }
        assertThat(missingOrWrong).as(".env.example").isEmpty();
    }
}
