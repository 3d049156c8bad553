package io.pairprog.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The measurements, each a picocli subcommand that checks its bounds, runs and prints. */
final class Commands {
    private Commands() {
    }

    @Command(name = "fanout", mixinStandardHelpOptions = true,
            description = "Fan-out latency and throughput: rooms × clients typing at stepped total rates.")
    static final class FanOut implements Callable<Integer> {
        @Mixin
        LoadTool.Common common;

        @Option(names = "--rooms", defaultValue = "100", description = "Rooms (default ${DEFAULT-VALUE}).")
        int rooms;

        @Option(names = "--clients-per-room", defaultValue = "2", description = "Clients per room (default ${DEFAULT-VALUE}).")
        int clientsPerRoom;

        @Option(names = "--rate", split = ",", defaultValue = "1000",
                description = "Total edits/s; a comma-separated list is a ramp, one step per rate (default ${DEFAULT-VALUE}).")
        List<Double> rates;

        @Option(names = "--duration", defaultValue = "20", description = "Seconds per step (default ${DEFAULT-VALUE}).")
        double duration;

        @Option(names = "--warmup", defaultValue = "10", description = "Warm-up seconds at the first rate, not reported (default ${DEFAULT-VALUE}).")
        double warmup;

        @Option(names = "--drain", defaultValue = "15", description = "Most seconds to wait after a step for its edits (default ${DEFAULT-VALUE}).")
        double drain;

        @Option(names = "--server-pid", description = "Server process id, for its CPU and RSS from /proc.")
        Long serverPid;

        @Option(names = "--db-pids", split = ",", description = "Database process ids (e.g. $(pgrep -d, -u postgres)), for their CPU.")
        List<Long> dbPids = List.of();

        @Option(names = "--slow-ms", defaultValue = "0",
                description = "List every edit slower than this, with the wall-clock time it completed, in the JSON "
                        + "output (slowEdits), to set against GC or database logs, and count those in flight during a "
                        + "disk flush slower than this (with --disk-probe) or a GC pause of the tool itself; "
                        + "0: none (default ${DEFAULT-VALUE}).")
        double slowMillis;

        @Option(names = "--disk-probe",
                description = "A directory on the database's disk: during each step, time an 8 KiB write + fdatasync "
                        + "there every 10 ms (as the disk command does) and report it with the step.")
        Path diskProbe;

        @Override
        public Integer call() throws Exception {
            common.check();
            LoadTool.require(slowMillis >= 0, "--slow-ms must not be negative");
            LoadTool.require(diskProbe == null || Files.isDirectory(diskProbe) && Files.isWritable(diskProbe),
                    "--disk-probe must be a writable directory");
            LoadTool.require(rooms >= 1 && rooms <= 10_000, "--rooms must be 1..10000");
            LoadTool.require(clientsPerRoom >= 1 && clientsPerRoom <= 100, "--clients-per-room must be 1..100");
            LoadTool.require((long) rooms * clientsPerRoom <= 5_000, "at most 5000 clients in all");
            LoadTool.require(!rates.isEmpty() && rates.size() <= 50, "--rate takes 1..50 steps");
            LoadTool.require(rates.stream().allMatch(r -> r > 0 && r <= 100_000), "each rate must be in (0, 100000]");
            LoadTool.require(duration > 0 && duration <= 600 && warmup >= 0 && warmup <= 600,
                    "--duration and --warmup must be at most 600 s");
            LoadTool.require(drain > 0 && drain <= 120, "--drain must be in (0, 120] s");
            FanOutRun.Result result = new FanOutRun(new FanOutRun.Plan(common.url, common.alsoUrls, rooms, clientsPerRoom, rates,
                    duration, warmup, common.seed, serverPid, dbPids, drain, slowMillis, diskProbe)).run();
            LoadTool.print(common, result, Reports::fanOut);
            return result.lost() == 0 && result.errors() == 0 && result.divergedClients() == 0 ? 0 : 1;
        }
    }

    @Command(name = "join", mixinStandardHelpOptions = true,
            description = "Time to join a room holding ~1 MB of text built from 10,000 edits.")
    static final class Join implements Callable<Integer> {
        @Mixin
        LoadTool.Common common;

        @Option(names = "--edits", defaultValue = "10000", description = "Edits that build the room (default ${DEFAULT-VALUE}).")
        int edits;

        @Option(names = "--edit-chars", defaultValue = "100", description = "Characters per edit (default ${DEFAULT-VALUE}).")
        int editChars;

        @Option(names = "--builders", defaultValue = "20", description = "Clients typing the room full (default ${DEFAULT-VALUE}).")
        int builders;

        @Option(names = "--joins", defaultValue = "50", description = "Measured joins (default ${DEFAULT-VALUE}).")
        int joins;

        @Option(names = "--warmup-joins", defaultValue = "10", description = "Joins before measuring (default ${DEFAULT-VALUE}).")
        int warmupJoins;

