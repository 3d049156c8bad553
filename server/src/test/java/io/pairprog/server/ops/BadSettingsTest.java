package io.pairprog.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.pairprog.server.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong setting stops the server before it serves anything, with one line that names the setting, where
 * its value came from and what is wrong: no stack trace.
 */
class BadSettingsTest {
    @TempDir
    Path dir;

    private record Outcome(int exitCode, String out, String err) {
        /** The one line on standard error, checked to be just one and free of stack-trace lines. */
        String line() {
            List<String> lines = err.lines().toList();
            assertThat(lines).as("stderr: " + err).hasSize(1);
            assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
            return lines.get(0);
        }
    }

    private Outcome run(Map<String, String> env, String dotEnv, String... args) throws IOException {
        Path file = dir.resolve(".env");
        Files.writeString(file, dotEnv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, env, file, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void portOutOfRangeOnTheCommandLine() throws IOException {
        Outcome outcome = run(Map.of(), "", "--port", "70000");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.line()).isEqualTo(
                "pairprog-server: Invalid value for option '--port': 70000 is not a port number (0-65535)");
    }

    @Test
    void aRedisAddressThatIsNotOneAndAPublicUrlThatIsNotHttp() throws IOException {
        Outcome redis = run(Map.of("REDIS_URL", "10.0.0.6:6379"), "");
        assertThat(redis.exitCode()).isEqualTo(2);
        assertThat(redis.line()).contains("--redis-url").contains("10.0.0.6:6379").contains("redis://");
        Outcome url = run(Map.of(), "", "--public-url", "ftp://node-1");
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.line()).contains("--public-url").contains("ftp://node-1");
    }

    @Test
    void portThatIsNotANumberNamesTheEnvironmentVariable() throws IOException {
        Outcome outcome = run(Map.of("PORT", "eighty"), "");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.line()).contains("'--port'").contains("eighty").endsWith("(from environment variable PORT)");
    }

    @Test
    void badValueInDotEnvNamesTheFileAndLine() throws IOException {
        Outcome outcome = run(Map.of(), "HOST=127.0.0.1\nDB_POOL_SIZE=0\n");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.line()).contains("'--db-pool-size'").contains("below the minimum 1")
                .endsWith(".env line 2 (DB_POOL_SIZE))");
    }

    @Test
    void malformedDotEnvLineIsNamed() throws IOException {
        Outcome outcome = run(Map.of(), "PORT=8000\nthis is not a setting\n");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.line()).endsWith(".env line 2: expected NAME=value");
    }

    @Test
    void unparseableDatabaseUrlIsRefusedWithoutEchoingIt() throws IOException {
        Outcome outcome = run(Map.of(), "", "--database-url", "mysql://root:hunter2@db/pairprog");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.line()).contains("'--database-url'").contains("unsupported database URL scheme 'mysql'")
                .doesNotContain("hunter2");

        Outcome noHost = run(Map.of("DATABASE_URL", "postgresql:///pairprog"), "");
        assertThat(noHost.exitCode()).isEqualTo(2);
        assertThat(noHost.line()).contains("database URL has no host").endsWith("(from environment variable DATABASE_URL)");
    }

    @Test
    void unknownOptionIsRefused() throws IOException {
        Outcome outcome = run(Map.of(), "", "--prot", "8000");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.line()).contains("--prot");
    }

    @Test
    void unknownLogFormatIsRefused() throws IOException {
        Outcome outcome = run(Map.of("LOG_FORMAT", "xml"), "");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.line()).contains("'--log-format'").contains("xml").contains("LOG_FORMAT");
    }

    @Test
    void unreachableDatabaseStopsTheStartWithOneLine() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort(); // free once closed: nothing listens there
        }
        Outcome outcome = run(Map.of(), "DATABASE_URL=postgresql://pairprog:secret@127.0.0.1:" + closedPort + "/pairprog\n",
                "--host", "127.0.0.1", "--port", "0");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.line()).startsWith("pairprog-server: cannot open the database jdbc:postgresql://127.0.0.1:"
                + closedPort + "/pairprog: ").contains("refused").doesNotContain("secret");
    }

    @Test
    void unknownDatabaseHostIsNamed() throws IOException {
        Outcome outcome = run(Map.of(), "", "--database-url", "postgresql://u@no-such-host.invalid/pairprog",
                "--host", "127.0.0.1", "--port", "0");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.line()).contains("cannot open the database").contains("no-such-host.invalid");
    }

    @Test
    void portInUseStopsTheStartWithOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Outcome outcome = run(Map.of(), "", "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()),
                    "--data-dir", dir.resolve("data").toString());
            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.line()).isEqualTo("pairprog-server: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use");
        }
    }

    @Test
    void helpListsEverySettingAndExitsZero() throws IOException {
        Outcome outcome = run(Map.of(), "", "--help");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("--database-url").contains("--debug").contains("--log-format");
    }
}
