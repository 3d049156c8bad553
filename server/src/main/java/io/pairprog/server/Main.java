package io.pairprog.server;

import io.pairprog.protocol.CloseCodes;
import io.pairprog.protocol.MessageCodec;
import io.pairprog.server.http.RestApplication;
import io.pairprog.server.room.GroupCommit;
import io.pairprog.server.room.RoomObserver;
import io.pairprog.server.room.RoomRegistry;
import io.pairprog.server.store.Database;
import io.pairprog.server.store.OperationLog;
import io.pairprog.server.store.RoomStore;
import io.pairprog.server.ws.WebSockets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/**
 * Wires the server by hand, Dropwizard-style: build every component from the configuration, start them
 * in order, and stop them in reverse order on SIGTERM.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private final List<Managed> started = new ArrayList<>();
    private final RoomRegistry rooms;
    private final GroupCommit commits;
    private final WebServer web;
    private final Database database;

    private Main(ServerConfig config) {
        database = new Database(config.database(), config.dbPoolSize());
        RoomStore roomStore = new RoomStore(database);
        MessageCodec codec = new MessageCodec();
        commits = new GroupCommit(database, config.commitBatch(), RoomObserver.NONE);
        rooms = new RoomRegistry(roomStore, new OperationLog(database), commits, codec, config.roomLimits());
        web = new WebServer(config.host(), config.port(),
                RestApplication.create(roomStore, config.maxMessageBytes(), config.completion()),
                new WebSockets(rooms, codec, config.connectionLimits()));
    }

    /** Starts a server; the caller owns it and must {@link #stop()} it. */
    public static Main start(ServerConfig config) throws Exception {
        if (!SLF4JBridgeHandler.isInstalled()) { // Grizzly, Jersey and Tyrus log through JUL
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        Main main = new Main(config);
        try {
            for (Managed component : List.of(main.database, main.commits, main.web)) {
                component.start();
                main.started.add(component);
            }
        } catch (Exception e) {
            main.stop();
            throw e;
        }
        return main;
    }

    public int port() {
        return web.port();
    }

    public RoomRegistry rooms() {
        return rooms;
    }

    /**
     * Stores and acknowledges what was received, then tells every client "going away" (1001) before the
     * listener and the database close; a client that reconnects to the next server loses nothing.
     */
    public synchronized void stop() {
        try {
            commits.flush(10_000);
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
        ServerConfig config = new ServerConfig();
        CommandLine command = new CommandLine(config);
        try {
            command.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println("pairprog-server: " + e.getMessage());
            System.exit(2);
        }
        if (command.isUsageHelpRequested()) {
            command.usage(System.out);
            return;
        }
        try {
            Main main = start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("shutting down");
                main.stop();
                log.info("stopped");
            }, "shutdown"));
        } catch (Exception e) {
            log.debug("start failed", e);
            System.err.println("pairprog-server: cannot start: " + rootMessage(e));
            System.exit(1);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
