package io.pairprog.server;

import io.pairprog.protocol.CloseCodes;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.server.cluster.Leases;
import io.pairprog.server.fanout.FanOut;
import io.pairprog.server.edge.EdgeLimits;
import io.pairprog.server.history.RoomHistory;
import io.pairprog.server.http.RestApplication;
import io.pairprog.server.ops.DotEnv;
import io.pairprog.server.ops.EnvironmentDefaults;
import io.pairprog.server.ops.HealthResource;
import io.pairprog.server.ops.Liveness;
import io.pairprog.server.ops.Logging;
import io.pairprog.server.ops.MetricsResource;
import io.pairprog.server.ops.OpenApiResource;
import io.pairprog.server.ops.Reasons;
import io.pairprog.server.ops.ServerMetrics;
import io.pairprog.server.room.CatchUpPool;
import io.pairprog.server.room.GroupCommit;
import io.pairprog.server.room.NodeFanOut;
import io.pairprog.server.room.Ownership;
import io.pairprog.server.room.RoomRegistry;
import io.pairprog.server.store.ClientBindingStore;
import io.pairprog.server.store.Database;
import io.pairprog.server.store.OperationLog;
import io.pairprog.server.store.RoomFileStore;
import io.pairprog.server.store.RoomLeases;
import io.pairprog.server.store.RoomStore;
import io.pairprog.server.store.RoomTexts;
import io.pairprog.server.ws.Forwarding;
import io.pairprog.server.ws.WebSockets;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Wires the server by hand, Dropwizard-style: build every component from the configuration, start them
 * in order, and stop them in reverse order on SIGTERM.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);
    private static final String PROGRAM = "pairprog-server";
    /** Catch-ups mostly wait on the database and on slow readers; a few threads keep the database busy enough. */
    private static final int CATCH_UP_THREADS = 4;

    /** In start order; two threads add to it while the server starts (see {@link #start}). */
    private final List<Managed> started = Collections.synchronizedList(new ArrayList<>());
    private final RoomRegistry rooms;
    private final GroupCommit commits;
    private final CatchUpPool catchUps;
    private final WebServer web;
    private final Database database;
    private final ServerMetrics metrics;
    private final ServerConfig config;
    /** Null on the embedded database, which no other node can share. */
    private final Leases leases;
    /** Null where leases are. */
    private final FanOut fanOut;

    private Main(ServerConfig config) {
        this.config = config;
        database = new Database(config.database(), config.dbPoolSize());
        RoomStore roomStore = new RoomStore(database);
        MessageCodec codec = new MessageCodec();
        metrics = new ServerMetrics();
        commits = new GroupCommit(database, config.commitBatch(), metrics.roomObserver());
        OperationLog operationLog = new OperationLog(database);
        catchUps = new CatchUpPool(CATCH_UP_THREADS);
        // On PostgreSQL other nodes may share the database: each room is served by the node holding its lease.
        leases = config.database().isPostgres()
                ? new Leases(new RoomLeases(database), config.cluster().nodeId(), config.cluster().leaseMillis())
                : null;
        fanOut = leases != null ? FanOut.build(config.cluster().redisUrl(), config.database(), operationLog,
                roomStore, codec) : null;
        RoomFileStore fileStore = new RoomFileStore(database);
        rooms = new RoomRegistry(roomStore, operationLog, new ClientBindingStore(database), commits, codec,
                config.roomLimits(), catchUps, leases != null ? leases : Ownership.SOLE,
                fanOut != null ? fanOut.rooms() : NodeFanOut.NONE, fileStore, config.fileLimits());
        if (leases != null) {
            leases.serve(rooms);
        }
        Forwarding forwarding = leases != null ? new Forwarding(leases::secret, fanOut.feeds()) : Forwarding.none();
        if (leases != null) {
            forwarding.watch(leases::owners, Math.max(100, leases.ttlMillis() / 3));
        }
        EdgeLimits edge = config.http().limits(config.maxMessageBytes(),
                config.connectionLimits().maxConnectionsPerAddress());
        WebSockets webSockets = new WebSockets(rooms, codec, config.connectionLimits(), forwarding,
                edge.clientAddresses());
        metrics.watch(webSockets, rooms);
        if (fanOut != null) {
            metrics.watch(fanOut);
        }
        ResourceConfig rest = RestApplication.create(roomStore, fileStore,
                new RoomHistory(operationLog, new RoomTexts(database)), rooms, config.completion());
        // Operations beside the API; /openapi.json describes whatever is registered in rest by then.
        Liveness liveness = new Liveness();
        liveness.watch(commits::problem);
        liveness.watch(database::problem);
        rest.registerInstances(new HealthResource(database, liveness),
                new MetricsResource(metrics, config.http().metricsToken()), new OpenApiResource(rest));
        web = new WebServer(config.host(), config.port(), rest, webSockets, edge);
    }

    /** Starts a server; the caller owns it and must {@link #stop()} it. */
    public static Main start(ServerConfig config) throws Exception {
        if (!SLF4JBridgeHandler.isInstalled()) { // Grizzly, Jersey and Tyrus log through JUL
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        // A thread that dies must say so where operators look; liveness then reports what it stopped.
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                log.error("thread {} died of an uncaught {}", thread.getName(), error.getClass().getName(), error));
        Main main = new Main(config);
        // The database opens (and migrates) on a thread of its own while the metrics start and Jersey,
        // Tyrus and Grizzly are set up on this one: neither needs the other until the port opens, and on
        // two cores start-up then takes the longer of the two instead of their sum.
        FutureTask<Void> storage = new FutureTask<>(() -> {
            main.startInOrder(main.database);
            return null;
        });
        new Thread(storage, "start-database").start();
        try {
            RuntimeException setupFailure = null;
            try {
                main.startInOrder(main.metrics);
                main.prepareWeb();
            } catch (RuntimeException e) {
                setupFailure = e; // thrown once the database thread is done, so stop() never races it
            }
            try {
                storage.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            if (setupFailure != null) {
                throw setupFailure;
            }
            main.startInOrder(main.commits, main.catchUps);
            if (main.leases != null) {
                main.startInOrder(main.leases, main.fanOut.bus(), main.fanOut.feeds());
            }
            main.startInOrder(main.web);
            if (main.leases != null) {
                main.leases.listeningAt(config.cluster().publicUrl(config.host(), main.web.port()));
            }
        } catch (Exception e) {
            main.stop();
            throw e;
        }
        return main;
    }

    /** Starts each component, and remembers it for {@link #stop()}; the first that fails ends it. */
    private void startInOrder(Managed... components) {
        for (Managed component : components) {
            try {
                component.start();
            } catch (Exception e) {
                throw new IllegalStateException(failedToStart(component) + ": " + Reasons.oneLine(e), e);
            }
            started.add(component);
        }
    }

    private void prepareWeb() {
        try {
            web.prepare();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot set up the web server: " + Reasons.oneLine(e), e);
        }
    }

    /** What a failed start means to the person who started the server. */
    private String failedToStart(Managed component) {
        if (component == database) {
            return "cannot open the database " + config.database().redacted();
        }
        if (component == web) {
            return "cannot listen on " + config.host() + ":" + config.port();
        }
        return "cannot start " + component.getClass().getSimpleName();
    }

    public int port() {
        return web.port();
    }

    public RoomRegistry rooms() {
        return rooms;
    }

    /**
     * Stores and acknowledges what was received, hands the rooms over to the other nodes if there are any,
     * then tells every client "going away" (1001) before the listener and the database close; a client
     * that reconnects, to this server once it is back or through another node, loses nothing.
     */
    public synchronized void stop() {
        try {
            commits.flush(10_000);
            if (leases != null && started.contains(leases)) {
                leases.releaseAll(); // other nodes take the rooms at once, as the clients come back through them
            }
            rooms.closeAll(CloseCodes.GOING_AWAY, "server shutting down");
            // Let the close frames go out before the listener stops; otherwise clients see 1006.
            rooms.awaitEmpty(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).stop();
            } catch (Exception e) {
                log.warn("stopping {} failed", started.get(i).getClass().getSimpleName(), e);
            }
        }
        started.clear();
    }

    public static void main(String[] args) {
        int exitCode = run(args, System.getenv(), Path.of(".env"), System.out, System.err);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Keeps the JVM up until the shutdown hook has stopped the server. Grizzly's threads are daemons, so
     * without it the process lived only as long as some other thread happened not to be one, and the
     * death of that thread (once, the commit thread) ended the process.
     */
    private static void holdTheProcessUntil(CountDownLatch stopped) {
        Thread holder = new Thread(() -> {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "keep-alive");
        holder.setDaemon(false);
        holder.start();
    }

    /**
     * Reads the settings (command line &gt; {@code environment} &gt; {@code dotEnv} file &gt; defaults), applies
     * the logging ones and starts the server, which then runs until SIGTERM. Returns the exit code: 0 when
     * the server runs (or help was shown), 2 for a wrong setting, 1 when it cannot start; each failure is
     * one line on {@code err}, its stack trace only in the debug log.
     */
    public static int run(String[] args, Map<String, String> environment, Path dotEnv, PrintStream out,
                          PrintStream err) {
        EnvironmentDefaults defaults;
        try {
            defaults = new EnvironmentDefaults(environment, DotEnv.read(dotEnv));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return 2;
        }
        ServerConfig config = new ServerConfig();
        CommandLine command = config.commandLine(defaults);
        try {
            command.parseArgs(args);
            if (command.isUsageHelpRequested()) {
                command.usage(out);
                return 0;
            }
            if (command.isVersionHelpRequested()) {
                command.printVersionHelp(out);
                return 0;
            }
            config.validate();
        } catch (ParameterException e) {
            err.println(PROGRAM + ": " + Reasons.firstLine(e.getMessage()) + origin(e, args, defaults));
            return 2;
        }
        try {
            Logging.configure(config.logFormat(), config.debug());
            Main main = start(config);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("shutting down");
                main.stop();
                log.info("stopped");
                stopped.countDown();
            }, "shutdown"));
            holdTheProcessUntil(stopped);
            return 0;
        } catch (Exception e) {
            log.debug("start failed", e);
            // start() already names what failed and why; anything else is summed up from its causes.
            String reason = e instanceof IllegalStateException && e.getMessage() != null ? e.getMessage()
                    : Reasons.oneLine(e);
            err.println(PROGRAM + ": " + Reasons.firstLine(reason));
            return 1;
        }
    }

    /** " (from environment variable PORT)" when the bad value did not come from the command line. */
    private static String origin(ParameterException e, String[] args, EnvironmentDefaults defaults) {
        if (!(e.getArgSpec() instanceof OptionSpec option)) {
            return "";
        }
        boolean given = Arrays.stream(args).anyMatch(arg -> Arrays.stream(option.names())
                .anyMatch(name -> arg.equals(name) || arg.startsWith(name + "=")));
        String origin = given ? null : defaults.origin(option);
        return origin == null ? "" : " (from " + origin + ")";
    }
}