        @Option(names = "--cold", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Also time joins after everyone left, which load the room from the database.")
        boolean cold;

        @Override
        public Integer call() throws Exception {
            common.check();
            LoadTool.require(edits >= 1 && edits <= 100_000 && editChars >= 2 && editChars <= 10_000,
                    "--edits must be 1..100000 and --edit-chars 2..10000");
            LoadTool.require((long) edits * editChars <= 16L << 20, "the room would exceed 16 Mi characters");
            LoadTool.require(builders >= 1 && builders <= 100, "--builders must be 1..100");
            LoadTool.require(joins >= 1 && joins <= 1000 && warmupJoins >= 0 && warmupJoins <= 1000,
                    "--joins must be 1..1000");
            JoinRun.Result result = new JoinRun(new JoinRun.Plan(common.url, edits, editChars, builders, joins,
                    warmupJoins, cold, common.seed)).run();
            LoadTool.print(common, result, Reports::join);
            return result.errors() == 0 ? 0 : 1;
        }
    }

    @Command(name = "memory", mixinStandardHelpOptions = true,
            description = "Extra server memory per connection after one edit.")
    static final class Memory implements Callable<Integer> {
        @Mixin
        LoadTool.Common common;

        @Option(names = "--server-pid", required = true, description = "Server process id (for /proc and jcmd).")
        long serverPid;

        @Option(names = "--connections", defaultValue = "2000", description = "Measured connections (default ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--clients-per-room", defaultValue = "2", description = "Clients per room (default ${DEFAULT-VALUE}).")
        int clientsPerRoom;

        @Option(names = "--warmup-connections", defaultValue = "200", description = "Connections before the baseline (default ${DEFAULT-VALUE}).")
        int warmupConnections;

        @Option(names = "--gc", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Run a full GC in the server (jcmd GC.run) before each reading, and report its live heap.")
        boolean gc;

        @Option(names = "--histogram", defaultValue = "0",
                description = "Report the N classes whose live heap grew most per connection (jcmd GC.class_histogram).")
        int histogram;

        @Override
        public Integer call() throws Exception {
            common.check();
            LoadTool.require(histogram >= 0 && histogram <= 200, "--histogram must be 0..200");
            LoadTool.require(clientsPerRoom >= 1 && clientsPerRoom <= 100, "--clients-per-room must be 1..100");
            LoadTool.require(connections >= clientsPerRoom && connections <= 5_000, "--connections must be up to 5000");
            LoadTool.require(warmupConnections >= 0 && warmupConnections <= 5_000, "--warmup-connections up to 5000");
            MemoryRun.Result result = new MemoryRun(new MemoryRun.Plan(common.url, serverPid, connections,
                    clientsPerRoom, warmupConnections, gc, histogram, common.seed)).run();
            LoadTool.print(common, result, Reports::memory);
            return result.errors() == 0 && result.lost() == 0 ? 0 : 1;
        }
    }

    @Command(name = "disk", mixinStandardHelpOptions = true,
            description = "How long the disk takes to flush an 8 KiB write (fdatasync), as at every database commit.")
    static final class Disk implements Callable<Integer> {
        @Mixin
        LoadTool.Common common;

        @Option(names = "--dir", required = true,
                description = "A directory on the database's disk, e.g. its data directory; a scratch file is made and removed there.")
        Path directory;

        @Option(names = "--seconds", defaultValue = "10", description = "How long to probe (default ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--interval-ms", defaultValue = "1", description = "Pause between flushes (default ${DEFAULT-VALUE}).")
        double intervalMillis;

        @Option(names = "--slow-ms", defaultValue = "5", description = "Count the flushes slower than this (default ${DEFAULT-VALUE}).")
        double slowMillis;

        @Override
        public Integer call() throws Exception {
            LoadTool.require(Files.isDirectory(directory) && Files.isWritable(directory), "--dir must be a writable directory");
            LoadTool.require(seconds > 0 && seconds <= 600, "--seconds must be in (0, 600]");
            LoadTool.require(intervalMillis >= 0 && intervalMillis <= 1000, "--interval-ms must be 0..1000");
            LoadTool.require(slowMillis >= 0, "--slow-ms must not be negative");
            FlushProbe probe = new FlushProbe(directory, intervalMillis, slowMillis);
            probe.start();
            Thread.sleep((long) (seconds * 1000));
            FlushProbe.Result result = probe.stop();
            LoadTool.print(common, result, (r, out) -> Reports.disk(r, directory, out));
            return 0;
        }
    }

    @Command(name = "startup", mixinStandardHelpOptions = true,
            description = "Server start to first answered POST /rooms/. The server command follows --; "
                    + "{tmp} in it becomes a fresh directory each run.")
    static final class Startup implements Callable<Integer> {
        @Mixin
        LoadTool.Common common;

        @Option(names = "--runs", defaultValue = "5", description = "Starts to time (default ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--timeout", defaultValue = "60", description = "Most seconds to wait for one start (default ${DEFAULT-VALUE}).")
        double timeout;

        @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The server command, e.g. java -jar server/target/pairprog-server.jar --port 8000")
        List<String> command;

        @Override
        public Integer call() throws Exception {
            common.check();
            LoadTool.require(runs >= 1 && runs <= 50, "--runs must be 1..50");
            LoadTool.require(timeout > 0 && timeout <= 300, "--timeout must be in (0, 300] s");
            StartupRun.Result result = new StartupRun(new StartupRun.Plan(common.url, command, runs, timeout)).run();
            LoadTool.print(common, result, Reports::startup);
            return 0;
        }
    }
}
