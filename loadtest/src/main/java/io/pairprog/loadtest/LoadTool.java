package io.pairprog.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar pairprog-loadtest.jar <measurement> [options]}: the measurements of docs/performance.md.
 * Every run is bounded in clients, rate and time, and targets loopback only.
 */
@Command(name = "pairprog-loadtest", mixinStandardHelpOptions = true,
        subcommands = {Commands.FanOut.class, Commands.Join.class, Commands.Memory.class, Commands.Startup.class,
                Commands.Disk.class},
        description = "Load tool for the pairprog server: real OT clients on loopback.")
public final class LoadTool implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Options every measurement takes. */
    static final class Common {
        @Option(names = "--url", defaultValue = "http://127.0.0.1:8000",
                description = "Server base URL; loopback addresses only (default ${DEFAULT-VALUE}).")
        URI url;

        @Option(names = "--also-url", split = ",",
                description = "Further nodes sharing --url's database: clients are spread over all of them "
                        + "round-robin, so a room's clients sit on different nodes (fan-out only).")
        List<URI> alsoUrls = List.of();

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--output", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
        Output output;

        void check() {
            Target.requireLoopback(url);
            alsoUrls.forEach(Target::requireLoopback);
        }
    }

    enum Output { text, json }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }

    /** Prints {@code result} as JSON, or as the text {@code describe} writes. */
    static <T> void print(Common common, T result, java.util.function.BiConsumer<T, PrintStream> describe)
            throws Exception {
        if (common.output == Output.json) {
            System.out.println(JSON.writeValueAsString(result));
        } else {
            describe.accept(result, System.out);
        }
        System.out.flush();
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code: 0 ok, 1 lost edits or errors, 2 bad usage. */
    public static int run(String... args) {
        return new CommandLine(new LoadTool())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    System.err.println("pairprog-loadtest: " + e.getMessage());
                    return e instanceof IllegalArgumentException ? 2 : 1;
                })
                .execute(args);
    }
}
